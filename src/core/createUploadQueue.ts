import { abortError, randomId, wakeableSleep } from './async.ts';
import { createBatchTally } from './createBatchTally.ts';
import { createDeliveryChecker, DEFAULT_CHECK_TIMEOUT_MS } from './createDeliveryChecker.ts';
import { createEmitter } from './createEmitter.ts';
import { createItems } from './createItems.ts';
import type { AddFilesOptions } from './createItems.ts';
import { createLedger } from './createLedger.ts';
import { createOrderedLane } from './createOrderedLane.ts';
import type { Ticket } from './createOrderedLane.ts';
import { createStore } from './createStore.ts';
import { decideAfterFailure, defaultBackoff, NO_RESENDS } from './decideAfterFailure.ts';
import { describeForLog } from './describeForLog.ts';
import { encodeWithDeadline } from './encodeWithDeadline.ts';
import { isUnknownOutcome, policyFor } from './errorPolicy.ts';
import { sendWithDeadline } from './sendWithDeadline.ts';
import type { SendResult } from './sendWithDeadline.ts';
import { toLedgerEntry } from './toLedgerEntry.ts';
import type { ClientError, DeliveryReceipt, UploadError, UploadItem, WidgetCode } from './types.ts';
import { DEFAULT_CONCURRENCY, DEFAULT_PORT_DEADLINE_MS } from './UploadQueue.ts';
import type { UploadQueue, UploadQueueOptions } from './UploadQueue.ts';
import type { UploadEvents } from './UploadEvents.ts';
import { initialQueueState, isActivePhase, uploadReducer } from './uploadReducer.ts';
import type { Action } from './uploadReducer.ts';

export type { AddFilesOptions } from './createItems.ts';
export { DEFAULT_CONCURRENCY, DEFAULT_PORT_DEADLINE_MS } from './UploadQueue.ts';
export type { ReadonlyQueueStore, UploadQueue, UploadQueueOptions } from './UploadQueue.ts';

interface Run {
  cancelRequested: boolean;
  /** The base64 Blob (~4/3 of the file), held only while it may still be sent. */
  content: Blob | undefined;
  /** Aborts the current read or send. */
  step: AbortController | undefined;
  /** Aborts a delivery check (only on remove and dispose: a cancel lets the check finish). */
  check: AbortController | undefined;
  /** Ends a wait (for the send turn, or before a resend) early. */
  wake: (() => void) | undefined;
  ticket: Ticket;
}

function clientError(code: WidgetCode, detail: string): ClientError {
  return { code, origin: 'client', detail };
}

