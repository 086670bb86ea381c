import { toast } from 'sonner';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UploadItem } from '../../../src/core/types.ts';
import { createTranslator } from '../../../src/i18n/createTranslator.ts';
import type { UploadQueueLike } from '../../../src/ui/UploadQueueLike.ts';
import { SUMMARY_EVERY_MS, watchQueueToasts } from '../../../src/ui/watchQueueToasts.ts';
import { makeItem } from '../support/makeItem.ts';

/** The queue's store as the watcher reads it; the states are set by hand to pin the timing. */
function createStore() {
  let items: readonly UploadItem[] = [];
  const listeners = new Set<() => void>();
  const queue = {
    store: {
      getState: () => ({ items }),
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  } as Pick<UploadQueueLike, 'store'> as UploadQueueLike;
  const set = (next: readonly UploadItem[]): void => {
    items = next;
    for (const listener of listeners) listener();
  };
  return { queue, set };
}

function summaryToasts() {
  return toast
    .getToasts()
    .filter((t) => String(t.id).startsWith('chat-drop-batch-'))
    .map((t) => ('title' in t ? { id: t.id, type: t.type, title: t.title } : { id: t.id }));
}

afterEach(() => {
  toast.dismiss();
  vi.useRealTimers();
});

describe('watchQueueToasts: the batch summary', () => {
  it('updates at most every SUMMARY_EVERY_MS, and a batch ending as the next starts keeps its final text', () => {
    vi.useFakeTimers();
    const { queue, set } = createStore();
    const stop = watchQueueToasts(queue, {
      translator: createTranslator('en'),
      portal: { openMessage: async () => undefined },
      retry: () => undefined,
    });
    const first = Array.from({ length: 5 }, (_, i) => makeItem({ id: `a${i}`, phase: 'sending' }));
    set(first);
    expect(summaryToasts()).toEqual([
      { id: 'chat-drop-batch-1', type: 'loading', title: 'Sending 5 files…' },
    ]);
    // 200 quick changes of the overall percentage in one interval: none is shown before it ends.
    const loading = vi.spyOn(toast, 'loading');
    for (let i = 1; i <= 200; i += 1) {
      set(first.map((item) => ({ ...item, progress: { ...item.progress, percentage: i / 2 } })));
    }
    expect(loading).not.toHaveBeenCalled();
    const delivered = first.map((item) => ({ ...item, phase: 'delivered' as const }));
    set(delivered);
    const second = Array.from({ length: 5 }, (_, i) => makeItem({ id: `b${i}`, phase: 'queued' }));
    set([...delivered, ...second]);
    expect(summaryToasts()).toHaveLength(1);
    vi.advanceTimersByTime(SUMMARY_EVERY_MS);
    expect(summaryToasts()).toEqual([
      { id: 'chat-drop-batch-1', type: 'success', title: '5 delivered' },
      { id: 'chat-drop-batch-2', type: 'loading', title: 'Sending 5 files…' },
    ]);
    stop();
  });

  it.each([
    ['en', 1, '4 delivered, 1 may have arrived — check the chat'],
    ['en', 2, '3 delivered, 2 may have arrived — check the chat'],
    ['ru', 1, '4 доставлено, 1 файл мог дойти — проверьте чат'],
    ['ru', 2, '3 доставлено, 2 файла могли дойти — проверьте чат'],
    ['ru', 5, '0 доставлено, 5 файлов могли дойти — проверьте чат'],
    ['de', 1, '4 zugestellt, 1 ist vielleicht angekommen – prüfen Sie den Chat'],
    ['de', 2, '3 zugestellt, 2 sind vielleicht angekommen – prüfen Sie den Chat'],
  ] as const)(
    'the summary counts unknown outcomes apart, with real plurals and Check the chat (%s, %i)',
    async (lang, unsure, title) => {
      vi.useFakeTimers();
      const { queue, set } = createStore();
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
      set(items.map((item) => ({ ...item, phase: 'sending' as const, error: undefined })));
      set(items);
      vi.advanceTimersByTime(SUMMARY_EVERY_MS);
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
