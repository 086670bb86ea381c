import { createTranslatorFrom, type Translator } from './createTranslatorFrom.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import type { Messages } from './Messages.ts';
import { resolveLanguage, type Language } from './resolveLanguage.ts';
import { ru } from './ru.ts';

export type { Translator, Vars } from './createTranslatorFrom.ts';
export { LANGUAGES, resolveLanguage, type Language } from './resolveLanguage.ts';

const PACKS = { en, ru, de } as const satisfies Record<Language, Messages>;

/**
 * A translator for a portal language, falling back to English for unknown languages, with every
 * pack at hand (synchronous). The widget itself loads only the portal's pack: loadTranslator.ts.
 */
export function createTranslator(lang: string | undefined): Translator {
  const language = resolveLanguage(lang);
  return createTranslatorFrom(language, PACKS[language]);
}
