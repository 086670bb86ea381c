import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGE_KEYS, NEXT_STEPS } from '../../../src/core/errorPolicy.ts';
import { de } from '../../../src/i18n/de.ts';
import { en } from '../../../src/i18n/en.ts';
import { createTranslator, resolveLanguage } from '../../../src/i18n/createTranslator.ts';
import type { Messages } from '../../../src/i18n/Messages.ts';
import { ru } from '../../../src/i18n/ru.ts';

describe('createTranslator', () => {
  it('uses Russian plural forms: 1 файл, 2 файла, 5 файлов, 21 файл', () => {
    const t = createTranslator('ru');
    expect([1, 2, 5, 21, 11, 22, 111].map((count) => t.t('fileCount', { count }))).toEqual([
      '1 файл',
      '2 файла',
      '5 файлов',
      '21 файл',
      '11 файлов',
      '22 файла',
      '111 файлов',
    ]);
  });

  it('uses English and German one/other plurals', () => {
    expect(createTranslator('en').t('fileCount', { count: 1 })).toBe('1 file');
    expect(createTranslator('en').t('fileCount', { count: 12 })).toBe('12 files');
    expect(createTranslator('de').t('fileCount', { count: 1 })).toBe('1 Datei');
    expect(createTranslator('de').t('fileCount', { count: 3 })).toBe('3 Dateien');
  });

  it('falls back to English for a missing LANG, nonsense, and codes Bitrix24 does not send', () => {
    // Bitrix24 sends its own codes (`la`, `br`, `ua`, …), never the ISO ones (`es`, `pt`, `uk`).
    for (const lang of ['', undefined, 'xx-YY', 'es', 'pt', 'uk', 'zh', 'hi']) {
      expect(resolveLanguage(lang)).toBe('en');
    }
    expect(resolveLanguage('RU')).toBe('ru');
    expect(resolveLanguage('de-AT')).toBe('de');
    expect(resolveLanguage(' br ')).toBe('br');
  });

  it('formats sizes per language, 1024-based, with whole bytes pluralized', () => {
    expect(createTranslator('en').formatSize(104_857_600)).toBe('100 MB');
    expect(createTranslator('en').formatSize(1)).toBe('1 byte');
    expect(createTranslator('en').formatSize(500)).toBe('500 bytes');
    expect(createTranslator('de').formatSize(1536)).toBe('1,5 kB');
    expect(createTranslator('ru').formatSize(3)).toBe('3 байта');
  });

  it('formats percentages, speeds and time left per language', () => {
    const en = createTranslator('en');
    expect(en.formatPercent(42.4)).toBe('42%');
    expect(en.formatSpeed(2 * 1024 * 1024)).toBe('2 MB/s');
    expect(en.formatDuration(5)).toBe('5 seconds');
    expect(en.formatDuration(130)).toBe('2 minutes');
    expect(createTranslator('ru').formatDuration(5)).toBe('5 секунд');
    expect(createTranslator('ru').formatDuration(60 * 21)).toBe('21 минута');
  });

  it('inserts a name with a bidi override (U+202A-U+202E) with "�" in its place, isolates kept', () => {
    const t = createTranslator('en');
    expect(t.t('toastDelivered', { name: 'cv\u202Egnp.exe' })).toBe('cv\uFFFDgnp.exe delivered');
    expect(t.t('toastDelivered', { name: '\u2068a\u202Ab\u202Cc\u2069' })).toBe(
      '\u2068a\uFFFDb\uFFFDc\u2069 delivered',
    );
  });

  it('inserts values as plain text and keeps unknown placeholders visible', () => {
    const t = createTranslator('en');
    expect(t.t('toastDelivered', { name: '<img src=x onerror=alert(1)>' })).toBe(
      '<img src=x onerror=alert(1)> delivered',
    );
    expect(t.t('toastDelivered')).toBe('{name} delivered');
  });

  it('has a text in every language for every error message key and next step of the policy', () => {
    for (const pack of [en, ru, de] as Record<string, unknown>[]) {
      for (const key of ERROR_MESSAGE_KEYS) expect(typeof pack[key]).toBe('string');
      for (const step of NEXT_STEPS) expect(typeof pack[`next_${step}`]).toBe('string');
    }
  });

  it('has the same keys in every language pack', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });
});

describe('language packs (type-level)', () => {
  it('a pack missing a key does not type-check as Messages', () => {
    // Checked by `tsc -b` (tsconfig.test.json includes test/): remove a key and the
    // assignment below must be an error, or the @ts-expect-error itself fails the build.
    const { dropHere: _dropped, ...incomplete } = ru;
    // @ts-expect-error a missing key must fail type-checking
    const broken: Messages = incomplete;
    expect(Object.hasOwn(broken, 'dropHere')).toBe(false);
  });

  it('a pack missing an error message of the policy does not type-check', () => {
    const { error_network: _dropped, ...incomplete } = de;
    // @ts-expect-error every policy message key must have a text
    const broken: Messages = incomplete;
    expect(Object.hasOwn(broken, 'error_network')).toBe(false);
  });
});
