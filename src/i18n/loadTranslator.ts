import { createTranslatorFrom, type Translator } from './createTranslatorFrom.ts';
import { en } from './en.ts';
import { loadedInstallMessages } from './loadedInstallMessages.ts';

/**
 * The translator for a portal language with only that language's pack loaded (issue 7): English
 * is in the main chunk, every other language is a chunk of its own (loadLanguagePack.ts) holding
 * the widget's and the install page's texts. Never rejects: when the pack cannot be loaded (a
 * network error while fetching the chunk) the widget speaks English rather than not starting at
 * all. Can be called again whenever the portal's language changes.
 */
export async function loadTranslator(lang: string | undefined): Promise<Translator> {
  if (lang && !/^\s*en\b/i.test(lang)) {
    try {
      const { loadLanguagePack } = await import('./loadLanguagePack.ts');
      const loaded = await loadLanguagePack(lang);
      if (loaded) {
        const [language, pack] = loaded;
        loadedInstallMessages.set(language, pack.install);
        return createTranslatorFrom(language, pack.messages, pack);
      }
    } catch {
      console.error(`[chat-drop] the ${lang} messages could not be loaded; using English`);
    }
  }
  return createTranslatorFrom('en', en);
}
