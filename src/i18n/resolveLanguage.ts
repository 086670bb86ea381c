export const LANGUAGES = ['en', 'ru', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Bitrix24 sends its interface language as `LANG` (`en`, `de`, `ru`, `ua`, `la`, `br`, ...).
 * Only exact matches of a pack count: `ua` (Ukrainian), `la` (Latin-American Spanish) and
 * `br` (Brazilian Portuguese) are portal codes, not ISO ones, so they fall back to English
 * rather than to a wrong guess.
 */
export function resolveLanguage(lang: string | undefined): Language {
  const base = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
}
