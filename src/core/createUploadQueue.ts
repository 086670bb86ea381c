import { createEmitter } from './createEmitter.ts';
import { describeForLog } from './describeForLog.ts';
import type { Emitter } from './createEmitter.ts';
import { createLedger } from './createLedger.ts';
import type { Ledger } from './createLedger.ts';
import { createStore } from './createStore.ts';
import { isUnknownOutcome, isKnownErrorCode, policyFor } from './errorPolicy.ts';
import type { Encoder, LedgerStorage, UploadOutcome, UploadTransport } from './ports.ts';
import { sanitizeFileName } from './sanitizeFileName.ts';
import type { DeliveryReceipt, LedgerEntry, UploadError, UploadItem } from './types.ts';
import type { QueueDrainedEvent, UploadEvents } from './UploadEvents.ts';
import {
  initialProgress,
  initialQueueState,
  isActivePhase,
  uploadReducer,
} from './uploadReducer.ts';
import type { Action, QueueState } from './uploadReducer.ts';
import { validateFile } from './validateFile.ts';

/**
 * Files worked on at once (read, sent, checked), chosen by measurement: the concurrency sweep of
 * `npm run bench` (bench/results/latest.md, 2 CPUs, loopback) put 10 × 10 MiB at 5.7 s with one
 * file in flight, 3.4 s with two, 3.0 s with three and 2.7 s with four, and 100 × 100 KiB at the
 * rate limit's own pace (25.5 s) whatever the level, since the portal counts requests, not bytes
 * (contract §5.8). Two keeps the link busy while the other file is read or stored; each extra
 * file in flight holds another base64 Blob (~140 MB for 100 MiB) for a gain under 15 %, and on a
 * real uplink N large files in parallel each get 1/N of it, so the first one lands later.
 */
export const DEFAULT_CONCURRENCY = 2;
/**
 * No upload progress for this long (ms) while the body is still going out — or none at all since
 * the upload was handed to the transport — ⇒ `WIDGET_STALLED`.
 */
export const DEFAULT_STALL_TIMEOUT_MS = 60_000;
/**
 * After the whole body was sent, how long (ms) to wait for the answer before `WIDGET_STALLED`.
 * The cloud stops a request after 60 s of execution (contract §4.3 "Accept request bodies"); the
 * margin covers decoding and a slow answer.
 */
export const DEFAULT_RESPONSE_TIMEOUT_MS = 120_000;
/** How long (ms) a delivery check may take before it counts as failed. */
export const DEFAULT_CHECK_TIMEOUT_MS = 30_000;
/**
 * Files up to this size (bytes) are sent one after another in the order they were dropped, so
 * the chat shows them in that order: the portal posts each file's message when its upload is
 * processed, so two uploads in flight may land in either order (issue 6, "in order of dropping").
 * A larger file goes on its own beside them, so a 100 MiB video does not hold up the photos
 * dropped with it (issue 6, "the small ones are not starved"); its message lands when it is done.
 */
export const ORDERED_MAX_BYTES = 8 * 1024 * 1024;
/** The longest automatic wait (ms) between sends after a rate-limit refusal. */
export const MAX_BACKOFF_MS = 60_000;

/**
 * Wait before the `attempt`-th automatic resend (1-based): 2 s, 4 s, 8 s … capped at
 * {@link MAX_BACKOFF_MS}, ±10 % so that two files refused together do not come back together.
 * The SDK has already retried a few times inside one attempt (contract §3.5).
 */
export function defaultBackoff(attempt: number): number {
  const base = Math.min(MAX_BACKOFF_MS, 2_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.9 + Math.random() * 0.2));
}

