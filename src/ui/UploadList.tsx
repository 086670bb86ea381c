import type { QueueStateLike, UploadQueueLike } from './UploadQueueLike.ts';
import { UploadRows, type UploadRowsProps } from './UploadRows.tsx';
import { useUploadQueue } from './useUploadQueue.ts';

export interface UploadListProps extends Omit<UploadRowsProps, 'items'> {
  readonly queue: UploadQueueLike;
}

const selectItems = (state: QueueStateLike): QueueStateLike['items'] => state.items;

/**
 * The queue as a list. It selects the items itself, so a progress tick re-renders the list (and
 * only the row that changed: rows are memoized), never the panel's header or message field.
 */
export function UploadList({ queue, ...rest }: UploadListProps) {
  const items = useUploadQueue(queue, selectItems);
  return <UploadRows items={items} {...rest} />;
}
