import type { Emitter } from './createEmitter.ts';
import type { AddFilesOptions } from './createItems.ts';
import type { Encoder, LedgerStorage, UploadTransport } from './ports.ts';
import type { LedgerEntry, UploadItem } from './types.ts';
import type { UploadEvents } from './UploadEvents.ts';
import type { QueueState } from './uploadReducer.ts';

/**
 * Files worked on at once (read, sent, checked), chosen by measurement: the concurrency sweep of
 * `npm run bench` (bench/results/latest.md) put 10 × 10 MiB at 5.7 s with one file in flight,
 * 3.4 s with two, 3.0 s with three; each extra file in flight holds another base64 Blob (~140 MB
 * for 100 MiB) for a gain under 15 %.
 */
export const DEFAULT_CONCURRENCY = 2;
/**
 * A port (encoder, transport) that has not settled after this long (ms) broke its contract: the
 * transport's own watchdog (bitrix/createBitrixTransport.ts) ends a stalled upload far earlier as
 * `WIDGET_STALLED`. The engine then gives up so that a row is never stuck (sendWithDeadline.ts).
 */
export const DEFAULT_PORT_DEADLINE_MS = 10 * 60_000;

export interface UploadQueueOptions {
  readonly transport: UploadTransport;
  readonly encoder: Encoder;
  /** Where the per-chat ledger lives; without it, nothing is remembered across reloads. */
  readonly ledger?: LedgerStorage;
  /** Files in flight at once; default {@link DEFAULT_CONCURRENCY}. */
  readonly concurrency?: number;
  /** Epoch ms; default `Date.now`. Also the `since` of delivery checks and the ledger's `at`. */
  readonly now?: () => number;
  /** Ids of items and of request attempts; default random hex. */
  readonly newId?: () => string;
  /** Wait (ms) before the n-th automatic resend; default `defaultBackoff` (decideAfterFailure.ts). */
  readonly backoff?: (attempt: number) => number;
  /** Default {@link DEFAULT_PORT_DEADLINE_MS}; 0 disables. */
  readonly portDeadlineMs?: number;
  /** Default `DEFAULT_CHECK_TIMEOUT_MS` (createDeliveryChecker.ts). */
  readonly checkTimeoutMs?: number;
  /** Automatic resends in a row before the file fails with a retry offered. Default `Infinity`. */
  readonly maxAutoResends?: number;
}

/** The queue's state, read-only from outside: change it through the commands. For rendering. */
export interface ReadonlyQueueStore {
  getState(): QueueState;
  subscribe(listener: () => void): () => void;
}

/**
 * The upload engine (createUploadQueue.ts): a queue of files, each going `queued → reading →
 * sending → delivered`, with `waiting` (refused before processing, sent again automatically),
 * `checking` (outcome unknown, the chat is searched for the file), `failed` and `cancelled`.
 * The store is for rendering; the events (UploadEvents.ts) are for side effects.
 *
 * Rules it keeps:
 * - Checks run before a byte is read; a refused file never reaches the encoder.
 * - A file is read only when a slot is free, so at most `concurrency` base64 Blobs exist.
 * - Small files are sent in dropping order (createOrderedLane.ts).
 * - Every send has a fresh `requestId`. What follows a failed send is decided in one place,
 *   decideAfterFailure.ts: an automatic resend only after a refusal made before processing (a
 *   method paused by the operating-time limit waits for everyone, createMethodPause.ts); after an
 *   unknown outcome a delivery check (createDeliveryChecker.ts), never a resend. Only
 *   `retry(id)`, a user action, sends a file a second time.
 * - Cancel aborts the current read, send or wait. If the whole body had gone out, the chat is
 *   checked first: found ⇒ `delivered`, else `failed` pointing to the chat, never `cancelled`.
 * - Access to a chat lost ⇒ its unsent files stop, with one `chat-access-lost`.
 * - After each batch, one read of each chat's history finds copies the browser re-sent on its
 *   own (createChatReconciler.ts).
 * - A throwing store listener or event handler is logged and cannot stop an upload.
 */
export interface UploadQueue {
  /** What to render. */
  readonly store: ReadonlyQueueStore;
  /** What happened, for side effects (toasts, announcements, the chat input): see UploadEvents.ts. */
  readonly events: Pick<Emitter<UploadEvents>, 'on' | 'off'>;
  /** Checks and enqueues files; refused ones enter the queue as `failed` (and `file-rejected`). */
  addFiles(files: readonly File[], options: AddFilesOptions): UploadItem[];
  /** The picked file of a row (for thumbnails), while the row exists. */
  fileFor(id: string): File | undefined;
  /** Stops reading, sending or waiting at once (a real abort). A check runs to its end. */
  cancel(id: string): void;
  cancelAll(): void;
  /** A user's retry of a failed or cancelled file: the only way a file is ever sent twice. */
  retry(id: string): boolean;
  /** Drops a row; a file in flight is aborted first. */
  remove(id: string): void;
  /** Drops delivered and cancelled rows; failed rows stay until the user decides. */
  clearFinished(): void;
  /**
   * The chat's ledger, newest first, including earlier sessions; `[]` without ledger storage.
   * Earlier sessions' entries that are not delivered are first checked against the chat (the
   * stored ledger may be seconds behind): found ⇒ delivered; unreadable ⇒ never "not sent".
   */
  loadHistory(dialogId: string): Promise<readonly LedgerEntry[]>;
  /** Removes a message offered by `duplicate-found`; false when refused or not offered. */
  removeDuplicate(messageId: number): Promise<boolean>;
  /** Aborts everything without marking it cancelled (the ledger keeps it unfinished), writes the ledger. */
  dispose(): Promise<void>;
}