/**
 * The upload engine: a queue of files, each going `queued → reading → sending → delivered`, with
 * `waiting` (refused before processing, resent automatically), `checking` (outcome unknown, the
 * chat is searched for the file), `failed` and `cancelled`. The store (changed only by
 * {@link uploadReducer}) is for rendering; the events are for side effects.
 *
 * Rules it keeps:
 * - Checks run before a byte is read; a refused file never reaches the encoder.
 * - A file is read only when a slot is free, so at most `concurrency` base64 Blobs exist.
 * - Small files are sent in dropping order (createOrderedLane.ts).
 * - Every send has a fresh `requestId`. What happens after a failed send is decided in one place,
 *   decideAfterFailure.ts: an automatic resend only after a refusal made before processing; after
 *   an unknown outcome a delivery check (createDeliveryChecker.ts), never a resend. Only
 *   `retry(id)`, a user action, sends a file a second time.
 * - Cancel aborts the current read, send or wait. If the whole body had gone out, the chat is
 *   checked first: found ⇒ `delivered`, else `failed` pointing to the chat, never `cancelled`.
 * - A throwing store listener or event handler is logged and cannot stop an upload.
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
  const portDeadlineMs = options.portDeadlineMs ?? DEFAULT_PORT_DEADLINE_MS;
  const rules = {
    backoff: options.backoff ?? defaultBackoff,
    maxAutoResends: Math.max(0, options.maxAutoResends ?? Number.POSITIVE_INFINITY),
  };
  const ledger = options.ledger ? createLedger({ storage: options.ledger }) : undefined;
  const checker = createDeliveryChecker({
    transport,
    ledger,
    timeoutMs: options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS,
  });
  const lane = createOrderedLane();
  const store = createStore(uploadReducer, initialQueueState);
  const events = createEmitter<UploadEvents>();
  /** The picked files, kept for reading (and reading again on retry); never their contents. */
  const files = new Map<string, File>();
  const runs = new Map<string, Run>();
  const tally = createBatchTally();
  let disposed = false;

  const find = (id: string): UploadItem | undefined =>
    store.getState().items.find((item) => item.id === id);

  /** Dispatches; returns the changed item, or undefined when the action was ignored. */
  function dispatch(action: Action & { readonly id: string }): UploadItem | undefined {
    if (disposed) return undefined;
    const before = store.getState();
    return store.dispatch(action) === before ? undefined : find(action.id);
  }

  /** A phase change: dispatched, then written to the ledger. */
  function dispatchAndRecord(action: Action & { readonly id: string }): UploadItem | undefined {
    const item = dispatch(action);
    if (item) record(item);
    return item;
  }

  function record(item: UploadItem): void {
    if (!ledger || disposed) return;
    const entry = toLedgerEntry(item, now());
    if (entry) ledger.record(item.dialogId, entry);
    else ledger.forget(item.dialogId, item.id);
  }

  function finishDelivered(id: string, receipt: DeliveryReceipt): void {
    const item = dispatchAndRecord({ type: 'delivered', id, receipt, at: now() });
    if (!item) return;
    checker.claim(item.dialogId, receipt.messageId, id);
    tally.count('delivered');
    events.emit('upload-succeeded', { item, receipt });
  }

  function finishFailed(id: string, error: UploadError): void {
    const item = dispatchAndRecord({ type: 'failed', id, error, at: now() });
    if (!item) return;
    tally.count('failed');
    if (isUnknownOutcome(error)) tally.count('unknown');
    events.emit('upload-failed', { item, error });
  }

  function finishCancelled(id: string): void {
    const item = dispatchAndRecord({ type: 'cancelled', id, at: now() });
    if (!item) return;
    tally.count('cancelled');
    events.emit('upload-cancelled', { item });
  }

  function maybeDrained(): void {
    if (disposed || runs.size > 0) return;
    if (store.getState().items.some((item) => isActivePhase(item.phase))) return;
    const counts = tally.close();
    if (counts) events.emit('queue-drained', counts);
  }

  function schedule(): void {
    if (disposed) return;
    for (const item of store.getState().items) {
      if (runs.size >= concurrency) return;
      if (item.phase === 'queued' && !runs.has(item.id)) start(item.id);
    }
  }

  function start(id: string): void {
    const size = files.get(id)?.size ?? 0;
    const run: Run = {
      cancelRequested: false,
      content: undefined,
      step: undefined,
      check: undefined,
      wake: undefined,
      ticket: lane.take(size),
    };
    runs.set(id, run);
    tally.open();
    runItem(id, run)
      .catch((error: unknown) => {
        // A bug in the engine: keep the row honest, not stuck.
        console.error('[chat-drop] upload engine error:', describeForLog(error));
        if (isActivePhase(find(id)?.phase ?? 'delivered')) {
          finishFailed(id, clientError('WIDGET_UNKNOWN', describeForLog(error)));
        }
      })
      .finally(() => {
        lane.release(run.ticket);
        run.content = undefined;
        runs.delete(id);
        schedule();
        maybeDrained();
      })
      .catch((error: unknown) => {
        // Never an unhandled rejection, whatever a listener did above.
        console.error('[chat-drop] upload engine error:', describeForLog(error));
      });
  }

  /** Waits while `until` has not resolved, unless cancelled or disposed (then false). */
  async function pause(run: Run, until: { done: Promise<void>; wake(): void }): Promise<boolean> {
    run.wake = until.wake;
    await until.done;
    run.wake = undefined;
    return !run.cancelRequested && !disposed;
  }

  async function runItem(id: string, run: Run): Promise<void> {
    const file = files.get(id);
    if (!file) return finishFailed(id, clientError('WIDGET_READ_FAILED', 'the file is gone'));
    // A small file waits for its turn before reading, so the row honestly says "queued". Its
    // turn now ⇒ reading starts within addFiles, with no tick in between.
    if (!lane.isTurn(run.ticket) && !(await pause(run, lane.wait(run.ticket)))) {
      return finishCancelled(id);
    }
    const started = dispatchAndRecord({ type: 'read-started', id, at: now() });
    if (!started) return;
    events.emit('upload-started', { item: started });
    run.content = await readFile(id, file, run);
    if (!run.content) return;
    const sending = dispatchAndRecord({
      type: 'encoded',
      id,
      contentSize: run.content.size,
      at: now(),
    });
    if (!sending) return;

    let counts = NO_RESENDS;
    for (;;) {
      const attemptStart = now();
      const result = await sendOnce(id, sending, run);
      const decision =
        result.kind === 'error' ? decideAfterFailure(result.error, counts, rules) : undefined;
      // The send is over (a file that waits keeps its turn): the next file may go, even while
      // this one is checked, since whatever this one posted is already in the chat.
      if (decision?.kind !== 'wait') lane.release(run.ticket);
      if (result.kind === 'ok') return finishDelivered(id, result.receipt);
      if (result.kind === 'cancelled') {
        if (!result.bodySent) return finishCancelled(id);
        run.content = undefined;
        const error = clientError('WIDGET_UNKNOWN', 'cancelled after the whole body was sent');
        return checkDelivery(id, run, attemptStart, error);
      }
      const { error } = result;
      if (decision?.kind === 'wait') {
        counts = decision.counts;
        const retryAt = now() + decision.delay;
        const waiting = dispatchAndRecord({ type: 'waiting', id, error, retryAt, at: now() });
        if (!waiting) return;
        events.emit('upload-waiting', { item: waiting, error, retryAt });
        if (!(await pause(run, wakeableSleep(decision.delay)))) return finishCancelled(id);
        if (!dispatchAndRecord({ type: 'resent', id, at: now() })) return;
        continue;
      }
      run.content = undefined;
      if (decision?.kind === 'check') return checkDelivery(id, run, attemptStart, error);
      return finishFailed(id, error);
    }
  }

  /** The file's base64 content, or undefined when the read ended (cancelled, failed: row updated). */
  async function readFile(id: string, file: File, run: Run): Promise<Blob | undefined> {
    run.step = new AbortController();
    const read = await encodeWithDeadline(encoder, file, {
      signal: run.step.signal,
      deadlineMs: portDeadlineMs,
      onProgress: (bytesRead) => {
        const item = dispatch({ type: 'read-progress', id, bytesRead, at: now() });
        if (item) events.emit('upload-progress', { item });
      },
    });
    if (read.kind === 'ok' && !run.cancelRequested) return read.content;
    if (read.kind === 'error' && !run.cancelRequested) finishFailed(id, read.error);
    else finishCancelled(id);
    return undefined;
  }

  function sendOnce(id: string, item: UploadItem, run: Run): Promise<SendResult> {
    const content = run.content;
    if (!content) return Promise.resolve({ kind: 'cancelled', bodySent: false });
    run.step = new AbortController();
    const { dialogId, name, message } = item;
    return sendWithDeadline(
      transport,
      { requestId: newId(), dialogId, name, message, content },
      {
        signal: run.step.signal,
        deadlineMs: portDeadlineMs,
        onProgress: (sent, total) => {
          const progressed = dispatch({ type: 'send-progress', id, sent, total, at: now() });
          if (progressed) events.emit('upload-progress', { item: progressed });
        },
      },
    );
  }

  async function checkDelivery(id: string, run: Run, since: number, error: UploadError) {
    const checking = dispatchAndRecord({ type: 'checking', id, error, at: now() });
    if (!checking) return;
    events.emit('upload-checking', { item: checking, error });
    run.check = new AbortController();
    const { dialogId, name, size } = checking;
    const found = await checker.check({ id, dialogId, name, size, since }, run.check.signal);
    if (found.kind === 'found') return finishDelivered(id, found.receipt);
    if (found.kind === 'failed') {
      const failure = `delivery check failed: ${describeForLog(found.cause)}`;
      const detail = error.detail ? `${error.detail}; ${failure}` : failure;
      return finishFailed(id, { ...error, deliveryCheck: 'failed', detail });
    }
    // Not found — also after a cancel once the whole body had gone out: the portal may still be
    // storing the file, so the row fails with the outcome unknown and points to the chat.
    return finishFailed(id, { ...error, deliveryCheck: 'not-found' });
  }

  function stop(run: Run, reason: string, alsoCheck: boolean): void {
    run.cancelRequested = true;
    run.step?.abort(abortError(reason));
    if (alsoCheck) run.check?.abort(abortError(reason));
    run.wake?.();
  }

  function addFiles(list: readonly File[], addOptions: AddFilesOptions): UploadItem[] {
    if (disposed || list.length === 0) return [];
    const items = createItems(list, addOptions, now(), newId);
    store.dispatch({ type: 'added', items });
    tally.open();
    items.forEach((item, index) => {
      if (item.error) {
        tally.count('rejected');
        tally.count('failed');
        events.emit('file-rejected', { item, error: item.error });
        return;
      }
      files.set(item.id, list[index] as File);
      record(item);
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
    if (run) return stop(run, 'Cancelled by the user', false);
    finishCancelled(id);
    maybeDrained();
  }

  function retry(id: string): boolean {
    const item = find(id);
    if (!item || !files.has(id) || runs.has(id)) return false;
    if (item.phase === 'failed' && item.error && policyFor(item.error).retry === 'none')
      return false;
    const retried = dispatchAndRecord({ type: 'retried', id, at: now() });
    if (!retried) return false;
    tally.open();
    events.emit('upload-retried', { item: retried });
    schedule();
    return true;
  }

  function remove(id: string): void {
    const item = find(id);
    if (!item) return;
    const run = runs.get(id);
    if (run) stop(run, 'Removed by the user', true);
    store.dispatch({ type: 'removed', id });
    files.delete(id);
    // A delivered file stays in the chat's history; anything else the user has dismissed.
    if (ledger && item.phase !== 'delivered') ledger.forget(item.dialogId, id);
    events.emit('file-removed', { item });
    maybeDrained();
  }

  return {
    store: { getState: store.getState, subscribe: store.subscribe },
    events: { on: events.on, off: events.off },
    addFiles,
    fileFor: (id) => files.get(id),
    cancel,
    cancelAll() {
      for (const item of store.getState().items) if (isActivePhase(item.phase)) cancel(item.id);
    },
    retry,
    remove,
    clearFinished() {
      store.dispatch({ type: 'cleared-finished' });
      const kept = new Set(store.getState().items.map((item) => item.id));
      for (const id of files.keys()) if (!kept.has(id)) files.delete(id);
    },
    async loadHistory(dialogId) {
      return ledger ? ledger.load(dialogId) : [];
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const run of runs.values()) {
        run.step?.abort(abortError('The queue was disposed'));
        run.check?.abort(abortError('The queue was disposed'));
        run.wake?.();
      }
      events.clear();
      files.clear();
      await ledger?.flush();
    },
  };
}
