import { createTranslatorFrom, type Translator } from './createTranslatorFrom.ts';
import de from './de.ts';
import { en } from './en.ts';
import ar from './ar.ts';
import hi from './in.ts';
import tc from './tc.ts';
import sc from './sc.ts';
import ja from './ja.ts';
import th from './th.ts';
import vn from './vn.ts';
import ms from './ms.ts';
import id from './id.ts';
import kz from './kz.ts';
import ua from './ua.ts';
import tr from './tr.ts';
import pl from './pl.ts';
import it from './it.ts';
import fr from './fr.ts';
import br from './br.ts';
import la from './la.ts';
import { en as installEn } from './install/en.ts';
import type { InstallMessages } from './installMessages.ts';
import type { LanguagePack } from './LanguagePack.ts';
import { loadedInstallMessages } from './loadedInstallMessages.ts';
import type { TranslatedLanguage } from './loadLanguagePack.ts';
import { resolveLanguage, type Language } from './resolveLanguage.ts';
import ru from './ru.ts';

export type { Translator, Vars } from './createTranslatorFrom.ts';
export { LANGUAGES, resolveLanguage, type Language } from './resolveLanguage.ts';

/** Every language's pack, at hand (tests and tools; the widget loads one: loadTranslator.ts). */
export const PACKS = {
  ru,
  de,
  la: la,
  br: br,
  fr: fr,
  it: it,
  pl: pl,
  tr: tr,
  ua: ua,
  kz: kz,
  id: id,
  ms: ms,
  vn: vn,
  th: th,
  ja: ja,
  sc: sc,
  tc: tc,
  in: hi,
  ar: ar,
} as const satisfies Record<TranslatedLanguage, LanguagePack>;

/** Every language's install texts, at hand (tests and tools). */
export const INSTALL_MESSAGES = {
  en: installEn,
  ru: ru.install,
  de: de.install,
  la: la.install,
  br: br.install,
  fr: fr.install,
  it: it.install,
  pl: pl.install,
  tr: tr.install,
  ua: ua.install,
  kz: kz.install,
  id: id.install,
  ms: ms.install,
  vn: vn.install,
  th: th.install,
  ja: ja.install,
  sc: sc.install,
  tc: tc.install,
  in: hi.install,
  ar: ar.install,
} as const satisfies Record<Language, InstallMessages>;

/**
 * A translator for a portal language, falling back to English for unknown languages, with every
 * pack at hand (synchronous). The widget itself loads only the portal's pack: loadTranslator.ts.
 * Like loadTranslator, makes the language's install texts available to `installMessage`.
 */
export function createTranslator(lang: string | undefined): Translator {
  const language = resolveLanguage(lang);
  if (language === 'en') return createTranslatorFrom('en', en);
  const pack = PACKS[language];
  loadedInstallMessages.set(language, pack.install);
  return createTranslatorFrom(language, pack.messages, pack);
}
