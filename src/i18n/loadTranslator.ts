import { createTranslatorFrom, type Translator } from './createTranslatorFrom.ts';
import { en } from './en.ts';
import type { Messages } from './Messages.ts';
import { resolveLanguage, type Language } from './resolveLanguage.ts';

/**
 * Where each pack comes from. English is the fallback and ships in the main chunk; the others
 * are separate chunks, so a portal downloads only its own language (issue 7). Each pack still
 * `satisfies Messages` in its file, so a missing key fails type-checking as before.
 */
const LOADERS = {
  en: async () => en,
  ru: async () => (await import('./ru.ts')).ru,
  de: async () => (await import('./de.ts')).de,
} as const satisfies Record<Language, () => Promise<Messages>>;

/**
 * The translator for a portal language with only that language's pack loaded. Never rejects:
 * when the pack cannot be loaded (a network error while fetching the chunk) the widget speaks
 * English rather than not starting at all.
 */
export async function loadTranslator(lang: string | undefined): Promise<Translator> {
  const language = resolveLanguage(lang);
  try {
    return createTranslatorFrom(language, await LOADERS[language]());
  } catch {
    console.error(`[chat-drop] the ${language} messages could not be loaded; using English`);
    return createTranslatorFrom('en', en);
  }
}
