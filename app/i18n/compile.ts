/**
 * Our own message compiler for vue-i18n, so its 16 KB compiler stays out of
 * the first screen (the build sets __INTLIFY_DROP_MESSAGE_COMPILER__). The
 * app's messages use only: named interpolation `{name}`, list `{0}`, literal
 * `{'{'}`, and plural choices `一 | 多` — this covers exactly that.
 *
 * Why not @intlify/unplugin-vue-i18n's build-time precompilation (measured
 * with the messages converted to JSON, the only form besides an
 * `export default {…}` literal that it precompiles; our area files export
 * typed `zh`/`en` objects): first-screen JS 118.5 KB gzip against 118.2 KB
 * with this file, lazy message chunks about 20 % larger (the admin area's
 * 10.3 KB gzip against 8.5 KB: each message ships as an AST, not a string),
 * 58 more packages (about 16 MB), and from 11.2 on it requires Node 22.13.
 */
import type { MessageCompiler, MessageContext, MessageFunction } from 'vue-i18n';

const TOKEN = /\{\s*'([^']*)'\s*\}|\{\s*(\w+)\s*\}/g;

type Part = { text: string } | { named: string } | { list: number };

function parse(message: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of message.matchAll(TOKEN)) {
    if (m.index > last) parts.push({ text: message.slice(last, m.index) });
    if (m[1] !== undefined) parts.push({ text: m[1] });
    else if (/^\d+$/.test(m[2]!)) parts.push({ list: Number(m[2]) });
    else parts.push({ named: m[2]! });
    last = m.index + m[0].length;
  }
  if (last < message.length) parts.push({ text: message.slice(last) });
  return parts;
}

function render(parts: Part[], ctx: MessageContext): string {
  return parts.map((p) => ('text' in p ? p.text : display('named' in p ? ctx.named(p.named) : ctx.list(p.list)))).join('');
}

function display(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

export const compileMessage: MessageCompiler = (message) => {
  if (typeof message !== 'string') throw new Error('only string messages are supported');
  const choices = message.split(/\s\|\s/).map(parse);
  const fn = (ctx: MessageContext) =>
    choices.length === 1 ? render(choices[0]!, ctx) : (ctx.plural(choices.map((c) => render(c, ctx))) as string);
  return fn as MessageFunction;
};
