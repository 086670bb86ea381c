import { describe, expect, it, vi } from 'vitest';
import { createChatReconciler } from '../../../src/core/createChatReconciler.ts';
import type { Delivery } from '../../../src/core/createChatReconciler.ts';
import type { HistoryQuery, OwnFileMessage } from '../../../src/core/ports.ts';
import type { LedgerEntry } from '../../../src/core/types.ts';

const T = 1_700_000_000_000;

function message(
  messageId: number,
  name: string,
  at: number,
  extra: Partial<OwnFileMessage> = {},
): OwnFileMessage {
  return { messageId, fileId: messageId + 1000, chatId: 5, name, size: 3, text: '', at, ...extra };
}

function delivery(messageId: number, name = 'report.pdf'): Delivery {
  return {
    id: `item-${messageId}`,
    dialogId: 'chat5',
    name,
    size: 3,
    message: undefined,
    receipt: { messageId, fileId: messageId + 1000, chatId: 5, dialogId: 'chat5' },
    since: T,
    at: T + 2_000,
  };
}

function finder(history: OwnFileMessage[] | Error) {
  const queries: HistoryQuery[] = [];
  const deleted: number[] = [];
  return {
    queries,
    deleted,
    listOwnFileMessages: async (query: HistoryQuery) => {
      queries.push(query);
      if (history instanceof Error) throw history;
      return history;
    },
    deleteMessage: async (messageId: number) => void deleted.push(messageId),
  };
}

describe('createChatReconciler', () => {
  it("removes the copy the browser re-sent on its own: same name as stored, size and text, in the attempt's window, claimed by no file — one history read per chat", async () => {
    const port = finder([
      message(10, 'report.pdf', T + 500),
      message(11, 'report (1).pdf', T + 1_500),
    ]);
    const emit = vi.fn();
    const reconciler = createChatReconciler(port, emit);
    reconciler.delivered(delivery(11));
    const found = await reconciler.batchDone(new Set());
    expect(found.map((d) => [d.messageId, d.removed])).toEqual([[10, true]]);
    expect(port.deleted).toEqual([10]);
    expect(port.queries).toHaveLength(1);
    expect(emit).toHaveBeenCalledWith('duplicate-removed', {
      id: 'item-11',
      dialogId: 'chat5',
      messageId: 10,
    });
  });

  it('leaves alone what it cannot prove: another size, another text, outside the window, or claimed by a file', async () => {
    const port = finder([
      message(20, 'report.pdf', T + 500, { size: 4 }),
      message(21, 'report.pdf', T + 500, { text: 'other words' }),
      message(22, 'report.pdf', T - 60_000),
      message(23, 'report.pdf', T + 600),
      message(24, 'notes.pdf', T + 600),
      message(25, 'report.pdf', T + 700),
    ]);
    const reconciler = createChatReconciler(port, vi.fn());
    reconciler.delivered(delivery(25));
    const found = await reconciler.batchDone(new Set([23]));
    expect(found).toEqual([]);
    expect(port.deleted).toEqual([]);
  });

  it('never removes a message the ledger ties to another file (an earlier session sent a different file of that name and size)', async () => {
    const port = finder([
      message(50, 'image.png', T - 3_000),
      message(51, 'image (1).png', T + 500),
    ]);
    const earlier: LedgerEntry = {
      id: 'earlier-session',
      name: 'image.png',
      size: 3,
      lastModified: 0,
      state: 'delivered',
      messageId: 50,
      errorCode: undefined,
      at: T - 3_000,
    };
    const reconciler = createChatReconciler(port, vi.fn(), { load: async () => [earlier] });
    reconciler.delivered(delivery(51, 'image.png'));
    expect(await reconciler.batchDone(new Set())).toEqual([]);
    expect(port.deleted).toEqual([]);
  });

  it('offers the removal when the portal refuses it, and removes only what it offered', async () => {
    const port = { ...finder([message(30, 'a.txt', T + 100), message(31, 'a.txt', T + 200)]) };
    const deleteMessage = vi.fn(async (_messageId: number): Promise<void> => {
      throw new Error('ACCESS_DENIED');
    });
    const emit = vi.fn();
    const reconciler = createChatReconciler({ ...port, deleteMessage }, emit);
    reconciler.delivered(delivery(31, 'a.txt'));
    await reconciler.batchDone(new Set());
    expect(emit).toHaveBeenCalledWith('duplicate-found', {
      id: 'item-31',
      dialogId: 'chat5',
      messageId: 30,
    });
    expect(await reconciler.removeOffered(99)).toBe(false);
    deleteMessage.mockResolvedValueOnce(undefined);
    expect(await reconciler.removeOffered(30)).toBe(true);
  });

  it('ledger behind the portal (delayed setUserOption): an entry found in the chat becomes delivered', async () => {
    const entry = (id: string, state: LedgerEntry['state'], name: string): LedgerEntry => ({
      id,
      name,
      size: 3,
      lastModified: 0,
      state,
      messageId: undefined,
      errorCode: undefined,
      at: T,
    });
    const port = finder([message(40, '_ plan.xlsx', T + 1_000)]);
    const reconciler = createChatReconciler(port, vi.fn());
    const changed = await reconciler.reconcileLedger('chat5', [
      entry('a', 'unfinished', '📊 plan.xlsx'),
      entry('b', 'unfinished', 'other.txt'),
    ]);
    expect(changed).toEqual([
      expect.objectContaining({ id: 'a', state: 'delivered', messageId: 40 }),
    ]);
  });

  it('ledger with an unreadable chat: nothing that may have arrived is offered again (unfinished becomes unknown)', async () => {
    const reconciler = createChatReconciler(finder(new Error('offline')), vi.fn());
    const changed = await reconciler.reconcileLedger('chat5', [
      {
        id: 'a',
        name: 'a.txt',
        size: 3,
        lastModified: 0,
        state: 'unfinished',
        messageId: undefined,
        errorCode: undefined,
        at: T,
      },
      {
        id: 'b',
        name: 'b.txt',
        size: 3,
        lastModified: 0,
        state: 'delivered',
        messageId: 7,
        errorCode: undefined,
        at: T,
      },
    ]);
    expect(changed.map((e) => [e.id, e.state])).toEqual([['a', 'unknown']]);
  });
});
