import type { en } from './en.ts';
import type { PluralForms } from './PluralForms.ts';
import type { PolicyMessageKey } from './PolicyMessageKey.ts';

export type { PluralForms };

/** Every key of the English pack; a pack missing one of them fails type-checking. */
export type MessageKey = keyof typeof en;

/** The shape a language pack must have: the same keys as English, strings or plural forms. */
export type Messages = {
  readonly [K in MessageKey]: (typeof en)[K] extends string ? string : PluralForms;
} & Readonly<Record<PolicyMessageKey, string>>;
