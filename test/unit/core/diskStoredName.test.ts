import { describe, expect, it } from 'vitest';
import { diskStoredName } from '../../../src/core/diskStoredName.ts';

describe('diskStoredName (the name the portal stores)', () => {
  it.each([
    ['Отчёт: Q3 "итог"?.pdf', 'Отчёт_ Q3 _итог__.pdf'],
    ['📊 plan.xlsx', '_ plan.xlsx'],
    ['a<b>|c*.txt', 'a_b__c_.txt'],
    ['  spaced.txt  ', 'spaced.txt'],
    ['back\\slash/and\u0007bell.txt', 'back_slash_and_bell.txt'],
    ['👍🏽 ok.png', '_ ok.png'],
    ['plain name.pdf', 'plain name.pdf'],
  ])('stores %j as %j', (sent, stored) => {
    expect(diskStoredName(sent)).toBe(stored);
  });
});
