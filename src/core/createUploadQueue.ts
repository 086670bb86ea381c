import { abortError, randomId } from './async.ts';
import { createBatchTally } from './createBatchTally.ts';
import { createChatReconciler } from './createChatReconciler.ts';
import { createDeliveryChecker, DEFAULT_CHECK_TIMEOUT_MS } from './createDeliveryChecker.ts';
import { createEmitter } from './createEmitter.ts';
import { createItems, type AddFilesOptions } from './createItems.ts';
import { createLedger } from './createLedger.ts';
import { createMethodPause } from './createMethodPause.ts';
import { createOrderedLane } from './createOrderedLane.ts';
import { createStore } from './createStore.ts';
import { defaultBackoff } from './decideAfterFailure.ts';
import { describeForLog } from './describeForLog.ts';
import { isChatGone, isUnknownOutcome, policyFor } from './errorPolicy.ts';
import { pickToStart } from './pickToStart.ts';
import { createRun, runUpload, type Run, type RunContext } from './runUpload.ts';
import { stopLostChat } from './stopLostChat.ts';
import { toLedgerEntry } from './toLedgerEntry.ts';
import type { DeliveryReceipt, LedgerEntry, UploadError, UploadItem } from './types.ts';
import { DEFAULT_CONCURRENCY, DEFAULT_PORT_DEADLINE_MS, type UploadQueue } from './UploadQueue.ts';
import type { UploadQueueOptions } from './UploadQueue.ts';
import type { UploadEvents } from './UploadEvents.ts';
import { initialQueueState, isActivePhase, uploadReducer, type Action } from './uploadReducer.ts';

export type { AddFilesOptions } from './createItems.ts';
export { DEFAULT_CONCURRENCY, DEFAULT_PORT_DEADLINE_MS } from './UploadQueue.ts';
export type { ReadonlyQueueStore, UploadQueue, UploadQueueOptions } from './UploadQueue.ts';

/**
 * The upload engine (see {@link UploadQueue} for the rules it keeps): the queue's commands and
 * its bookkeeping — store, ledger, receipts, batch counts, events. One file's life is in
 * runUpload.ts; what follows a failure is decided in decideAfterFailure.ts.
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
  const reconciler = createChatReconciler(transport, events.emit, ledger);
  /** The picked files, kept for reading (and reading again on retry); never their contents. */
  const files = new Map<string, File>();
  const runs = new Map<string, Run>();
  /** History loads in flight, per chat: callers at the same moment share one. */
  const historyLoads = new Map<string, Promise<readonly LedgerEntry[]>>();
  const tally = createBatchTally();
  const pause = createMethodPause(now);
  /** Chats reported lost (`chat-access-lost`) until a file is added to or delivered in them again. */
  const lostChats = new Set<string>();
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

  function finishDelivered(id: string, receipt: DeliveryReceipt, since: number): void {
    const item = dispatchAndRecord({ type: 'delivered', id, receipt, at: now() });
    if (!item) return;
    const { dialogId, name, size, message } = item;
    reconciler.delivered({ id, dialogId, name, size, message, receipt, since, at: now() });
    checker.claim(item.dialogId, receipt.messageId, id);
    lostChats.delete(item.dialogId);
    tally.count('delivered');
    events.emit('upload-succeeded', { item, receipt });
  }

  function finishFailed(id: string, error: UploadError): void {
    const item = dispatchAndRecord({ type: 'failed', id, error, at: now() });
    if (!item) return;
    tally.count('failed');
    if (isUnknownOutcome(error)) tally.count('unknown');
    const chatGone = isChatGone(error);
    // Another refusal in a chat already reported as lost is part of that one message.
    if (chatGone && lostChats.has(item.dialogId)) return;
    events.emit('upload-failed', { item, error });
    if (chatGone) stopChat(item, error);
  }

  function stopChat(first: UploadItem, error: UploadError): void {
    lostChats.add(first.dialogId);
    const stopped = stopLostChat(store.getState().items, first, error, (id, notSent) => {
      const run = runs.get(id);
      if (run) stop(run, 'Access to the chat was lost', false);
      const failed = dispatchAndRecord({ type: 'failed', id, error: notSent, at: now() });
      if (failed) tally.count('failed');
      return failed;
    });
    events.emit('chat-access-lost', { dialogId: first.dialogId, error, first, stopped });
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
    const claimed = store.getState().items.flatMap((i) => (i.receipt ? [i.receipt.messageId] : []));
    void reconciler.batchDone(new Set(claimed));
  }

  const context: RunContext = {
    transport,
    encoder,
    lane,
    checker,
    pause,
    rules,
    portDeadlineMs,
    now,
    newId,
    emit: events.emit,
    progress: dispatch,
    move: dispatchAndRecord,
    delivered: finishDelivered,
    failed: finishFailed,
    cancelled: finishCancelled,
    isDisposed: () => disposed,
    items: () => store.getState().items,
  };

  function schedule(): void {
    if (disposed) return;
    const waiting = store.getState().items.filter((i) => i.phase === 'queued' && !runs.has(i.id));
    const candidates = waiting.map((i) => ({ id: i.id, small: lane.fits(i.size) }));
    for (const id of pickToStart(candidates, runs.size, concurrency)) start(id);
  }

  function start(id: string): void {
    const run = createRun(lane.take(files.get(id)?.size ?? 0));
    runs.set(id, run);
    tally.open();
    runUpload(context, id, files.get(id), run)
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

  function stop(run: Run, reason: string, alsoCheck: boolean): void {
    run.cancelRequested = true;
    run.step?.abort(abortError(reason));
    if (alsoCheck) run.check?.abort(abortError(reason));
    run.wake?.();
  }

  function addFiles(list: readonly File[], addOptions: AddFilesOptions): UploadItem[] {
    if (disposed || list.length === 0) return [];
    const items = createItems(list, addOptions, now(), newId);
    for (const item of items) lostChats.delete(item.dialogId);
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
    loadHistory(dialogId) {
      if (!ledger) return Promise.resolve([]);
      // Several parts of the panel ask at once when it opens; one history read serves them all
      // (the portal's rate limit counts every request).
      const pending = historyLoads.get(dialogId);
      if (pending) return pending;
      const load = (async () => {
        const live = new Set(store.getState().items.map((item) => item.id));
        const entries = await ledger.load(dialogId);
        const earlier = entries.filter((entry) => !live.has(entry.id));
        const changed = await reconciler.reconcileLedger(dialogId, earlier);
        for (const entry of changed) ledger.record(dialogId, entry);
        return changed.length === 0 ? entries : ledger.load(dialogId);
      })().finally(() => historyLoads.delete(dialogId));
      historyLoads.set(dialogId, load);
      return load;
    },
    removeDuplicate: (messageId) => reconciler.removeOffered(messageId),
    async dispose() {
      if (disposed) return;
      disposed = true;
      // Not marked cancelled: disposed, the store no longer changes, and the ledger keeps them unfinished.
      for (const run of runs.values()) stop(run, 'The queue was disposed', true);
      events.clear();
      files.clear();
      await ledger?.flush();
    },
  };
}
