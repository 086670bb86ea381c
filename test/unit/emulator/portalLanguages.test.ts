import { B24LangList } from '@bitrix24/b24jssdk';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/i18n/resolveLanguage.ts';

/** The page's i18n module as served (plain JS, typed here by what the tests use). */
interface PortalI18n {
  LANGS: readonly string[];
  localeOf(lang: string): string;
  translator(lang: string): (key: string) => string;
  pluralizer(lang: string): (key: string, count: number) => string;
}

const MODULE = new URL('../../../emulator/portal/public/portalI18n.js', import.meta.url).href;
const { LANGS, localeOf, translator, pluralizer } = (await import(MODULE)) as PortalI18n;

/** Counts that reach every plural category somewhere (Arabic: zero, one, two, few, many, other). */
const COUNTS = [0, 1, 2, 3, 5, 11, 21, 100, 101, 1.5];

describe('portal page languages', () => {
  // The emulator and the widget keep their own lists on purpose (neither imports the other: two
  // systems that must agree); this is where a drift between them, or from the SDK, fails.
  it('offers every Bitrix24 interface language (the SDK B24LangList), the same the widget knows', () => {
    expect([...LANGS].sort()).toEqual(Object.values(B24LangList).sort());
    expect([...LANGS].sort()).toEqual([...LANGUAGES].sort());
  });

  it('counted texts never throw and never show a key, in every language and category', () => {
    for (const lang of [...LANGS, 'en_US', 'xx', '']) {
      const plural = pluralizer(lang);
      for (const count of COUNTS) {
        const text = plural('files', count);
        expect(text, `${lang} ${count}`).not.toMatch(/files_|\{count\}/);
        expect(text.length, `${lang} ${count}`).toBeGreaterThan(0);
      }
    }
  });

  it('a language without texts of its own uses English texts with English plural rules', () => {
    // Arabic selects `zero` for 0 and `two` for 2; English texts have only one/other.
    expect(pluralizer('ar')('files', 0)).toBe('0 files');
    expect(pluralizer('ar')('files', 1)).toBe('1 file');
    expect(pluralizer('ar')('files', 2)).toBe('2 files');
    expect(translator('ar')('send')).toBe('Send');
    expect(translator('ja')('download')).toBe('Download');
  });

  it('a language with its own texts uses its own plural categories', () => {
    const ru = pluralizer('ru');
    expect(ru('files', 1)).toBe('1 файл');
    expect(ru('files', 3)).toBe('3 файла');
    expect(ru('files', 5)).toBe('5 файлов');
    expect(ru('files', 21)).toBe('21 файл');
    expect(pluralizer('de')('files', 2)).toBe('2 Dateien');
  });

  it('maps Bitrix24 language ids to locales Intl accepts (the SDK B24LocaleMap)', () => {
    expect(localeOf('la')).toBe('es-ES');
    expect(localeOf('br')).toBe('pt-BR');
    expect(localeOf('sc')).toBe('zh-CN');
    expect(localeOf('ua')).toBe('uk-UA');
    expect(localeOf('en_US')).toBe('en-US');
    for (const lang of [...LANGS, 'en_US', '', 'not a tag']) {
      expect(() => new Date(0).toLocaleTimeString(localeOf(lang)), lang).not.toThrow();
    }
  });
});
