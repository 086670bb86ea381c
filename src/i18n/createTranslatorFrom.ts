import type { LocaleFormat, TextDirection } from './LanguagePack.ts';
import type { MessageKey, Messages, PluralForms } from './Messages.ts';
import type { Language } from './resolveLanguage.ts';
import { showBidiOverrides } from './showBidiOverrides.ts';

/** Values for `{name}` placeholders; `count` also picks the plural form. */
export type Vars = Readonly<Record<string, string | number>>;

export interface Translator {
  /** The portal's language code (Bitrix24's `LANG`: `en`, `br`, `sc`, …). */
  readonly lang: Language;
  /** BCP 47 tag of that language (`pt-BR` for `br`), for `lang` attributes. */
  readonly locale: string;
  /** Writing direction (`rtl` for Arabic), for `dir` attributes. */
  readonly dir: TextDirection;
  /** The localized text; placeholders are replaced as plain text, never as markup. */
  t(key: MessageKey, vars?: Vars): string;
  formatSize(bytes: number): string;
  formatPercent(percentage: number): string;
  formatSpeed(bytesPerSecond: number): string;
  formatDuration(seconds: number): string;
  formatNumber(value: number): string;
  /** A moment as the clock shows it in this locale (`14:32`, `2:32 PM`), from epoch ms. */
  formatClockTime(epochMs: number): string;
  /**
   * Parts joined as this locale lists them (`12 delivered, 1 failed` in English; Arabic joins
   * with `و`, Japanese with `、`): `Intl.ListFormat`, narrow conjunction.
   */
  formatList(parts: readonly string[]): string;
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

function fill(template: string, vars: Vars | undefined): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    // Names arrive here as values: never an override that reverses the sentence around them.
    Object.hasOwn(vars, name) ? showBidiOverrides(String(vars[name])) : whole,
  );
}

/**
 * A translator over one language's messages. Plural forms come from `Intl.PluralRules` (Russian:
 * one/few/many/other, Arabic six forms), numbers, sizes and durations from `Intl.NumberFormat`,
 * both for `format.locale`, so each language formats them its own way. Without `format` the
 * language code is the locale, written left to right (English). Kept apart from the packs so
 * that the app can load only the portal's language (loadTranslator.ts).
 */
export function createTranslatorFrom(
  language: Language,
  pack: Messages,
  format: LocaleFormat = { locale: language, dir: 'ltr' },
): Translator {
  const { locale } = format;
  // Plural forms are picked for the number as shown (whole), so "1.5" never reads as "2 files".
  const plurals = new Intl.PluralRules(locale, { maximumFractionDigits: 0 });
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const sizeFormats = UNITS.map(
    (unit) =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit,
        unitDisplay: 'short',
        maximumFractionDigits: unit === 'byte' ? 0 : 1,
      }),
  );
  const durationFormat = (unit: 'second' | 'minute' | 'hour'): Intl.NumberFormat =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' });
  const clock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  const list = new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' });
  const seconds = durationFormat('second');
  const minutes = durationFormat('minute');
  const hours = durationFormat('hour');

  const pick = (forms: PluralForms, count: number): string =>
    forms[plurals.select(count)] ?? forms.other;

  const formatSize = (bytes: number): string => {
    // 1024-based, like the 100 MB limit of im.v2.File.upload (104,857,600 bytes).
    let value = Math.max(0, bytes);
    let index = 0;
    while (value >= 1024 && index < UNITS.length - 1) {
      value /= 1024;
      index += 1;
    }
    // Intl's short `byte` unit reads "500 byte" in English, so whole bytes use a plural string.
    if (index === 0) return fill(pick(pack.sizeBytes, value), { count: numbers.format(value) });
    return (sizeFormats[index] ?? sizeFormats[0]!).format(value);
  };

  return {
    lang: language,
    locale,
    dir: format.dir,
    t(key, vars) {
      const entry = pack[key];
      if (typeof entry === 'string') return fill(entry, vars);
      const count = Number(vars?.count ?? 0);
      return fill(pick(entry, count), { ...vars, count: numbers.format(count) });
    },
    formatSize,
    formatPercent: (percentage) => percents.format(Math.min(100, Math.max(0, percentage)) / 100),
    formatSpeed: (bytesPerSecond) => fill(pack.speed, { size: formatSize(bytesPerSecond) }),
    formatDuration(total) {
      const s = Math.max(1, Math.round(total));
      if (s < 60) return seconds.format(s);
      if (s < 3600) return minutes.format(Math.round(s / 60));
      return hours.format(Math.round((s / 3600) * 10) / 10);
    },
    formatNumber: (value) => numbers.format(value),
    formatClockTime: (epochMs) => clock.format(epochMs),
    formatList: (parts) => list.format(parts),
  };
}
