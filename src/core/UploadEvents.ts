import type { DeliveryReceipt, UploadError, UploadItem } from './types.ts';

/**
 * Counts for the batch summary, from the moment the queue got work until it has none left.
 * `failed` counts every failure (rejected files included); `unknown` is how many of those may
 * be in the chat all the same; `rejected` is how many never started (checks before reading).
 */
export interface QueueDrainedEvent {
  readonly delivered: number;
  readonly failed: number;
  readonly unknown: number;
  readonly rejected: number;
  readonly cancelled: number;
}

/**
 * Everything the engine announces, kebab-case (like Uppy's `upload-success`). This is the channel
 * for side effects — toasts, screen-reader announcements, clearing the chat input — while the
 * store is for rendering only. Each payload carries the item as it is in the store right after
 * the change. Handlers run synchronously, after the store changed and the ledger was written; a
 * handler that throws is logged and cannot stop an upload (createEmitter.ts).
 *
 * Per item, in order: `file-added` (or `file-rejected`, final) → `upload-started` →
 * `upload-progress`* → (`upload-waiting` → `upload-progress`*)* → [`upload-checking`] → one of
 * `upload-succeeded` | `upload-failed` | `upload-cancelled`. `upload-retried` starts the item
 * again from `upload-started`. `file-removed` may come at any point. Queue-wide:
 * `chat-access-lost`, `uploads-paused` / `uploads-resumed`, and when nothing is left to do,
 * `queue-drained` once.
 */
export interface UploadEvents {
  /** Accepted and queued. */
  'file-added': { readonly item: UploadItem };
  /** Refused by the checks before reading (too large, empty, bad name, no chat); in the queue as `failed`. */
  'file-rejected': { readonly item: UploadItem; readonly error: UploadError };
  /** Reading began (each user attempt, including a retry). */
  'upload-started': { readonly item: UploadItem };
  /** Bytes read or sent (frequent: several a second per file). */
  'upload-progress': { readonly item: UploadItem };
  /** Refused before processing (rate limit, expired token); sent again automatically at `retryAt` (epoch ms). */
  'upload-waiting': {
    readonly item: UploadItem;
    readonly error: UploadError;
    readonly retryAt: number;
  };
  /** The outcome is unknown; the engine is looking for the file in the chat. */
  'upload-checking': { readonly item: UploadItem; readonly error: UploadError };
  /** In the chat (sent, or found by a check); `receipt` says which message. */
  'upload-succeeded': { readonly item: UploadItem; readonly receipt: DeliveryReceipt };
  /** Final for this attempt; `policyFor(error)` says what the person can do. */
  'upload-failed': { readonly item: UploadItem; readonly error: UploadError };
  'upload-cancelled': { readonly item: UploadItem };
  /** The user asked to send a failed or cancelled file again; the item is `queued`. */
  'upload-retried': { readonly item: UploadItem };
  /** The row is gone (`item` as it was); a file in flight was aborted. */
  'file-removed': { readonly item: UploadItem };
  /**
   * Access to the chat is gone (`ACCESS_DENIED`, `CHAT_NOT_FOUND`): `first` is the file the portal
   * refused (its `upload-failed` came just before); `stopped` are the chat's other files, failed
   * with the same reason without being sent and without an `upload-failed` of their own. Show one
   * message for the chat, not one per file. Later refusals in that chat are quiet too, until a
   * file is added to it again.
   */
  'chat-access-lost': {
    readonly dialogId: string;
    readonly error: UploadError;
    readonly first: UploadItem;
    readonly stopped: readonly UploadItem[];
  };
  /**
   * The portal refused the upload method for the whole app (429 `OPERATION_TIME_LIMIT`): every
   * file waits (rows `waiting`, `retryAt` = `resumeAt`) until `resumeAt` (epoch ms), then the
   * smallest waiting file probes; refused again ⇒ this event again with a later `resumeAt`.
   * For "the portal asks to wait, resuming at 14:32".
   */
  'uploads-paused': { readonly error: UploadError; readonly resumeAt: number };
  /** The method runs again after `uploads-paused`: the waiting files go. */
  'uploads-resumed': Record<string, never>;
  'queue-drained': QueueDrainedEvent;
  /**
   * After a batch, the chat's history showed an extra copy of file `id` (same name as stored,
   * size and text, inside the attempt's window, claimed by no file): the browser re-sent the
   * request on its own. `duplicate-removed`: the widget removed message `messageId`.
   * `duplicate-found`: it could not; tell the person and offer `queue.removeDuplicate(messageId)`.
   */
  'duplicate-removed': DuplicateEvent;
  'duplicate-found': DuplicateEvent;
}

export interface DuplicateEvent {
  readonly id: string;
  readonly dialogId: string;
  readonly messageId: number;
}
