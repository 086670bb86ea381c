import type { UploadQueue } from '../../../src/core/UploadQueue.ts';
import type { Phase, UploadItem } from '../../../src/core/types.ts';
import type { UploadEvents } from '../../../src/core/UploadEvents.ts';

/** Resolves with the next payload of `type`. */
export function nextEvent<K extends keyof UploadEvents>(
  queue: UploadQueue,
  type: K,
): Promise<UploadEvents[K]> {
  return new Promise((resolve) => {
    const off = queue.events.on(type, (payload) => {
      off();
      resolve(payload);
    });
  });
}

export function itemOf(queue: UploadQueue, id: string): UploadItem {
  const item = queue.store.getState().items.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
}

/** Resolves when the item reaches `phase` (checked on every store change). */
export function phaseReached(queue: UploadQueue, id: string, phase: Phase): Promise<UploadItem> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const item = queue.store.getState().items.find((candidate) => candidate.id === id);
      if (item?.phase === phase) {
        resolve(item);
        return true;
      }
      return false;
    };
    if (check()) return;
    const off = queue.store.subscribe(() => {
      if (check()) off();
    });
  });
}

/** Lets pending promise callbacks run (real timers). */
export function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
