import type { en } from './en.ts';
import type { PluralForms } from './PluralForms.ts';
import type { PolicyMessageKey } from './PolicyMessageKey.ts';

export type { PluralForms };

/** Every key of the English pack; a pack missing one of them fails type-checking. */
export type MessageKey = keyof typeof en;

/**
 * The shape a language pack must have: the same keys as English, strings or plural forms.
 * `Plurals` lists the plural categories of the pack's language besides `other` (see
 * PluralForms.ts): `Messages<'one' | 'few' | 'many'>` for Russian, `Messages` for Japanese.
 */
export type Messages<Plurals extends Intl.LDMLPluralRule = never> = {
  readonly [K in MessageKey]: (typeof en)[K] extends string ? string : PluralForms<Plurals>;
} & Readonly<Record<PolicyMessageKey, string>>;
