/**
 * Plural forms of one text, one per CLDR plural category. `other` is always required;
 * `Required` names the categories the pack's language uses (Russian `one | few | many`,
 * Arabic all six), so a pack that declares them cannot leave one out. Which categories a
 * language has comes from `Intl.PluralRules(locale).resolvedOptions().pluralCategories`
 * (test/component/i18n/packs.test.ts checks each pack against it).
 */
export type PluralForms<Required extends Intl.LDMLPluralRule = never> = {
  readonly other: string;
} & Readonly<Record<Required, string>> &
  Partial<Readonly<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>>;
