/**
 * UI language. Chinese is the default; the choice is kept on the device and
 * mirrored in <html lang> so screen readers and fonts pick the right language.
 *
 * What loads when (the first screen has a weight budget): Chinese core text
 * and the areas of the first screens (FIRST_SCREEN_AREAS) come with the app;
 * English and every other area load when needed — an area when a route that
 * uses it is opened (loadAreasFor, called by the router), English when chosen.
 */
import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import type { RouteLocationNormalized } from 'vue-router';
import { compileMessage } from './compile';
import type { AreaMessages, MessageSchema } from './messages';
import zhCN from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'parkcheck.locale';

declare module 'vue-i18n' {
  // Typed keys for t() everywhere; module augmentation needs an interface, so it is empty.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}

function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

function savedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

type AreaModule = { zh: Record<string, unknown>; en: Record<string, unknown> };
type AreaName = keyof AreaMessages & string;
const areaName = (file: string) => file.replace(/^.*\/|\.ts$/g, '');

/**
 * Areas the first screens need (login, home, today, the header's sync state):
 * their Chinese comes with the app. Their English is imported through a
 * query, which makes the bundler treat it as a separate module in its own
 * lazy chunk, so the first download carries no English. (Globs must be
 * literal strings, hence the repeated pattern.)
 */
const firstScreen = import.meta.glob<Record<string, unknown>>('./areas/{inspect,finding,photo,sync}.ts', { eager: true, import: 'zh' });
const firstScreenEnglish = import.meta.glob<Record<string, unknown>>('./areas/{inspect,finding,photo,sync}.ts', {
  query: '?english',
  import: 'en',
});
const later = import.meta.glob<AreaModule>(['./areas/*.ts', '!./areas/{inspect,finding,photo,sync}.ts']);
const loaded = new Set<string>(Object.keys(firstScreen).map(areaName));
const firstScreenMessages = Object.fromEntries(Object.entries(firstScreen).map(([file, zh]) => [areaName(file), zh]));

/** Dates and times as the deployment's calendar shows them, whatever the phone's own zone. */
const dateTimeIn = (timeZone: string) =>
  ({
    short: { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone },
    date: { year: 'numeric', month: '2-digit', day: '2-digit', timeZone },
    dateTime: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone },
  }) as const;

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messageCompiler: compileMessage,
  messages: {
    'zh-CN': { ...zhCN, ...firstScreenMessages } as MessageSchema,
  },
  numberFormats: {
    'zh-CN': { area: { maximumFractionDigits: 1 } },
    en: { area: { maximumFractionDigits: 1 } },
  },
});

export const locale = computed<Locale>(() => i18n.global.locale.value);
/** The language of zh/en texts in data (templates, categories). */
export const lang = computed<'zh' | 'en'>(() => (locale.value === 'en' ? 'en' : 'zh'));

let english: Promise<void> | undefined;
function loadEnglish(): Promise<void> {
  english ??= import('./en').then(async ({ default: en }) => {
    const areas = await Promise.all([...loaded].map(async (name) => [name, await englishOf(name)] as const));
    i18n.global.setLocaleMessage('en', { ...en, ...Object.fromEntries(areas) } as MessageSchema);
  });
  return english;
}

async function englishOf(name: string): Promise<Record<string, unknown>> {
  const first = firstScreenEnglish[`./areas/${name}.ts`];
  return first ? first() : (await laterArea(name)).en;
}

function laterArea(name: string): Promise<AreaModule> {
  const load = later[`./areas/${name}.ts`];
  if (!load) throw new Error(`no messages for area ${name}`);
  return load();
}

/** Loads the messages of `names` (in Chinese, and in English once it is in use). */
export async function loadAreas(names: readonly string[]): Promise<void> {
  const missing = names.filter((n) => !loaded.has(n) && later[`./areas/${n}.ts`]);
  await Promise.all(
    missing.map(async (name) => {
      const m = await laterArea(name);
      i18n.global.mergeLocaleMessage('zh-CN', { [name]: m.zh });
      if (english) {
        await english;
        i18n.global.mergeLocaleMessage('en', { [name]: m.en });
      }
      loaded.add(name);
    }),
  );
}

/** The areas a route needs: those it names in `meta.messages`, and its title's. */
export function loadAreasFor(route: RouteLocationNormalized): Promise<void> {
  const title = route.meta.title?.split('.')[0];
  return loadAreas([...(route.meta.messages ?? []), ...(title ? [title] : [])]);
}

export async function setLocale(next: Locale): Promise<void> {
  if (next === 'en') await loadEnglish();
  i18n.global.locale.value = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode or a full quota: the choice simply lasts for this session.
  }
}

/** Dates are shown in the deployment's time zone, as the session knows it: main.ts sets it before the first render and keeps it in step. */
export function setTimeZone(timeZone: string): void {
  for (const name of LOCALES) i18n.global.setDateTimeFormat(name, dateTimeIn(timeZone));
}

export function toggleLocale(): Promise<void> {
  return setLocale(locale.value === 'zh-CN' ? 'en' : 'zh-CN');
}

/** Before the first render: the saved language, loaded if it is English. */
export const ready: Promise<void> = savedLocale() === 'en' ? setLocale('en') : Promise.resolve(void (document.documentElement.lang = 'zh-CN'));

export type { AreaName };
