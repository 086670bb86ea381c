import { describe, expect, it } from 'vitest';
import { isSameUploadName } from '../../../src/bitrix/isSameUploadName.ts';

interface NameRule {
  /** The rule, the test's name. */
  readonly rule: string;
  /** Whether every pair below is the same upload. */
  readonly same: boolean;
  /** `[name stored in the chat, name dropped]`. */
  readonly pairs: readonly (readonly [string, string])[];
}

const RULES: readonly NameRule[] = [
  {
    rule: 'matches the same name, also after the portal trimmed surrounding whitespace',
    same: true,
    pairs: [
      ['a.txt', 'a.txt'],
      ['a.txt', '  a.txt '],
      [' a.txt', 'a.txt'],
    ],
  },
  {
    rule: 'matches a duplicate renamed as `stem (N).ext`, with the extension after the last dot',
    same: true,
    pairs: [
      ['report (1).pdf', 'report.pdf'],
      ['report (12).pdf', 'report.pdf'],
      ['archive.tar (2).gz', 'archive.tar.gz'],
      ['README (3)', 'README'],
      ['.env (1)', '.env'],
    ],
  },
  {
    rule: 'does not match another stem, another extension or another kind of suffix',
    same: false,
    pairs: [
      ['report2.pdf', 'report.pdf'],
      ['report (1).doc', 'report.pdf'],
      ['report (x).pdf', 'report.pdf'],
      ['report(1).pdf', 'report.pdf'],
      ['my report (1).pdf', 'report.pdf'],
      ['a.txt', 'b.txt'],
      ['a', 'a.txt'],
    ],
  },
  {
    rule: 'matches the name the portal corrected: emoji and forbidden characters as `_`, also with a counter',
    same: true,
    pairs: [
      ['Отчёт_ Q3 _итог__.pdf', 'Отчёт: Q3 "итог"?.pdf'],
      ['_ plan.xlsx', '📊 plan.xlsx'],
      ['a_b__c_.txt', 'a<b>|c*.txt'],
      ['a_b__c_ (1).txt', 'a<b>|c*.txt'],
      // An emoji sequence (ZWJ family) may collapse to one `_` or to several.
      ['_ team.png', '👨‍👩‍👧 team.png'],
      ['___ team.png', '👨‍👩‍👧 team.png'],
    ],
  },
  {
    rule: 'does not take a corrected name for a different one',
    same: false,
    pairs: [
      ['a_b__c_.txt', 'a<b>|cd.txt'],
      ['x plan.xlsx', '📊 plan.xlsx'],
      [' plan.xlsx', '📊 plan.xlsx'],
    ],
  },
];

describe('isSameUploadName', () => {
  for (const { rule, same, pairs } of RULES)
    it(rule, () => {
      for (const [stored, dropped] of pairs)
        expect(isSameUploadName(stored, dropped), `${stored} ~ ${dropped}`).toBe(same);
    });
});
