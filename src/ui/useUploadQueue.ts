import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { QueueStateLike, UploadQueueLike } from './UploadQueueLike.ts';

/**
 * Reads a slice of the queue's state and re-renders only when that slice changes
 * (same idea as Uppy's `useUppyState`: `useSyncExternalStore` + selector). The selector's
 * result is compared with `Object.is`, so return stored objects or primitives, or pass
 * `isEqual` for derived values.
 */
export function useUploadQueue<T>(
  queue: UploadQueueLike,
  selector: (state: QueueStateLike) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const cache = useRef<{ state: QueueStateLike; value: T } | undefined>(undefined);
  const subscribe = useCallback((listener: () => void) => queue.store.subscribe(listener), [queue]);
  const getSnapshot = useCallback((): T => {
    const state = queue.store.getState();
    const previous = cache.current;
    if (previous && previous.state === state) return previous.value;
    const value = selector(state);
    if (previous && isEqual(previous.value, value)) {
      cache.current = { state, value: previous.value };
      return previous.value;
    }
    cache.current = { state, value };
    return value;
  }, [queue, selector, isEqual]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
