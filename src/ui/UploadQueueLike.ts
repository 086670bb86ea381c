import type { QueueState, UploadQueue } from '../core/index.ts';

/** What the queue's store holds, as far as the UI reads it. */
export type QueueStateLike = Pick<QueueState, 'items'>;

/**
 * The part of the engine (core's `UploadQueue`) the UI uses: the store for rendering, the events
 * for side effects (toasts, announcements, clearing the chat input), the picked files for
 * thumbnails, and the commands. A `Pick`, not a copy, so it cannot drift from the engine.
 */
export type UploadQueueLike = Pick<
  UploadQueue,
  | 'store'
  | 'events'
  | 'addFiles'
  | 'fileFor'
  | 'cancel'
  | 'cancelAll'
  | 'retry'
  | 'remove'
  | 'clearFinished'
  | 'removeDuplicate'
>;