/** A random id; `crypto.randomUUID` is missing outside secure contexts, `getRandomValues` is not. */
function randomId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

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
  /** Wait (ms) before the n-th automatic resend after a rate-limit refusal; default {@link defaultBackoff}. */
  readonly backoff?: (attempt: number) => number;
  /**
   * 0 disables. Runs from the moment the upload is handed to the transport (a request that never
   * starts stalls too) and again from each progress report. Default {@link DEFAULT_STALL_TIMEOUT_MS}.
   */
  readonly stallTimeoutMs?: number;
  /** 0 disables. Default {@link DEFAULT_RESPONSE_TIMEOUT_MS}. */
  readonly responseTimeoutMs?: number;
  /** Default {@link DEFAULT_CHECK_TIMEOUT_MS}. */
  readonly checkTimeoutMs?: number;
  /**
   * Automatic resends in a row (after refusals the policy marks `auto-backoff`) before the file
   * fails with a retry offered. Default `Infinity`: a rate limit is waited out without a limit of
   * patience (issue 3); codes with their own `maxAutoRetries` (expired_token) stop earlier.
   */
  readonly maxAutoResends?: number;
}

/** Where files go and which text goes with them. */
export interface AddFilesOptions {
  readonly dialogId: string;
  /**
   * A string is the batch's text: it goes with the first accepted file only, because the portal
   * posts one message per file and the same text on every file would repeat it in the chat.
   * A function decides per file (`index` = position in `files`).
   */
  readonly message?: string | ((file: File, index: number) => string | undefined);
}

/** The queue's state, read-only from outside: change it through the commands. */
export interface ReadonlyQueueStore {
  getState(): QueueState;
  subscribe(listener: () => void): () => void;
}

/** The upload engine. */
export interface UploadQueue {
  readonly store: ReadonlyQueueStore;
  readonly events: Pick<Emitter<UploadEvents>, 'on' | 'off'>;
  /** Checks and enqueues files; refused ones enter the queue as `failed` (and `file-rejected`). */
  addFiles(files: readonly File[], options: AddFilesOptions): UploadItem[];
  /** Stops reading, sending or waiting at once (a real abort). See the factory's notes on `checking`. */
  cancel(id: string): void;
  cancelAll(): void;
  /** A user's retry of a failed or cancelled file: the only way a file is ever sent twice. */
  retry(id: string): boolean;
  /** Drops a row; a file in flight is aborted first. */
  remove(id: string): void;
  /** Drops delivered and cancelled rows; failed rows stay until the user decides. */
  clearFinished(): void;
  /** The chat's ledger, newest first, including earlier sessions; `[]` without ledger storage. */
  loadHistory(dialogId: string): Promise<readonly LedgerEntry[]>;
  /** Aborts everything without marking it cancelled (the ledger keeps it unfinished), writes the ledger. */
  dispose(): Promise<void>;
}

interface Run {
  cancelRequested: boolean;
  /**
   * The base64 Blob (~4/3 of the file), held only while it may still be sent: dropped before a
   * delivery check and when the run ends, so memory is not kept by finished or failed rows.
   */
  content: Blob | undefined;
  /** Aborts the current read or send. */
  step: AbortController | undefined;
  /** Aborts a delivery check (only on dispose: a cancel lets the check finish). */
  check: AbortController | undefined;
  /** Ends a rate-limit wait or a wait for the send turn early. */
  wake: (() => void) | undefined;
  /** Place in the ordered lane (see {@link ORDERED_MAX_BYTES}); undefined for a large file. */
  ticket: number | undefined;
}

type SendResult =
  | { readonly kind: 'ok'; readonly receipt: DeliveryReceipt }
  | { readonly kind: 'error'; readonly error: UploadError }
  | { readonly kind: 'cancelled'; readonly bodySent: boolean };

/** Settles like `promise`, but rejects as soon as `signal` aborts (a port may ignore the signal). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** An error as a detail line: scrubbed like a log line, since details are shown to the user. */
function describe(error: unknown): string {
  return describeForLog(error);
}

/** An encoder failure as data: its own widget code when it has one, else a read failure. */
function readError(error: unknown): UploadError {
  const code = (error as { code?: unknown } | null)?.code;
  const detail = (error as { detail?: unknown } | null)?.detail;
  if (typeof code === 'string' && code.startsWith('WIDGET_') && isKnownErrorCode(code)) {
    return {
      code,
      origin: 'client',
      detail: typeof detail === 'string' ? detail : describe(error),
    };
  }
  return { code: 'WIDGET_READ_FAILED', origin: 'client', detail: describe(error) };
}

