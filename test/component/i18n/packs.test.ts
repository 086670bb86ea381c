import { B24LangList, B24LocaleMap } from '@bitrix24/b24jssdk';
import { describe, expect, it } from 'vitest';
import { INSTALL_MESSAGES, LANGUAGES, PACKS } from '../../../src/i18n/createTranslator.ts';
import { en } from '../../../src/i18n/en.ts';
import type { PluralForms } from '../../../src/i18n/Messages.ts';

type Entry = string | PluralForms;
const ENGLISH = en as Readonly<Record<string, Entry>>;
const TRANSLATED = Object.entries(PACKS);

/**
 * Texts that carry no English words once these are taken out: proper names, a key's name and the
 * SI symbol for second (`{size}/s`). A text made only of them may stay as it is in English.
 */
const NOT_ENGLISH = ['Chat Drop', 'Bitrix24', 'REST', 'MB', 'https://', 'Enter', '/s'];

/**
 * Translations that are right although they read exactly as the English text, because the word
 * is the same in that language: `language.key` (`.category` for a plural form).
 */
const SAME_WORD_AS_ENGLISH = new Set([
  'de.details', // "Details"
  'de.errorCode', // "Code: {code}"
  'de.install.details',
  'la.sizeBytes.one', // "byte", "bytes"
  'la.sizeBytes.other',
  'br.sizeBytes.one',
  'br.sizeBytes.other',
  'it.fileCount.one', // "1 file": Italian "file" is invariable
  'it.sizeBytes.one',
]);

function hasEnglishWords(text: string): boolean {
  let rest = text.replace(/\{\w+\}/g, '');
  for (const name of NOT_ENGLISH) rest = rest.replaceAll(name, '');
  return /\p{L}/u.test(rest);
}

function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
}

/** Every text of a pack as `[id, english, translation]`, plural forms one by one. */
function pairs(lang: string, pack: Readonly<Record<string, Entry>>, english = ENGLISH) {
  return Object.entries(pack).flatMap(([key, value]) => {
    const source = english[key];
    if (typeof value === 'string') return [[`${lang}.${key}`, source as string, value] as const];
    return Object.entries(value).map(([category, text]) => {
      const forms = source as Readonly<Record<string, string>>;
      return [`${lang}.${key}.${category}`, forms[category] ?? forms.other!, text] as const;
    });
  });
}

describe('language packs', () => {
  it("cover every Bitrix24 interface language (the SDK's B24LangList), with the SDK's locale", () => {
    expect([...LANGUAGES].sort()).toEqual(Object.values(B24LangList).sort());
    for (const [lang, pack] of TRANSLATED) {
      expect(pack.locale, lang).toBe(B24LocaleMap[lang as B24LangList]);
    }
  });

  it('write Arabic right to left and every other language left to right', () => {
    for (const [lang, pack] of TRANSLATED)
      expect(pack.dir, lang).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  });

  it('have exactly the plural forms Intl.PluralRules uses for their locale', () => {
    for (const [lang, pack] of TRANSLATED) {
      const expected = new Intl.PluralRules(pack.locale).resolvedOptions().pluralCategories;
      for (const [key, value] of Object.entries(pack.messages)) {
        if (typeof value === 'string') continue;
        expect(Object.keys(value).sort(), `${lang}.${key}`).toEqual([...expected].sort());
      }
    }
  });

  it('keep the placeholders of the English text (a plural form may spell its number out)', () => {
    for (const [lang, pack] of TRANSLATED) {
      for (const [id, english, text] of pairs(lang, pack.messages)) {
        const wanted = placeholders(english);
        const got = placeholders(text);
        if (id.split('.').length === 3) expect(wanted, id).toEqual(expect.arrayContaining(got));
        else expect(got, id).toEqual(wanted);
      }
      const install = INSTALL_MESSAGES[lang as keyof typeof INSTALL_MESSAGES];
      for (const [id, english, text] of pairs(`${lang}.install`, install, INSTALL_MESSAGES.en)) {
        expect(placeholders(text), id).toEqual(placeholders(english));
      }
    }
  });

  it('leave no English text untranslated, proper names aside', () => {
    const leftovers: string[] = [];
    for (const [lang, pack] of TRANSLATED) {
      const install = INSTALL_MESSAGES[lang as keyof typeof INSTALL_MESSAGES];
      for (const [id, english, text] of [
        ...pairs(lang, pack.messages),
        ...pairs(`${lang}.install`, install, INSTALL_MESSAGES.en),
      ]) {
        if (text === english && hasEnglishWords(english) && !SAME_WORD_AS_ENGLISH.has(id)) {
          leftovers.push(`${id}: ${text}`);
        }
      }
    }
    expect(leftovers).toEqual([]);
  });

  it('the leftover check catches an English text and lets proper names through', () => {
    expect(hasEnglishWords('Chat Drop')).toBe(false);
    expect(hasEnglishWords('{size}/s')).toBe(false);
    expect(hasEnglishWords('Retry {name}')).toBe(true);
    expect(hasEnglishWords('Bitrix24 is busy')).toBe(true);
  });
});
