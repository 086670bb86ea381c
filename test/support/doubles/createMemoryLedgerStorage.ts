import type { LedgerStorage } from '../../../src/core/ports.ts';
import type { LedgerEntry } from '../../../src/core/types.ts';

/** Ledger storage in memory, copied through JSON like user options would keep it. */
export function createMemoryLedgerStorage(): LedgerStorage & {
  readonly data: Map<string, readonly LedgerEntry[]>;
  saves: number;
} {
  const data = new Map<string, readonly LedgerEntry[]>();
  const storage = {
    data,
    saves: 0,
    async load(dialogId: string) {
      return JSON.parse(JSON.stringify(data.get(dialogId) ?? [])) as LedgerEntry[];
    },
    async save(dialogId: string, entries: readonly LedgerEntry[]) {
      storage.saves += 1;
      data.set(dialogId, JSON.parse(JSON.stringify(entries)) as LedgerEntry[]);
    },
  };
  return storage;
}
