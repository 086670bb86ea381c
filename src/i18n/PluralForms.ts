/** Plural forms; `other` is required, the rest depend on the language (CLDR plural categories). */
export type PluralForms = { readonly other: string } & Partial<
  Readonly<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>
>;
