import type { LanguagePack } from './LanguagePack.ts';
import { resolveLanguage, type Language } from './resolveLanguage.ts';

/** A portal language other than English (English ships in the main chunk: en.ts). */
export type TranslatedLanguage = Exclude<Language, 'en'>;

/**
 * Where each language's pack comes from: one chunk per language. This table is a chunk of its
 * own too, fetched only for a portal that does not speak English, so that the startup JS does
 * not carry a file name per language (the 176 kB gzip budget, bench/README.md). A language
 * missing here fails type-checking.
 */
const LOADERS = {
  ru: async () => (await import('./ru.ts')).default,
  de: async () => (await import('./de.ts')).default,
  la: async () => (await import('./la.ts')).default,
  br: async () => (await import('./br.ts')).default,
  fr: async () => (await import('./fr.ts')).default,
  it: async () => (await import('./it.ts')).default,
  pl: async () => (await import('./pl.ts')).default,
  tr: async () => (await import('./tr.ts')).default,
  ua: async () => (await import('./ua.ts')).default,
  kz: async () => (await import('./kz.ts')).default,
  id: async () => (await import('./id.ts')).default,
  ms: async () => (await import('./ms.ts')).default,
  vn: async () => (await import('./vn.ts')).default,
  th: async () => (await import('./th.ts')).default,
  ja: async () => (await import('./ja.ts')).default,
  sc: async () => (await import('./sc.ts')).default,
  tc: async () => (await import('./tc.ts')).default,
  in: async () => (await import('./in.ts')).default,
  ar: async () => (await import('./ar.ts')).default,
} as const satisfies Record<TranslatedLanguage, () => Promise<LanguagePack>>;

/**
 * The language of a portal's `LANG` (see resolveLanguage) with its pack, or `undefined` for
 * English and for languages Bitrix24 does not have. Rejects when the chunk cannot be fetched.
 */
export async function loadLanguagePack(
  lang: string,
): Promise<readonly [TranslatedLanguage, LanguagePack] | undefined> {
  const language = resolveLanguage(lang);
  return language === 'en' ? undefined : [language, await LOADERS[language]()];
}
