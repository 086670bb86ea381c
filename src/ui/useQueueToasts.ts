import { useEffect } from 'react';
import type { ToastContext } from './toastForItem.ts';
import type { UploadQueueLike } from './UploadQueueLike.ts';
import { watchQueueNotices } from './watchQueueNotices.ts';
import { watchQueueToasts } from './watchQueueToasts.ts';

/**
 * Keeps the toasts in step with the queue while the panel is mounted: per file
 * (watchQueueToasts) and queue-wide (watchQueueNotices).
 */
export function useQueueToasts(queue: UploadQueueLike, context: ToastContext): void {
  const { translator, portal, retry, rowInView } = context;
  useEffect(
    () => watchQueueToasts(queue, { translator, portal, retry, rowInView }),
    [queue, translator, portal, retry, rowInView],
  );
  useEffect(() => watchQueueNotices(queue, translator), [queue, translator]);
}
