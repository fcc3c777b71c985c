/** Text that may be plain (Chinese) or given in both languages: pick the one to show. */
import type { MaybeLocalizedText } from './schemas/common';

export type Lang = 'zh' | 'en';

export function localized(text: MaybeLocalizedText | undefined, lang: Lang): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (lang === 'en' ? text.en : text.zh) || text.zh;
}
