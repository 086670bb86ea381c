import type { InstallMessages } from './installMessages.ts';
import type { Messages } from './Messages.ts';

/** Writing direction of a language; the UI sets it as `dir` on what it renders. */
export type TextDirection = 'ltr' | 'rtl';

/** How a language formats: its BCP 47 locale (for `Intl` and `lang` attributes) and direction. */
export interface LocaleFormat {
  readonly locale: string;
  readonly dir: TextDirection;
}

/**
 * Everything the widget says in one language, loaded as one chunk (loadLanguagePack.ts): the
 * widget's messages, the install page's texts, and how the language formats. `locale` is the
 * SDK's `B24LocaleMap` value for the portal's code (@bitrix24/b24jssdk
 * dist/esm/core/language/list.mjs): `la` → `es-ES`, `br` → `pt-BR`, `sc` → `zh-CN`, …
 */
export interface LanguagePack<Plurals extends Intl.LDMLPluralRule = never> extends LocaleFormat {
  readonly messages: Messages<Plurals>;
  readonly install: InstallMessages;
}