function ledgerState(item: UploadItem): LedgerEntry['state'] | undefined {
  switch (item.phase) {
    case 'queued':
    case 'reading':
    case 'waiting':
      // Nothing has reached the portal (a rate-limit refusal comes before processing).
      return 'unfinished';
    case 'sending':
    case 'checking':
      return 'unknown';
    case 'delivered':
      return 'delivered';
    case 'failed':
      return item.error && isUnknownOutcome(item.error) ? 'unknown' : 'failed';
    case 'cancelled':
      return undefined;
  }
}

function emptyBatch(): { -readonly [K in keyof QueueDrainedEvent]: number } {
  return { delivered: 0, failed: 0, unknown: 0, rejected: 0, cancelled: 0 };
}

/**
 * The upload engine: a queue of files, each going `queued → reading → sending → delivered`, with
 * `waiting` (rate limited, resent automatically with backoff), `checking` (outcome unknown, the
 * chat is searched for the file), `failed` and `cancelled`. State lives in a store changed only by
 * {@link uploadReducer}; the engine announces changes on a typed emitter.
 *
 * Rules it keeps:
 * - Checks run before a byte is read; a refused file never reaches the encoder.
 * - A file is read only when a slot is free, so at most `concurrency` base64 Blobs exist; a Blob
 *   is dropped once its file is delivered, failed or cancelled (a retry reads the file again).
 * - Every send has a fresh `requestId`. After an unknown outcome the engine never resends: it asks
 *   `findDelivery` (messages since the attempt began); found ⇒ `delivered`, not found ⇒ `failed`
 *   with a retry offered, check failed ⇒ `failed` with the outcome still unknown. Only `retry(id)`,
 *   a user action, sends a file a second time. Refusals the portal makes before processing are the
 *   exception: rate limits are resent automatically after a visible `waiting`, without a limit of
 *   patience (the wait grows to {@link MAX_BACKOFF_MS}); `expired_token` (after the SDK's own
 *   refresh and replay failed) a few times only (the policy's `maxAutoRetries`), then it fails.
 * - Cancel aborts the current read, send or wait. If the whole body had already gone out, the
 *   portal may have stored the file, so the engine checks first: found ⇒ `delivered`, else
 *   `failed` with the unknown outcome checked (`deliveryCheck: 'not-found'`: "check the chat
 *   before sending again"), never a silent `cancelled`. A cancel during `checking` lets the check
 *   finish the same way — a delivery cannot be undone, and the check is short and reads only.
 * - A delivery check never counts one message for two files: it passes the message ids of the
 *   receipts already held for the chat (this session's deliveries and the ledger's) as
 *   `excludeMessageIds`, and ignores a receipt another file already holds.
 *
 * @example
 * const queue = createUploadQueue({ transport, encoder, ledger });
 * queue.events.on('upload-succeeded', ({ item }) => console.log(item.name));
 * queue.addFiles([...input.files], { dialogId: 'chat5', message: 'Minutes of the meeting' });
 */
