import { describe, expect, it, vi } from 'vitest';
import { createDeliveryChecker } from '../../../src/core/createDeliveryChecker.ts';
import type { DeliveryQuery } from '../../../src/core/ports.ts';
import type { DeliveryReceipt, LedgerEntry } from '../../../src/core/types.ts';

const query = { id: 'a', dialogId: 'chat5', name: 'a.txt', size: 3, since: 1_000 };
const receipt = (messageId: number): DeliveryReceipt => ({
  messageId,
  fileId: messageId + 1000,
  chatId: 5,
  dialogId: 'chat5',
});

function finder(answer: (q: DeliveryQuery) => Promise<DeliveryReceipt | undefined>) {
  const queries: DeliveryQuery[] = [];
  return {
    queries,
    findDelivery: (q: DeliveryQuery) => {
      queries.push(q);
      return answer(q);
    },
  };
}

describe('createDeliveryChecker', () => {
  it('finds the file: the message the finder returns', async () => {
    const transport = finder(async () => receipt(7));
    const checker = createDeliveryChecker({ transport });
    const signal = new AbortController().signal;
    expect(await checker.check(query, signal)).toEqual({ kind: 'found', receipt: receipt(7) });
    expect(transport.queries[0]).toMatchObject({ dialogId: 'chat5', name: 'a.txt', since: 1_000 });
  });

  it("excludes messages other files claimed, this session's and the ledger's, but not the file's own", async () => {
    const transport = finder(async () => undefined);
    const ledgerEntry = (id: string, messageId: number): LedgerEntry => ({
      id,
      name: 'x',
      size: 1,
      lastModified: 0,
      state: 'delivered',
      messageId,
      errorCode: undefined,
      at: 0,
    });
    const ledger = { load: async () => [ledgerEntry('old', 3), ledgerEntry('a', 4)] };
    const checker = createDeliveryChecker({ transport, ledger });
    checker.claim('chat5', 5, 'b');
    checker.claim('chat5', 6, 'a');
    checker.claim('chat9', 8, 'c');
    expect(await checker.check(query, new AbortController().signal)).toEqual({
      kind: 'not-found',
    });
    expect([...(transport.queries[0]?.excludeMessageIds ?? [])].sort()).toEqual([3, 5]);
  });

  it('never counts one message for two files: a receipt claimed meanwhile is not found', async () => {
    let claimDuringCheck = (): void => undefined;
    const transport = finder(async () => {
      claimDuringCheck();
      return receipt(9);
    });
    const checker = createDeliveryChecker({ transport });
    claimDuringCheck = () => checker.claim('chat5', 9, 'other');
    expect(await checker.check(query, new AbortController().signal)).toEqual({
      kind: 'not-found',
    });
  });

  it('reports a finder failure as a failed check, never as not found', async () => {
    const transport = finder(async () => {
      throw new Error('offline');
    });
    const checker = createDeliveryChecker({ transport });
    const result = await checker.check(query, new AbortController().signal);
    expect(result.kind).toBe('failed');
  });

  it('gives up after its timeout as a failed check, and aborts the finder', async () => {
    vi.useFakeTimers();
    try {
      const transport = finder(() => new Promise(() => undefined));
      const checker = createDeliveryChecker({ transport, timeoutMs: 1_000 });
      const pending = checker.check(query, new AbortController().signal);
      await vi.advanceTimersByTimeAsync(1_000);
      const result = await pending;
      expect(result.kind).toBe('failed');
      expect(transport.queries[0]?.signal?.aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
