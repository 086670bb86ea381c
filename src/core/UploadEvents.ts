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
 * Everything the engine announces, kebab-case (STYLE.md §3). Each payload carries the item as it
 * is in the store right after the change.
 */
export interface UploadEvents {
  'file-added': { readonly item: UploadItem };
  /** Refused by the checks before reading (too large, empty, bad name, no chat); also in the queue as `failed`. */
  'file-rejected': { readonly item: UploadItem; readonly error: UploadError };
  /** Reading began (each user attempt, including a retry). */
  'upload-started': { readonly item: UploadItem };
  'upload-progress': { readonly item: UploadItem };
  /** Refused by a rate limit; sent again automatically at `retryAt`. */
  'upload-waiting': {
    readonly item: UploadItem;
    readonly error: UploadError;
    readonly retryAt: number;
  };
  /** The outcome is unknown; the engine is looking for the file in the chat. */
  'upload-checking': { readonly item: UploadItem; readonly error: UploadError };
  'upload-succeeded': { readonly item: UploadItem; readonly receipt: DeliveryReceipt };
  'upload-failed': { readonly item: UploadItem; readonly error: UploadError };
  'upload-cancelled': { readonly item: UploadItem };
  'queue-drained': QueueDrainedEvent;
}
