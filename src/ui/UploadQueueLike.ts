import type { Emitter, UploadEvents } from '../core/index.ts';
import type { UploadItem } from '../core/types.ts';

/** What the queue's store holds, as far as the UI reads it. */
export interface QueueStateLike {
  readonly items: readonly UploadItem[];
}

/**
 * The part of the engine's queue (`createUploadQueue` in src/core) the UI drives. Declared
 * structurally so components and tests depend on the commands, not on how the engine is built.
 */
export interface UploadQueueLike {
  readonly store: {
    getState(): QueueStateLike;
    subscribe(listener: () => void): () => void;
  };
  /**
   * What happened, as it happens: the channel for side effects (toasts, announcements, clearing
   * the chat input). The store is for rendering only. A handler that throws cannot stop an upload.
   */
  readonly events: Pick<Emitter<UploadEvents>, 'on' | 'off'>;
  /** Returns one item per file, in order; a refused file comes back in phase `failed`. */
  addFiles(
    files: readonly File[],
    options: { dialogId: string; message?: string },
  ): readonly UploadItem[];
  cancel(id: string): void;
  cancelAll(): void;
  retry(id: string): void;
  remove(id: string): void;
  clearFinished(): void;
}
