import { toast } from 'sonner';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEmitter, type UploadEvents } from '../../../src/core/index.ts';
import type { UploadItem } from '../../../src/core/types.ts';
import { createTranslator } from '../../../src/i18n/createTranslator.ts';
import type { UploadQueueLike } from '../../../src/ui/UploadQueueLike.ts';
import { preloadToasts } from '../../../src/ui/lazyToast.ts';
import { SUMMARY_FROM, watchQueueToasts } from '../../../src/ui/watchQueueToasts.ts';
import { makeItem } from '../support/makeItem.ts';

/**
 * The engine as the watcher sees it: a store whose items are set by hand and the event channel,
 * so each test says exactly which events happen in which state.
 */
function createQueue() {
  let items: readonly UploadItem[] = [];
  const events = createEmitter<UploadEvents>();
  const queue = {
    store: { getState: () => ({ items }), subscribe: () => () => undefined },
    events,
  } as Pick<UploadQueueLike, 'store' | 'events'> as UploadQueueLike;
  /** Puts `item` in the store (replacing the one with its id) and returns it. */
  const put = (item: UploadItem): UploadItem => {
    items = [...items.filter((other) => other.id !== item.id), item];
    return item;
  };
  const add = (item: UploadItem): void => events.emit('file-added', { item: put(item) });
  const deliver = (item: UploadItem): void => {
    const receipt = { messageId: 7, fileId: 8, chatId: 5, dialogId: item.dialogId };
    events.emit('upload-succeeded', {
      item: put({ ...item, phase: 'delivered', receipt }),
      receipt,
    });
  };
  const fail = (item: UploadItem, error: NonNullable<UploadItem['error']>): void => {
    events.emit('upload-failed', { item: put({ ...item, phase: 'failed', error }), error });
  };
  return { queue, add, deliver, fail };
}

const REFUSED = { code: 'SEND_FAILED', origin: 'server', status: 400 } as const;

function context(overrides: { rowInView?: (id: string) => boolean } = {}) {
  return {
    translator: createTranslator('en'),
    portal: { openMessage: async () => undefined },
    retry: () => undefined,
    ...overrides,
  };
}

function titles(): string[] {
  return toast.getToasts().map((t) => ('title' in t ? String(t.title) : ''));
}

// sonner is a lazy chunk (lazyToast.ts, tested there); these tests read its state synchronously.
beforeAll(async () => {
  await preloadToasts();
});

afterEach(() => {
  toast.dismiss();
  vi.useRealTimers();
});

describe('watchQueueToasts: what a toast adds to the rows', () => {
  it('a delivered file gets a toast (Open in chat) even while its row is on screen', () => {
    const { queue, add, deliver } = createQueue();
    const stop = watchQueueToasts(queue, context({ rowInView: () => true }));
    const item = makeItem({ id: 'a', name: 'a.pdf', phase: 'sending' });
    add(item);
    expect(titles()).toEqual([]);
    deliver(item);
    expect(titles()).toEqual(['a.pdf delivered']);
    stop();
  });

  it('a failure gets a toast only while its row is out of view', () => {
    const { queue, add, fail } = createQueue();
    const visible = new Set(['seen']);
    const stop = watchQueueToasts(queue, context({ rowInView: (id) => visible.has(id) }));
    const seen = makeItem({ id: 'seen', name: 'seen.pdf', phase: 'sending' });
    const away = makeItem({ id: 'away', name: 'away.pdf', phase: 'sending' });
    add(seen);
    add(away);
    fail(seen, REFUSED);
    fail(away, REFUSED);
    expect(titles()).toEqual(['away.pdf was not sent']);
    stop();
  });

  it(`a batch of ${SUMMARY_FROM} files gets one summary when it is done, no toast per file`, () => {
    const { queue, add, deliver, fail } = createQueue();
    const stop = watchQueueToasts(queue, context());
    const items = Array.from({ length: SUMMARY_FROM }, (_, i) =>
      makeItem({ id: `b${i}`, phase: 'sending' }),
    );
    items.forEach(add);
    items.slice(1).forEach(deliver);
    expect(titles()).toEqual([]);
    fail(items[0]!, REFUSED);
    expect(titles()).toEqual([`${SUMMARY_FROM - 1} delivered, 1 failed`]);
    stop();
  });

  it('a file added after a finished batch starts a new batch with its own toasts', () => {
    const { queue, add, deliver } = createQueue();
    const stop = watchQueueToasts(queue, context());
    const batch = Array.from({ length: SUMMARY_FROM }, (_, i) =>
      makeItem({ id: `c${i}`, phase: 'sending' }),
    );
    batch.forEach(add);
    batch.forEach(deliver);
    const single = makeItem({ id: 'single', name: 'single.pdf', phase: 'sending' });
    add(single);
    deliver(single);
    expect(titles()).toEqual([`${SUMMARY_FROM} delivered`, 'single.pdf delivered']);
    stop();
  });
});

describe('watchQueueToasts: the batch summary', () => {
  it.each([
    ['en', 1, '4 delivered, 1 may have arrived — check the chat'],
    ['en', 2, '3 delivered, 2 may have arrived — check the chat'],
    ['ru', 1, '4 доставлено, 1 файл мог дойти — проверьте чат'],
    ['ru', 2, '3 доставлено, 2 файла могли дойти — проверьте чат'],
    ['ru', 5, '0 доставлено, 5 файлов могли дойти — проверьте чат'],
    ['de', 1, '4 zugestellt und 1 ist vielleicht angekommen – prüfen Sie den Chat'],
    ['de', 2, '3 zugestellt und 2 sind vielleicht angekommen – prüfen Sie den Chat'],
  ] as const)(
    'the summary counts unknown outcomes apart, with real plurals and Check the chat (%s, %i)',
    async (lang, unsure, title) => {
      const { queue, add, deliver, fail } = createQueue();
      const openMessage = vi.fn(async (_dialogId: string, _messageId: number) => undefined);
      const translator = createTranslator(lang);
      const stop = watchQueueToasts(queue, { translator, portal: { openMessage }, retry: vi.fn() });
      const items = Array.from({ length: 5 }, (_, i) =>
        i < unsure
          ? makeItem({
              id: `u${i}`,
              dialogId: 'chat9',
              phase: 'failed',
              error: { code: 'REQUEST_TIMEOUT', origin: 'transport', deliveryCheck: 'failed' },
            })
          : makeItem({ id: `d${i}`, phase: 'delivered' }),
      );
      // Added while sending (one batch), then finished.
      for (const item of items) add({ ...item, phase: 'sending', error: undefined });
      for (const item of items) {
        if (item.error) fail(item, item.error);
        else deliver(item);
      }
      const shown = toast.getToasts().find((t) => t.id === 'chat-drop-batch-1');
      if (!shown || !('title' in shown)) throw new Error('no summary toast');
      expect(shown.title).toBe(title);
      expect(shown.type).toBe('warning');
      const action = shown.action as { label: string; onClick: (event: unknown) => void };
      expect(action.label).toBe(translator.t('checkTheChat'));
      action.onClick(new MouseEvent('click'));
      await Promise.resolve(); // openChat calls the portal in a microtask, to catch sync throws too
      expect(openMessage).toHaveBeenCalledWith('chat9', 0);
      stop();
    },
  );
});
