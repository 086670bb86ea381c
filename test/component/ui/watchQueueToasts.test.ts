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
});
