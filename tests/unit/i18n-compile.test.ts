import { describe, expect, it } from 'vitest';
import type { MessageContext } from 'vue-i18n';
import { compileMessage } from '../../app/i18n/compile';

/** A message context as vue-i18n gives one: named and list values, plural by count. */
function ctx(named: Record<string, unknown> = {}, list: unknown[] = [], count = 1): MessageContext {
  return {
    named: (k: string) => named[k],
    list: (i: number) => list[i],
    interpolate: (v: unknown) => String(v),
    normalize: (parts: unknown[]) => parts.join(''),
    // vue-i18n's rule for two choices: the first for one, the second otherwise.
    plural: <T>(choices: T[]) => choices[count === 1 ? 0 : choices.length - 1]!,
  } as unknown as MessageContext;
}
const run = (message: string, c: MessageContext) => (compileMessage(message, { key: 'k' } as never) as (c: MessageContext) => string)(c);

describe('the UI message compiler', () => {
  it('fills named values, in Chinese and English text alike', () => {
    expect(run('逾期 {n} 天', ctx({ n: 3 }))).toBe('逾期 3 天');
    expect(run('Signed in as {name}', ctx({ name: '陈建国' }))).toBe('Signed in as 陈建国');
    expect(run('已答 {done} / {total} 项', ctx({ done: 4, total: 22 }))).toBe('已答 4 / 22 项');
  });

  it('keeps text without placeholders as it is, punctuation included', () => {
    expect(run('照片不在本机上，联网后可查看（稍后）', ctx())).toBe('照片不在本机上，联网后可查看（稍后）');
  });

  it('fills list values and literal braces', () => {
    expect(run('{0} of {1}', ctx({}, ['a', 'b']))).toBe('a of b');
    expect(run("{'{'}x{'}'}", ctx())).toBe('{x}');
  });

  it('chooses between plural forms', () => {
    expect(run('{n} photo | {n} photos', ctx({ n: 1 }, [], 1))).toBe('1 photo');
    expect(run('{n} photo | {n} photos', ctx({ n: 5 }, [], 5))).toBe('5 photos');
  });
});
