import { en } from './install/en.ts';
import { loadedInstallMessages } from './loadedInstallMessages.ts';
import type { Language } from './resolveLanguage.ts';

/** Every key of the English install texts; a language missing one fails type-checking. */
export type InstallMessageKey = keyof typeof en;

/** The install page's texts in one language (install/<code>.ts), complete against English. */
export type InstallMessages = Readonly<Record<InstallMessageKey, string>>;

/**
 * The install page's text for `key` in `lang` with `{name}` placeholders replaced as plain text.
 * A language's install texts travel in its language pack and are at hand once the translator for
 * that language has been made (loadTranslator.ts); until then, and for English, the English text.
 */
export function installMessage(
  lang: Language,
  key: InstallMessageKey,
  vars?: Readonly<Record<string, string>>,
): string {
  const template: string = (loadedInstallMessages.get(lang) ?? en)[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? (vars[name] ?? whole) : whole,
  );
}
