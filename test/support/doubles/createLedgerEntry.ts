import type { LedgerEntry } from '../../../src/core/types.ts';

/**
 * A ledger entry: `a.txt` (id `a`, 3 bytes, lastModified 1) delivered as message 7 at time 1, no
 * error code. `overrides` replace any field.
 *
 * @example
 * createLedgerEntry({ name: 'report.pdf', state: 'unknown', messageId: undefined })
 */
export function createLedgerEntry(overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    id: 'a',
    name: 'a.txt',
    size: 3,
    lastModified: 1,
    state: 'delivered',
    messageId: 7,
    errorCode: undefined,
    at: 1,
    ...overrides,
  };
}
