import { useEffect, useState } from 'react';
import { createFileIndex, type FileIndex } from './createFileIndex.ts';
import type { UploadQueueLike } from './UploadQueueLike.ts';

/**
 * The thumbnails' files by queue item id (see createFileIndex). A row removed or cleared takes
 * its file with it: every item of this queue was added here and remembered, so more files than
 * rows means some row went; checking that first keeps progress ticks of a 500-file queue from
 * building a set of ids on every update.
 */
export function useFileIndex(queue: UploadQueueLike): FileIndex {
  const [files] = useState(createFileIndex);
  useEffect(
    () =>
      queue.store.subscribe(() => {
        const items = queue.store.getState().items;
        if (files.size > items.length) files.keepOnly(items);
      }),
    [queue, files],
  );
  return files;
}
