import type { InstallMessages } from './installMessages.ts';
import type { Language } from './resolveLanguage.ts';

/**
 * The install texts of the languages whose pack has been loaded, by language. Written where a
 * translator is made from a pack (loadTranslator.ts, createTranslator.ts), read by
 * `installMessage`: the install page looks its texts up by language while rendering, and its
 * chunk must not hold every language. English is not here: it is installMessage's fallback.
 */
export const loadedInstallMessages = new Map<Language, InstallMessages>();
