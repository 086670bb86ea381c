import { describe, expect, it } from 'vitest';
import { isSameUploadName } from '../../../src/bitrix/isSameUploadName.ts';

describe('isSameUploadName', () => {
  it('matches the same name, also after the portal trimmed surrounding whitespace', () => {
    expect(isSameUploadName('a.txt', 'a.txt')).toBe(true);
    expect(isSameUploadName('a.txt', '  a.txt ')).toBe(true);
    expect(isSameUploadName(' a.txt', 'a.txt')).toBe(true);
  });

  it('matches a duplicate renamed as `stem (N).ext`, with the extension after the last dot', () => {
    expect(isSameUploadName('report (1).pdf', 'report.pdf')).toBe(true);
    expect(isSameUploadName('report (12).pdf', 'report.pdf')).toBe(true);
    expect(isSameUploadName('archive.tar (2).gz', 'archive.tar.gz')).toBe(true);
    expect(isSameUploadName('README (3)', 'README')).toBe(true);
    expect(isSameUploadName('.env (1)', '.env')).toBe(true);
  });

  it('does not match another stem, another extension or another kind of suffix', () => {
    expect(isSameUploadName('report2.pdf', 'report.pdf')).toBe(false);
    expect(isSameUploadName('report (1).doc', 'report.pdf')).toBe(false);
    expect(isSameUploadName('report (x).pdf', 'report.pdf')).toBe(false);
    expect(isSameUploadName('report(1).pdf', 'report.pdf')).toBe(false);
    expect(isSameUploadName('my report (1).pdf', 'report.pdf')).toBe(false);
    expect(isSameUploadName('a.txt', 'b.txt')).toBe(false);
    expect(isSameUploadName('a', 'a.txt')).toBe(false);
  });

  it('matches the name the portal corrected: emoji and forbidden characters as `_`, also with a counter', () => {
    expect(isSameUploadName('Отчёт_ Q3 _итог__.pdf', 'Отчёт: Q3 "итог"?.pdf')).toBe(true);
    expect(isSameUploadName('_ plan.xlsx', '📊 plan.xlsx')).toBe(true);
    expect(isSameUploadName('a_b__c_.txt', 'a<b>|c*.txt')).toBe(true);
    expect(isSameUploadName('a_b__c_ (1).txt', 'a<b>|c*.txt')).toBe(true);
    // An emoji sequence (ZWJ family) may collapse to one `_` or to several.
    expect(isSameUploadName('_ team.png', '👨‍👩‍👧 team.png')).toBe(true);
    expect(isSameUploadName('___ team.png', '👨‍👩‍👧 team.png')).toBe(true);
  });

  it('does not take a corrected name for a different one', () => {
    expect(isSameUploadName('a_b__c_.txt', 'a<b>|cd.txt')).toBe(false);
    expect(isSameUploadName('x plan.xlsx', '📊 plan.xlsx')).toBe(false);
    expect(isSameUploadName(' plan.xlsx', '📊 plan.xlsx')).toBe(false);
  });
});
