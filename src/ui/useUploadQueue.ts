import { useSyncExternalStoreWithSelector } from 'use-sync-external-store/with-selector';
import type { QueueStateLike, UploadQueueLike } from './UploadQueueLike.ts';

/**
 * Reads a slice of the queue's state and re-renders only when that slice changes, through
 * `useSyncExternalStoreWithSelector` (the binding Uppy's `useUppyState` uses). The selector's
 * result is compared with `isEqual` (default `Object.is`), so return stored objects or
 * primitives, or pass `isEqual` for derived values. An inline selector that closes over props is
 * fine: the library re-runs a changed selector instead of returning the old slice.
 */
export function useUploadQueue<T>(
  queue: UploadQueueLike,
  selector: (state: QueueStateLike) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  return useSyncExternalStoreWithSelector(
    queue.store.subscribe,
    queue.store.getState,
    queue.store.getState,
    selector,
    isEqual,
  );
}