export function createUploadQueue(options: UploadQueueOptions): UploadQueue {
  const { transport, encoder } = options;
  const concurrency =
    Number.isInteger(options.concurrency) && (options.concurrency ?? 0) >= 1
      ? (options.concurrency as number)
      : DEFAULT_CONCURRENCY;
  const now = options.now ?? Date.now;
  const newId = options.newId ?? randomId;
  const backoff = options.backoff ?? defaultBackoff;
  const stallTimeoutMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const responseTimeoutMs = options.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS;
  const checkTimeoutMs = options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const maxAutoResends = Math.max(0, options.maxAutoResends ?? Number.POSITIVE_INFINITY);
  const ledger: Ledger | undefined = options.ledger
    ? createLedger({ storage: options.ledger })
    : undefined;

  const store = createStore(uploadReducer, initialQueueState);
  const events = createEmitter<UploadEvents>();
  /** The picked files, kept for reading (and reading again on retry); never their contents. */
  const files = new Map<string, File>();
  const runs = new Map<string, Run>();
  /** Per dialog: message id → the item it was delivered as (for `excludeMessageIds`). */
  const receipts = new Map<string, Map<number, string>>();
  let batch = emptyBatch();
  let batchTouched = false;
  let disposed = false;
  /**
   * The ordered lane: tickets are taken when a file starts (files start in queue order), and
   * only the lowest ticket still unreleased may send. Every ticket holder is running, so the
   * lowest one always makes progress: no deadlock, whatever the concurrency.
   */
  let nextTicket = 0;
  let servingTicket = 0;
  const releasedTickets = new Set<number>();
  const turnWaiters = new Set<() => void>();

  function find(id: string): UploadItem | undefined {
    return store.getState().items.find((item) => item.id === id);
  }

  /** Dispatches; returns the changed item, or undefined when the action was ignored. */
  function update(action: Action & { readonly id: string }): UploadItem | undefined {
    if (disposed) return undefined;
    const before = store.getState();
    if (store.dispatch(action) === before) return undefined;
    const item = find(action.id);
    if (item && action.type !== 'read-progress' && action.type !== 'send-progress') remember(item);
    return item;
  }

  function remember(item: UploadItem): void {
    if (!ledger || disposed) return;
    const state = ledgerState(item);
    if (state === undefined) {
      ledger.forget(item.dialogId, item.id);
      return;
    }
    ledger.record(item.dialogId, {
      id: item.id,
      name: item.name,
      size: item.size,
      lastModified: item.lastModified,
      state,
      messageId: item.receipt?.messageId,
      errorCode: item.error?.code,
      at: now(),
    });
  }

  /**
   * Message ids that stand for files of `dialogId` other than `exceptId`, delivered in this
   * session (also rows since removed or cleared).
   */
  function claimedMessageIds(dialogId: string, exceptId: string): Set<number> {
    const claimed = new Set<number>();
    for (const [messageId, owner] of receipts.get(dialogId) ?? []) {
      if (owner !== exceptId) claimed.add(messageId);
    }
    return claimed;
  }

  function finishDelivered(id: string, receipt: DeliveryReceipt): void {
    const item = update({ type: 'delivered', id, receipt, at: now() });
    if (!item) return;
    let chat = receipts.get(item.dialogId);
    if (!chat) {
      chat = new Map();
      receipts.set(item.dialogId, chat);
    }
    chat.set(receipt.messageId, id);
    batch.delivered += 1;
    events.emit('upload-succeeded', { item, receipt });
  }

  function finishFailed(id: string, error: UploadError): void {
    const item = update({ type: 'failed', id, error, at: now() });
    if (!item) return;
    batch.failed += 1;
    if (isUnknownOutcome(error)) batch.unknown += 1;
    events.emit('upload-failed', { item, error });
  }

  function finishCancelled(id: string): void {
    const item = update({ type: 'cancelled', id, at: now() });
    if (!item) return;
    batch.cancelled += 1;
    events.emit('upload-cancelled', { item });
  }

  function maybeDrained(): void {
    if (disposed || !batchTouched || runs.size > 0) return;
    if (store.getState().items.some((item) => isActivePhase(item.phase))) return;
    const counts: QueueDrainedEvent = { ...batch };
    batch = emptyBatch();
    batchTouched = false;
    events.emit('queue-drained', counts);
  }

  function schedule(): void {
    if (disposed) return;
    for (const item of store.getState().items) {
      if (runs.size >= concurrency) return;
      if (item.phase === 'queued' && !runs.has(item.id)) start(item.id);
    }
  }

  function start(id: string): void {
    const run: Run = {
      cancelRequested: false,
      content: undefined,
      step: undefined,
      check: undefined,
      wake: undefined,
      ticket: (files.get(id)?.size ?? 0) <= ORDERED_MAX_BYTES ? nextTicket++ : undefined,
    };
    runs.set(id, run);
    batchTouched = true;
    process(id, run)
      .catch((error: unknown) => {
        // A bug in the engine or a port that broke its contract: keep the row honest, not stuck.
        console.error('[chat-drop] upload engine error:', describeForLog(error));
        const item = find(id);
        if (item && isActivePhase(item.phase)) {
          finishFailed(id, { code: 'WIDGET_UNKNOWN', origin: 'client', detail: describe(error) });
        }
      })
      .finally(() => {
        releaseTurn(run);
        run.content = undefined;
        runs.delete(id);
        schedule();
        maybeDrained();
      });
  }

  async function process(id: string, run: Run): Promise<void> {
    const file = files.get(id);
    // A small file waits for its turn before reading, so the row honestly says "queued" (not
    // "reading 10 %") while the files before it are sent; reading a small file takes
    // milliseconds, so little is lost against reading it ahead.
    if (!isTurnOf(run)) {
      await waitTurn(run);
      if (run.cancelRequested) return finishCancelled(id);
    }
    const started = update({ type: 'read-started', id, at: now() });
    if (!file || !started) return;
    events.emit('upload-started', { item: started });

    const reading = new AbortController();
    run.step = reading;
    try {
      run.content = await raceAbort(
        encoder.encode(file, {
          signal: reading.signal,
          onProgress: (bytesRead) => {
            if (reading.signal.aborted) return;
            const item = update({ type: 'read-progress', id, bytesRead, at: now() });
            if (item) events.emit('upload-progress', { item });
          },
        }),
        reading.signal,
      );
    } catch (error) {
      if (run.cancelRequested) finishCancelled(id);
      else finishFailed(id, readError(error));
      return;
    }
    if (run.cancelRequested) return finishCancelled(id);
    const sending = update({ type: 'encoded', id, contentSize: run.content.size, at: now() });
    if (!sending) return;

    let waits = 0;
    /** Automatic resends per code, for the policy's `maxAutoRetries`. */
    const waitsByCode = new Map<string, number>();
    for (;;) {
      const attemptStart = now();
      // No local keeps the Blob: `run.content` is the only reference the engine holds.
      const result = await sendOnce(id, sending, run);
      if (result.kind !== 'error' || policyFor(result.error).retry !== 'auto-backoff') {
        // The send is over (a rate-limited file keeps its turn): the next file may go, even
        // while this one is checked, since whatever this one posted is already in the chat.
        releaseTurn(run);
      }
      if (result.kind === 'ok') return finishDelivered(id, result.receipt);
      if (result.kind === 'cancelled') {
        if (!result.bodySent) return finishCancelled(id);
        run.content = undefined;
        return check(id, run, attemptStart, {
          code: 'WIDGET_UNKNOWN',
          origin: 'client',
          detail: 'cancelled after the whole request body was sent',
        });
      }
      const error = result.error;
      const policy = policyFor(error);
      const codeWaits = waitsByCode.get(error.code) ?? 0;
      if (
        policy.retry === 'auto-backoff' &&
        waits < maxAutoResends &&
        codeWaits < (policy.maxAutoRetries ?? Number.POSITIVE_INFINITY)
      ) {
        waits += 1;
        waitsByCode.set(error.code, codeWaits + 1);
        const delay = Math.min(10 * MAX_BACKOFF_MS, Math.max(0, backoff(waits) || 0));
        const retryAt = now() + delay;
        const waiting = update({ type: 'waiting', id, error, retryAt, at: now() });
        if (!waiting) return;
        events.emit('upload-waiting', { item: waiting, error, retryAt });
        await sleep(delay, run);
        if (run.cancelRequested) return finishCancelled(id);
        if (!update({ type: 'resent', id, at: now() })) return;
        continue;
      }
      run.content = undefined;
      if (policy.outcome === 'unknown') return check(id, run, attemptStart, error);
      // A refusal (also an auto-backoff code past its limit): the file is not in the chat.
      return finishFailed(id, error);
    }
  }

  async function sendOnce(id: string, item: UploadItem, run: Run): Promise<SendResult> {
    const content = run.content;
    if (!content) return { kind: 'cancelled', bodySent: false };
    const controller = new AbortController();
    run.step = controller;
    let stalled = false;
    let bodySent = false;
    let anyProgress = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      const ms = bodySent ? responseTimeoutMs : stallTimeoutMs;
      if (ms <= 0) return;
      timer = setTimeout(() => {
        stalled = true;
        controller.abort(
          new Error(
            bodySent ? 'no answer' : anyProgress ? 'no upload progress' : 'no upload started',
          ),
        );
      }, ms);
    };
    // The deadline runs from the call on, not from the first progress event: a request the
    // transport never starts (held in the SDK's rate limiter or a token refresh that never
    // returns) must not keep the row `sending` forever. A refresh through the parent frame takes
    // seconds, well within the stall timeout.
    arm();
    try {
      const outcome: UploadOutcome = await raceAbort(
        transport.upload({
          requestId: newId(),
          dialogId: item.dialogId,
          name: item.name,
          message: item.message,
          content,
          signal: controller.signal,
          onProgress: (sent, total) => {
            if (controller.signal.aborted) return;
            anyProgress = true;
            bodySent = sent >= (total ?? content.size);
            const progressed = update({ type: 'send-progress', id, sent, total, at: now() });
            arm();
            if (progressed) events.emit('upload-progress', { item: progressed });
          },
        }),
        controller.signal,
      );
      return outcome.ok
        ? { kind: 'ok', receipt: outcome.receipt }
        : { kind: 'error', error: outcome.error };
    } catch (error) {
      if (stalled) {
        const waited = bodySent ? responseTimeoutMs : stallTimeoutMs;
        return {
          kind: 'error',
          error: {
            code: 'WIDGET_STALLED',
            origin: 'transport',
            detail: `${describe(error)} for ${waited} ms`,
          },
        };
      }
      if (run.cancelRequested) return { kind: 'cancelled', bodySent };
      // The transport broke its contract (it should resolve with an error): assume the worst.
      return {
        kind: 'error',
        error: { code: 'WIDGET_UNKNOWN', origin: 'transport', detail: describe(error) },
      };
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  async function check(id: string, run: Run, since: number, error: UploadError): Promise<void> {
    const checking = update({ type: 'checking', id, error, at: now() });
    if (!checking) return;
    events.emit('upload-checking', { item: checking, error });
    const controller = new AbortController();
    run.check = controller;
    const timer = setTimeout(
      () => controller.abort(new Error('delivery check timed out')),
      checkTimeoutMs,
    );
    let receipt: DeliveryReceipt | undefined;
    try {
      const excluded = claimedMessageIds(checking.dialogId, id);
      if (ledger) {
        const entries = await raceAbort(ledger.load(checking.dialogId), controller.signal);
        for (const entry of entries) {
          if (entry.id !== id && entry.messageId !== undefined) excluded.add(entry.messageId);
        }
      }
      receipt = await raceAbort(
        transport.findDelivery({
          dialogId: checking.dialogId,
          name: checking.name,
          size: checking.size,
          since,
          excludeMessageIds: [...excluded],
          signal: controller.signal,
        }),
        controller.signal,
      );
    } catch (checkError) {
      return finishFailed(id, {
        ...error,
        deliveryCheck: 'failed',
        detail: joinDetail(error, checkError),
      });
    } finally {
      clearTimeout(timer);
    }
    if (receipt && !claimedMessageIds(checking.dialogId, id).has(receipt.messageId)) {
      return finishDelivered(id, receipt);
    }
    // Not found — also after a cancel once the whole body had gone out: the portal may still be
    // storing the file and post it later, so the row must not read as a plain "cancelled" (which
    // invites sending it again); it fails with the unknown outcome, checked, and points to the chat.
    return finishFailed(id, { ...error, deliveryCheck: 'not-found' });
  }

  function joinDetail(error: UploadError, checkError: unknown): string {
    const check = `delivery check failed: ${describe(checkError)}`;
    return error.detail ? `${error.detail}; ${check}` : check;
  }

  function isTurnOf(run: Run): boolean {
    return run.ticket === undefined || run.ticket === servingTicket;
  }

  /** Resolves when `run` may go (its ticket is served) or is cancelled. */
  function waitTurn(run: Run): Promise<void> {
    if (isTurnOf(run)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        turnWaiters.delete(poll);
        run.wake = undefined;
        resolve();
      };
      const poll = (): void => {
        if (run.ticket === servingTicket || run.cancelRequested || disposed) done();
      };
      turnWaiters.add(poll);
      run.wake = done;
    });
  }

  function releaseTurn(run: Run): void {
    if (run.ticket === undefined) return;
    releasedTickets.add(run.ticket);
    run.ticket = undefined;
    while (releasedTickets.delete(servingTicket)) servingTicket += 1;
    for (const poll of [...turnWaiters]) poll();
  }

  function sleep(ms: number, run: Run): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        run.wake = undefined;
        resolve();
      }
      run.wake = done;
    });
  }

  function addFiles(list: readonly File[], addOptions: AddFilesOptions): UploadItem[] {
    if (disposed) return [];
    const dialogId = addOptions.dialogId.trim();
    const batchText =
      typeof addOptions.message === 'string' && addOptions.message.trim() !== ''
        ? addOptions.message
        : undefined;
    let textUsed = false;
    const items = list.map((file, index): UploadItem => {
      const name = sanitizeFileName(file.name);
      const error: UploadError | undefined =
        dialogId === ''
          ? { code: 'WIDGET_NOT_IN_CHAT', origin: 'client' }
          : validateFile({ name, size: file.size });
      let message: string | undefined;
      if (!error) {
        if (typeof addOptions.message === 'function') {
          message = addOptions.message(file, index);
        } else if (batchText !== undefined && !textUsed) {
          message = batchText;
          textUsed = true;
        }
      }
      const at = now();
      return {
        id: newId(),
        name,
        size: file.size,
        mimeType: file.type,
        lastModified: file.lastModified,
        dialogId,
        message,
        phase: error ? 'failed' : 'queued',
        progress: initialProgress(file.size),
        error,
        receipt: undefined,
        attempts: 0,
        addedAt: at,
        phaseStartedAt: at,
      };
    });
    if (items.length === 0) return [];
    store.dispatch({ type: 'added', items });
    batchTouched = true;
    items.forEach((item, index) => {
      if (item.error) {
        batch.rejected += 1;
        batch.failed += 1;
        events.emit('file-rejected', { item, error: item.error });
        return;
      }
      const file = list[index];
      if (file) files.set(item.id, file);
      remember(item);
      events.emit('file-added', { item });
    });
    schedule();
    maybeDrained();
    return items;
  }

  function cancel(id: string): void {
    const item = find(id);
    if (!item || !isActivePhase(item.phase)) return;
    const run = runs.get(id);
    if (!run) {
      finishCancelled(id);
      maybeDrained();
      return;
    }
    run.cancelRequested = true;
    // In `checking` the check finishes and decides (see the factory's notes).
    run.step?.abort(new DOMException('Cancelled by the user', 'AbortError'));
    run.wake?.();
  }

  function retry(id: string): boolean {
    const item = find(id);
    if (!item || !files.has(id) || runs.has(id)) return false;
    if (item.phase === 'failed' && item.error && policyFor(item.error).retry === 'none')
      return false;
    if (!update({ type: 'retried', id, at: now() })) return false;
    batchTouched = true;
    schedule();
    return true;
  }

  function remove(id: string): void {
    const item = find(id);
    if (!item) return;
    const run = runs.get(id);
    if (run) {
      run.cancelRequested = true;
      run.step?.abort(new DOMException('Removed by the user', 'AbortError'));
      run.check?.abort(new DOMException('Removed by the user', 'AbortError'));
      run.wake?.();
    }
    store.dispatch({ type: 'removed', id });
    files.delete(id);
    // A delivered file stays in the chat's history; anything else the user has dismissed.
    if (ledger && item.phase !== 'delivered') ledger.forget(item.dialogId, id);
    maybeDrained();
  }

  function clearFinished(): void {
    const before = store.getState().items;
    store.dispatch({ type: 'cleared-finished' });
    const kept = new Set(store.getState().items.map((item) => item.id));
    for (const item of before) if (!kept.has(item.id)) files.delete(item.id);
  }

  return {
    store: { getState: store.getState, subscribe: store.subscribe },
    events: { on: events.on, off: events.off },
    addFiles,
    cancel,
    cancelAll() {
      for (const item of store.getState().items) if (isActivePhase(item.phase)) cancel(item.id);
    },
    retry,
    remove,
    clearFinished,
    async loadHistory(dialogId) {
      return ledger ? ledger.load(dialogId) : [];
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const run of runs.values()) {
        run.step?.abort(new DOMException('The queue was disposed', 'AbortError'));
        run.check?.abort(new DOMException('The queue was disposed', 'AbortError'));
        run.wake?.();
      }
      events.clear();
      files.clear();
      await ledger?.flush();
    },
  };
}
