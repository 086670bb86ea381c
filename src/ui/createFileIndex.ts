import type { UploadItem } from '../core/types.ts';

/** The picked `File` of each queue item, for image thumbnails. */
export interface FileIndex {
  /** Remembers `files[i]` for `items[i]`: what `queue.addFiles(files, ...)` returned, in order. */
  remember(items: readonly Pick<UploadItem, 'id'>[], files: readonly File[]): void;
  fileFor(id: string): File | undefined;
  /** Forgets every file whose item is no longer in `items` (removed, cleared). */
  keepOnly(items: readonly Pick<UploadItem, 'id'>[]): void;
  /** How many files are held. */
  readonly size: number;
}

/**
 * Files by queue item id. Keyed by the id the queue gave the item, not by the file's name: the
 * queue sanitizes names (`../a.png` becomes `.._a.png`), and two pasted screenshots are often
 * both `image.png`. Entries go when their rows go, so a long session does not keep every file
 * it ever saw in memory. No object URLs are held here: `Thumbnail` creates and revokes its own.
 */
export function createFileIndex(): FileIndex {
  const files = new Map<string, File>();
  return {
    remember(items, picked) {
      items.forEach((item, index) => {
        const file = picked[index];
        if (file) files.set(item.id, file);
      });
    },
    fileFor: (id) => files.get(id),
    keepOnly(items) {
      if (files.size === 0) return;
      const kept = new Set(items.map((item) => item.id));
      for (const id of files.keys()) if (!kept.has(id)) files.delete(id);
    },
    get size() {
      return files.size;
    },
  };
}
