import { describe, expect, it } from 'vitest';
import { sanitizeFileName } from '../../../src/core/sanitizeFileName.ts';
import { MAX_FILE_BYTES, validateFile } from '../../../src/core/validateFile.ts';

describe('validateFile', () => {
  it('accepts exactly 104,857,600 bytes and refuses one byte more as FILE_TOO_LARGE from the client', () => {
    expect(MAX_FILE_BYTES).toBe(104_857_600);
    expect(validateFile({ name: 'a.bin', size: 104_857_600 })).toBeUndefined();
    expect(validateFile({ name: 'a.bin', size: 104_857_601 })).toEqual(
      expect.objectContaining({ code: 'FILE_TOO_LARGE', origin: 'client' }),
    );
  });

  it('refuses a 0-byte file as FILE_EMPTY from the client and accepts 1 byte', () => {
    expect(validateFile({ name: 'a.txt', size: 0 })).toEqual({
      code: 'FILE_EMPTY',
      origin: 'client',
    });
    expect(validateFile({ name: 'a.txt', size: 1 })).toBeUndefined();
  });

  it.each(['', ' ', '\t  ', '.', '..', '...'])('refuses the unusable name %j', (name) => {
    expect(validateFile({ name, size: 10 })?.code).toBe('WIDGET_NAME_INVALID');
  });

  it('accepts a 255-unit name and refuses 256 units (an emoji counts two)', () => {
    expect(validateFile({ name: 'x'.repeat(251) + '.txt', size: 1 })).toBeUndefined();
    expect(validateFile({ name: 'x'.repeat(252) + '.txt', size: 1 })?.code).toBe(
      'WIDGET_NAME_INVALID',
    );
    expect(validateFile({ name: '😀'.repeat(127) + '.', size: 1 })).toBeUndefined();
    expect(validateFile({ name: '😀'.repeat(128), size: 1 })?.code).toBe('WIDGET_NAME_INVALID');
  });

  it.each([
    'отчёт.pdf',
    '📊 plan.xlsx',
    'ملف.txt',
    'README',
    '.gitignore',
    ' spaced .txt',
    '...txt',
  ])('accepts the real-world name %j', (name) => {
    expect(validateFile({ name, size: 5 })).toBeUndefined();
  });
});

describe('sanitizeFileName', () => {
  it('replaces path separators so the portal cannot cut the name to its last part', () => {
    expect(sanitizeFileName('../../x')).toBe('.._.._x');
    expect(sanitizeFileName('a\\b.txt')).toBe('a_b.txt');
  });

  it('removes control characters', () => {
    expect(sanitizeFileName('a\u0000b\u001f\u007f\u0085c\n.txt')).toBe('abc.txt');
  });

  it.each([
    'отчёт за май.pdf',
    '😀👍🏽.png',
    'שלום.docx',
    '\u202Egnp.exe',
    'x'.repeat(255),
    'no-extension',
    '.env',
    '  leading and trailing  ',
    '<img src=x onerror=alert(1)>.html',
  ])('keeps %j exactly', (name) => {
    expect(sanitizeFileName(name)).toBe(name);
  });
});
