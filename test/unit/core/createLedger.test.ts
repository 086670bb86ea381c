import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLedger } from '../../../src/core/createLedger.ts';
import type { LedgerEntry } from '../../../src/core/types.ts';
import { createLedgerEntry } from '../../support/doubles/createLedgerEntry.ts';
import { createMemoryLedgerStorage } from '../../support/doubles/createMemoryLedgerStorage.ts';

function entry(id: string, at: number, overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return createLedgerEntry({ id, name: `${id}.txt`, size: 10, messageId: 5, at, ...overrides });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createLedger', () => {
  it('debounces writes: many records, one save per chat', async () => {
    vi.useFakeTimers();
    const storage = createMemoryLedgerStorage();
    const ledger = createLedger({ storage, debounceMs: 500 });
    ledger.record('chat5', entry('a', 1, { state: 'unfinished' }));
    ledger.record('chat5', entry('a', 2, { state: 'unknown' }));
    ledger.record('chat5', entry('a', 3));
    await vi.advanceTimersByTimeAsync(499);
    expect(storage.saves).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(storage.saves).toBe(1);
    expect(storage.data.get('chat5')).toEqual([
      expect.objectContaining({ id: 'a', state: 'delivered', at: 3 }),
    ]);
  });

  it('merges with what earlier sessions stored instead of overwriting it', async () => {
    const storage = createMemoryLedgerStorage();
    await storage.save('chat5', [entry('old', 1)]);
    const ledger = createLedger({ storage });
    ledger.record('chat5', entry('new', 2));
    await ledger.flush();
    expect(storage.data.get('chat5')?.map((e) => e.id)).toEqual(['new', 'old']);
  });

  it('keeps only the newest entries per chat', async () => {
    const storage = createMemoryLedgerStorage();
    const ledger = createLedger({ storage, maxEntriesPerChat: 3 });
    for (let i = 1; i <= 5; i += 1) ledger.record('chat5', entry(`e${i}`, i));
    ledger.record('chat9', entry('other', 1));
    await ledger.flush();
    expect(storage.data.get('chat5')?.map((e) => e.id)).toEqual(['e5', 'e4', 'e3']);
    expect((await ledger.load('chat5')).map((e) => e.id)).toEqual(['e5', 'e4', 'e3']);
    expect(storage.data.get('chat9')).toHaveLength(1);
  });

  it('forgets an entry', async () => {
    const storage = createMemoryLedgerStorage();
    const ledger = createLedger({ storage });
    ledger.record('chat5', entry('a', 1));
    ledger.forget('chat5', 'a');
    await ledger.flush();
    expect(await ledger.load('chat5')).toEqual([]);
  });

  it('stores only the ledger fields: no contents, no tokens', async () => {
    const storage = createMemoryLedgerStorage();
    const ledger = createLedger({ storage });
    const sneaky = { ...entry('a', 1), content: 'QUJD', auth: 'secret-token' } as LedgerEntry;
    ledger.record('chat5', sneaky);
    await ledger.flush();
    expect(Object.keys(storage.data.get('chat5')?.[0] ?? {}).sort()).toEqual(
      // errorCode is undefined here, so JSON leaves it out
      ['at', 'id', 'lastModified', 'messageId', 'name', 'size', 'state'],
    );
    expect(JSON.stringify(storage.data.get('chat5'))).not.toMatch(/QUJD|secret-token/);
  });

  it('ignores malformed stored data', async () => {
    const storage = createMemoryLedgerStorage();
    storage.data.set('chat5', [{ id: 1 } as unknown as LedgerEntry, entry('ok', 1)]);
    const ledger = createLedger({ storage });
    expect((await ledger.load('chat5')).map((e) => e.id)).toEqual(['ok']);
    storage.data.set('chat9', 'garbage' as unknown as LedgerEntry[]);
    expect(await ledger.load('chat9')).toEqual([]);
  });

  it('swallows storage errors on load and save', async () => {
    const ledger = createLedger({
      storage: {
        load: () => Promise.reject(new Error('SecurityError')),
        save: () => {
          throw new Error('QuotaExceededError');
        },
      },
    });
    ledger.record('chat5', entry('a', 1));
    await expect(ledger.flush()).resolves.toBeUndefined();
    expect((await ledger.load('chat5')).map((e) => e.id)).toEqual(['a']);
  });
});
