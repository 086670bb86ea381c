/**
 * Bitrix24's interface languages, as the portal sends them in `LANG` (the SDK's `B24LangList`,
 * @bitrix24/b24jssdk dist/esm/core/language/list.mjs). These are portal codes, not ISO ones:
 * `la` is Spanish, `br` Brazilian Portuguese, `ua` Ukrainian, `kz` Kazakh, `vn` Vietnamese,
 * `sc`/`tc` Chinese simplified/traditional, `in` Hindi.
 */
export const LANGUAGES = [
  'en',
  'ru',
  'de',
  'la',
  'br',
  'fr',
  'it',
  'pl',
  'tr',
  'ua',
  'kz',
  'id',
  'ms',
  'vn',
  'th',
  'ja',
  'sc',
  'tc',
  'in',
  'ar',
] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The pack for a portal's `LANG`: its code, case and a region suffix (`de-AT`) ignored. Anything
 * else (missing, unknown, a code Bitrix24 does not use) falls back to English rather than to a
 * wrong guess.
 */
export function resolveLanguage(lang: string | undefined): Language {
  const base = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
}
