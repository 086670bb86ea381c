import { describe, expect, it } from 'vitest';
import { createTranslator, LANGUAGES, PACKS } from '../../../src/i18n/createTranslator.ts';
import { en } from '../../../src/i18n/en.ts';
import { installMessage } from '../../../src/i18n/installMessages.ts';
import { loadTranslator } from '../../../src/i18n/loadTranslator.ts';
import { describeSummary } from '../../../src/ui/describeSummary.ts';

const COUNTS = [0, 1, 2, 3, 5, 11, 21, 22, 25, 101];

/** Intl writes a no-break or narrow no-break space between number and unit in some locales. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

describe('plural forms through Intl.PluralRules, per language', () => {
  it.each([
    ['en', '0 files|1 file|2 files|3 files|5 files|11 files|21 files|22 files|25 files|101 files'],
    [
      'ru',
      '0 файлов|1 файл|2 файла|3 файла|5 файлов|11 файлов|21 файл|22 файла|25 файлов|101 файл',
    ],
    [
      'ua',
      '0 файлів|1 файл|2 файли|3 файли|5 файлів|11 файлів|21 файл|22 файли|25 файлів|101 файл',
    ],
    [
      'pl',
      '0 plików|1 plik|2 pliki|3 pliki|5 plików|11 plików|21 plików|22 pliki|25 plików|101 plików',
    ],
    [
      'fr',
      '0 fichier|1 fichier|2 fichiers|3 fichiers|5 fichiers|11 fichiers|21 fichiers|22 fichiers|25 fichiers|101 fichiers',
    ],
    ['in', '0 फ़ाइल|1 फ़ाइल|2 फ़ाइलें|3 फ़ाइलें|5 फ़ाइलें|11 फ़ाइलें|21 फ़ाइलें|22 फ़ाइलें|25 फ़ाइलें|101 फ़ाइलें'],
    ['tr', '0 dosya|1 dosya|2 dosya|3 dosya|5 dosya|11 dosya|21 dosya|22 dosya|25 dosya|101 dosya'],
    ['ja', COUNTS.map((count) => `${count} 件のファイル`).join('|')],
    ['sc', COUNTS.map((count) => `${count} 个文件`).join('|')],
    // Arabic: six forms, and Arabic-Indic digits (ar-SA): zero, one, two, few (3–10),
    // many (11–99), other (100–102).
    ['ar', '٠ ملف|ملف واحد|ملفان|٣ ملفات|٥ ملفات|١١ ملفًا|٢١ ملفًا|٢٢ ملفًا|٢٥ ملفًا|١٠١ ملف'],
  ])('%s: 0, 1, 2, 3, 5, 11, 21, 22, 25, 101 files', (lang, expected) => {
    const t = createTranslator(lang);
    expect(COUNTS.map((count) => t.t('fileCount', { count })).join('|')).toBe(expected);
  });

  it('picks the form for the number as shown: 1.5 files shows as 2', () => {
    expect(createTranslator('en').t('fileCount', { count: 1.5 })).toBe('2 files');
    expect(createTranslator('ru').t('fileCount', { count: 1.5 })).toBe('2 файла');
    expect(createTranslator('ar').t('fileCount', { count: 1.5 })).toBe('ملفان');
  });
});

describe('numbers, sizes, speeds and times through Intl with the pack locale', () => {
  it.each([
    ['en', '1.5 kB', '1.5 MB/s', '21 minutes', '42%'],
    ['de', '1,5 kB', '1,5 MB/s', '21 Minuten', '42 %'],
    ['fr', '1,5 ko', '1,5 Mo/s', '21 minutes', '42 %'],
    ['br', '1,5 kB', '1,5 MB/s', '21 minutos', '42%'],
    ['ru', '1,5 кБ', '1,5 МБ/с', '21 минута', '42 %'],
    ['pl', '1,5 kB', '1,5 MB/s', '21 minut', '42%'],
    ['ja', '1.5 KB', '1.5 MB/秒', '21 分', '42%'],
    ['ar', '١٫٥ كيلوبايت', '١٫٥ م.ب/ث', '٢١ دقيقة', '٤٢٪؜'],
  ])('%s: 1.5 kB, 1.5 MB/s, 21 minutes, 42%%', (lang, size, speed, duration, percent) => {
    const t = createTranslator(lang);
    expect(plain(t.formatSize(1536))).toBe(size);
    expect(plain(t.formatSpeed(1.5 * 1024 * 1024))).toBe(speed);
    expect(plain(t.formatDuration(21 * 60))).toBe(duration);
    expect(plain(t.formatPercent(42))).toBe(percent);
  });
});

describe('loadTranslator', () => {
  it('loads every language from its own pack, with its locale and direction', async () => {
    for (const lang of LANGUAGES) {
      const translator = await loadTranslator(lang);
      const pack = lang === 'en' ? undefined : PACKS[lang];
      expect(translator.lang).toBe(lang);
      expect(translator.t('dropHere')).toBe(pack?.messages.dropHere ?? en.dropHere);
      expect(translator.locale).toBe(pack?.locale ?? 'en');
      expect(translator.dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    }
  });

  it('falls back to English for a missing or unknown LANG', async () => {
    for (const lang of [undefined, '', 'xx', 'es', 'EN-us']) {
      const translator = await loadTranslator(lang);
      expect(translator.lang).toBe('en');
      expect(translator.t('retry')).toBe('Retry');
    }
  });

  it('follows the portal when its language changes mid-session', async () => {
    const arabic = await loadTranslator('ar');
    const japanese = await loadTranslator('ja');
    expect(arabic.t('retry')).toBe('إعادة المحاولة');
    expect(japanese.t('retry')).toBe('再試行');
    expect(installMessage('ja', 'repair')).toBe('修復');
    expect(installMessage('ar', 'repair')).toBe('إصلاح');
  });
});

describe('a batch summary lists its parts the way the language does', () => {
  const summary = {
    total: 6,
    delivered: 3,
    failed: 1,
    unknown: 0,
    cancelled: 2,
    active: 0,
    percentage: 100,
  };
  it.each([
    ['en', ', ', ', '],
    ['ar', ' و', ' و'],
    ['ja', '、', '、'],
    ['de', ', ', ' und '],
  ])(
    '%s joins the counts with its own separators, never a borrowed Latin comma',
    (lang, first, last) => {
      const t = createTranslator(lang);
      const parts = [
        t.t('summaryDelivered', { count: 3 }),
        t.t('summaryFailed', { count: 1 }),
        t.t('summaryCancelled', { count: 2 }),
      ];
      expect(describeSummary(summary, t)).toBe(`${parts[0]}${first}${parts[1]}${last}${parts[2]}`);
    },
  );
});
