import { wakeableSleep } from './async.ts';
import type { Emitter } from './createEmitter.ts';
import type { DeliveryChecker } from './createDeliveryChecker.ts';
import type { OrderedLane, Ticket } from './createOrderedLane.ts';
import { decideAfterFailure, NO_RESENDS } from './decideAfterFailure.ts';
import { describeForLog } from './describeForLog.ts';
import type { FailureRules } from './decideAfterFailure.ts';
import { encodeWithDeadline } from './encodeWithDeadline.ts';
import type { Encoder, UploadTransport } from './ports.ts';
import { sendWithDeadline } from './sendWithDeadline.ts';
import type { SendResult } from './sendWithDeadline.ts';
import type { DeliveryReceipt, UploadError, UploadItem } from './types.ts';
import type { UploadEvents } from './UploadEvents.ts';
import type { Action } from './uploadReducer.ts';

/** One file's run, shared with the queue's commands (cancel, remove, dispose reach in here). */
export interface Run {
  /** Set by cancel and remove: end at the next step, as `cancelled` (or `stopWith`). */
  cancelRequested: boolean;
  /** Set when the queue stops the file for a reason (its chat is gone): it ends `failed` with it. */
  stopWith: UploadError | undefined;
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

type ItemAction = Action & { readonly id: string };

/** What a run needs from the queue: its ports and settings, and how it reports. */
export interface RunContext {
  readonly transport: Pick<UploadTransport, 'upload'>;
  readonly encoder: Encoder;
  readonly lane: OrderedLane;
  readonly checker: DeliveryChecker;
  readonly rules: FailureRules;
  readonly portDeadlineMs: number;
  readonly now: () => number;
  readonly newId: () => string;
  readonly emit: Emitter<UploadEvents>['emit'];
  /** Dispatches a progress action (not written to the ledger); the changed item or undefined. */
  progress(action: ItemAction): UploadItem | undefined;
  /** Dispatches a phase change and writes it to the ledger; the changed item or undefined. */
  move(action: ItemAction): UploadItem | undefined;
  delivered(id: string, receipt: DeliveryReceipt): void;
  failed(id: string, error: UploadError): void;
  cancelled(id: string): void;
  isDisposed(): boolean;
}

/** Waits for `until`; false when the run was cancelled or the queue disposed meanwhile. */
async function pause(
  ctx: RunContext,
  run: Run,
  until: { done: Promise<void>; wake(): void },
): Promise<boolean> {
  run.wake = until.wake;
  await until.done;
  run.wake = undefined;
  return !run.cancelRequested && !ctx.isDisposed();
}

function ended(ctx: RunContext, id: string, run: Run): void {
  if (run.stopWith) ctx.failed(id, run.stopWith);
  else ctx.cancelled(id);
}

/** The file's base64 content, or undefined when the read ended (cancelled, failed: row updated). */
async function read(ctx: RunContext, id: string, file: File, run: Run): Promise<Blob | undefined> {
  run.step = new AbortController();
  const result = await encodeWithDeadline(ctx.encoder, file, {
    signal: run.step.signal,
    deadlineMs: ctx.portDeadlineMs,
    onProgress: (bytesRead) => {
      const item = ctx.progress({ type: 'read-progress', id, bytesRead, at: ctx.now() });
      if (item) ctx.emit('upload-progress', { item });
    },
  });
  if (result.kind === 'ok' && !run.cancelRequested) return result.content;
  if (result.kind === 'error' && !run.cancelRequested) ctx.failed(id, result.error);
  else ended(ctx, id, run);
  return undefined;
}

function send(ctx: RunContext, id: string, item: UploadItem, run: Run): Promise<SendResult> {
  const content = run.content;
  if (!content) return Promise.resolve({ kind: 'cancelled', bodySent: false });
  run.step = new AbortController();
  const { dialogId, name, message } = item;
  return sendWithDeadline(
    ctx.transport,
    { requestId: ctx.newId(), dialogId, name, message, content },
    {
      signal: run.step.signal,
      deadlineMs: ctx.portDeadlineMs,
      onProgress: (sent, total) => {
        const progressed = ctx.progress({ type: 'send-progress', id, sent, total, at: ctx.now() });
        if (progressed) ctx.emit('upload-progress', { item: progressed });
      },
    },
  );
}

async function checkDelivery(
  ctx: RunContext,
  id: string,
  run: Run,
  since: number,
  error: UploadError,
): Promise<void> {
  const checking = ctx.move({ type: 'checking', id, error, at: ctx.now() });
  if (!checking) return;
  ctx.emit('upload-checking', { item: checking, error });
  run.check = new AbortController();
  const { dialogId, name, size } = checking;
  const found = await ctx.checker.check({ id, dialogId, name, size, since }, run.check.signal);
  if (found.kind === 'found') return ctx.delivered(id, found.receipt);
  if (found.kind === 'failed') {
    const failure = `delivery check failed: ${describeForLog(found.cause)}`;
    const detail = error.detail ? `${error.detail}; ${failure}` : failure;
    return ctx.failed(id, { ...error, deliveryCheck: 'failed', detail });
  }
  // Not found — also after a cancel once the whole body had gone out: the portal may still be
  // storing the file, so the row fails with the outcome unknown and points to the chat.
  return ctx.failed(id, { ...error, deliveryCheck: 'not-found' });
}

/**
 * One file's life, from its turn to its end: wait for the ordered lane → read → send → after a
 * failure, what decideAfterFailure.ts says (wait and resend, check the chat, or fail). Every end
 * is reported through `ctx` (delivered, failed, cancelled); never rejects except on an engine bug.
 */
export async function runUpload(ctx: RunContext, id: string, file: File, run: Run): Promise<void> {
  // A small file waits for its turn before reading, so the row honestly says "queued". Its turn
  // now ⇒ reading starts at once, with no tick in between.
  if (!ctx.lane.isTurn(run.ticket) && !(await pause(ctx, run, ctx.lane.wait(run.ticket)))) {
    return ended(ctx, id, run);
  }
  const started = ctx.move({ type: 'read-started', id, at: ctx.now() });
  if (!started) return;
  ctx.emit('upload-started', { item: started });
  run.content = await read(ctx, id, file, run);
  if (!run.content) return;
  const size = run.content.size;
  const sending = ctx.move({ type: 'encoded', id, contentSize: size, at: ctx.now() });
  if (!sending) return;

  let counts = NO_RESENDS;
  for (;;) {
    const attemptStart = ctx.now();
    const result = await send(ctx, id, sending, run);
    const decision =
      result.kind === 'error' ? decideAfterFailure(result.error, counts, ctx.rules) : undefined;
    // The send is over (a file that waits keeps its turn): the next file may go, even while this
    // one is checked, since whatever this one posted is already in the chat.
    if (decision?.kind !== 'wait') ctx.lane.release(run.ticket);
    if (result.kind === 'ok') return ctx.delivered(id, result.receipt);
    if (result.kind === 'cancelled') {
      if (!result.bodySent) return ended(ctx, id, run);
      run.content = undefined;
      const error: UploadError = {
        code: 'WIDGET_UNKNOWN',
        origin: 'client',
        detail: 'cancelled after the whole body was sent',
      };
      return checkDelivery(ctx, id, run, attemptStart, error);
    }
    const { error } = result;
    if (decision?.kind === 'wait') {
      counts = decision.counts;
      const retryAt = ctx.now() + decision.delay;
      const waiting = ctx.move({ type: 'waiting', id, error, retryAt, at: ctx.now() });
      if (!waiting) return;
      ctx.emit('upload-waiting', { item: waiting, error, retryAt });
      if (!(await pause(ctx, run, wakeableSleep(decision.delay)))) return ended(ctx, id, run);
      if (!ctx.move({ type: 'resent', id, at: ctx.now() })) return;
      continue;
    }
    run.content = undefined;
    if (decision?.kind === 'check') return checkDelivery(ctx, id, run, attemptStart, error);
    return ctx.failed(id, error);
  }
}
