import { describe, expect, it } from 'vitest';
import { createUserOptionLedgerStorage } from '../../../src/bitrix/createUserOptionLedgerStorage.ts';
import type { UserOptionStore } from '../../../src/bitrix/startFrame.ts';
import type { LedgerEntry } from '../../../src/core/types.ts';

function entry(n: number, overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    id: `id${n}`,
    name: `file ${n} «тест» 🎉.txt`,
    size: 1000 + n,
    lastModified: 1_700_000_000_000 + n,
    state: 'delivered',
    messageId: 500 + n,
    errorCode: undefined,
    at: 1_700_000_100_000 + n,
    ...overrides,
  };
}

/** Stands in for the portal's per-user options (the parent frame cannot run in Node). */
function optionStore(
  initial: Record<string, string> = {},
): UserOptionStore & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return {
    values,
    get: (name) => values.get(name),
    set: async (name, value) => void values.set(name, value),
  };
}

describe('createUserOptionLedgerStorage', () => {
  it('saves to the user option ledger.<dialogId> and loads it back after a reload', async () => {
    const options = optionStore();
    const entries = [
      entry(1),
      entry(2, { state: 'failed', messageId: undefined, errorCode: 'FILE_TOO_LARGE' }),
    ];
    await createUserOptionLedgerStorage({
      userOptions: options,
      localStorage: () => undefined,
    }).save('chat5', entries);
    expect(options.values.has('ledger.chat5')).toBe(true);
    const reloaded = createUserOptionLedgerStorage({
      userOptions: options,
      localStorage: () => undefined,
    });
    expect(await reloaded.load('chat5')).toEqual(entries);
    expect(await reloaded.load('chat9')).toEqual([]);
  });

  it('keeps the stored value within maxBytes by dropping the oldest entries', async () => {
    const options = optionStore();
    const storage = createUserOptionLedgerStorage({
      userOptions: options,
      localStorage: () => undefined,
      maxBytes: 2000,
    });
    const entries = Array.from({ length: 60 }, (_, i) => entry(i));
    await storage.save('chat5', entries);
    const stored = options.values.get('ledger.chat5') ?? '';
    expect(new TextEncoder().encode(stored).length).toBeLessThanOrEqual(2000);
    const loaded = await createUserOptionLedgerStorage({
      userOptions: options,
      localStorage: () => undefined,
    }).load('chat5');
    expect(loaded.length).toBeGreaterThan(5);
    expect(loaded.at(-1)).toEqual(entries.at(-1));
    expect(loaded).not.toContainEqual(entries[0]);
  });

  it('stores only ledger fields, never anything else put on an entry', async () => {
    const options = optionStore();
    const tainted = { ...entry(1), auth: 'secret-token-value', content: 'QUJD' } as LedgerEntry;
    await createUserOptionLedgerStorage({
      userOptions: options,
      localStorage: () => undefined,
    }).save('chat5', [tainted]);
    const stored = options.values.get('ledger.chat5') ?? '';
    expect(stored).not.toContain('secret-token-value');
    expect(stored).not.toContain('QUJD');
  });

  it('falls back to localStorage outside a portal and survives storages that throw', async () => {
    const items = new Map<string, string>();
    const local = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    };
    await createUserOptionLedgerStorage({ localStorage: () => local }).save('chat5', [entry(1)]);
    expect(
      await createUserOptionLedgerStorage({ localStorage: () => local }).load('chat5'),
    ).toEqual([entry(1)]);

    const throwing = {
      getItem: (): string | null => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: (): void => {
        throw new DOMException('blocked', 'SecurityError');
      },
    };
    const failingOptions: UserOptionStore = {
      get: () => {
        throw new Error('nope');
      },
      set: () => Promise.reject(new Error('nope')),
    };
    const storage = createUserOptionLedgerStorage({
      userOptions: failingOptions,
      localStorage: () => throwing,
    });
    await expect(storage.save('chat5', [entry(1)])).resolves.toBeUndefined();
    expect(
      await createUserOptionLedgerStorage({
        userOptions: failingOptions,
        localStorage: () => throwing,
      }).load('chat5'),
    ).toEqual([]);
  });

  it('ignores a stored value that is not a ledger', async () => {
    const options = optionStore({
      'ledger.chat5': '{"not":"rows"}',
      'ledger.chat9': 'not json',
      'ledger.chat7': '[[1,2]]',
    });
    const storage = createUserOptionLedgerStorage({
      userOptions: options,
      localStorage: () => undefined,
    });
    expect(await storage.load('chat5')).toEqual([]);
    expect(await storage.load('chat9')).toEqual([]);
    expect(await storage.load('chat7')).toEqual([]);
  });
});
