import { wakeableSleep } from './async.ts';
import type { Emitter } from './createEmitter.ts';
import type { DeliveryChecker } from './createDeliveryChecker.ts';
import type { MethodPause } from './createMethodPause.ts';
import type { OrderedLane, Ticket } from './createOrderedLane.ts';
import { decideAfterFailure, NO_RESENDS } from './decideAfterFailure.ts';
import { describeForLog } from './describeForLog.ts';
import type { FailureRules } from './decideAfterFailure.ts';
import { encodeWithDeadline } from './encodeWithDeadline.ts';
import type { Encoder, UploadTransport } from './ports.ts';
import { sendWithDeadline } from './sendWithDeadline.ts';
import type { SendResult } from './sendWithDeadline.ts';
import type { ClientError, DeliveryReceipt, UploadError, UploadItem, WidgetCode } from './types.ts';
import type { UploadEvents } from './UploadEvents.ts';
import { isActivePhase } from './uploadReducer.ts';
import type { Action } from './uploadReducer.ts';

/** One file's run, shared with the queue's commands (cancel, remove, dispose reach in here). */
export interface Run {
  /** Set by cancel and remove: end at the next step, as `cancelled` (or `stopWith`). */
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

/** A fresh run holding `ticket` in the ordered lane. */
export function createRun(ticket: Ticket): Run {
  return {
    cancelRequested: false,
    content: undefined,
    step: undefined,
    check: undefined,
    wake: undefined,
    ticket,
  };
}

type ItemAction = Action & { readonly id: string };

/** What a run needs from the queue: its ports and settings, and how it reports. */
export interface RunContext {
  readonly transport: Pick<UploadTransport, 'upload'>;
  readonly encoder: Encoder;
  readonly lane: OrderedLane;
  readonly checker: DeliveryChecker;
  readonly pause: MethodPause;
  readonly rules: FailureRules;
  readonly portDeadlineMs: number;
  readonly now: () => number;
  readonly newId: () => string;
  readonly emit: Emitter<UploadEvents>['emit'];
  /** Dispatches a progress action (not written to the ledger); the changed item or undefined. */
  progress(action: ItemAction): UploadItem | undefined;
  /** Dispatches a phase change and writes it to the ledger; the changed item or undefined. */
  move(action: ItemAction): UploadItem | undefined;
  /** `since`: epoch ms when the attempt that delivered it began. */
  delivered(id: string, receipt: DeliveryReceipt, since: number): void;
  failed(id: string, error: UploadError): void;
  cancelled(id: string): void;
  isDisposed(): boolean;
  /** The queue's rows now. */
  items(): readonly UploadItem[];
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

function ended(ctx: RunContext, id: string): void {
  ctx.cancelled(id);
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
  else ended(ctx, id);
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

/**
 * Before a send: while the method is paused, the row waits (`waiting`, until the next probe) —
 * the file goes when the pause ends or as the probe. Undefined when the run ended meanwhile.
 */
async function passPause(
  ctx: RunContext,
  id: string,
  run: Run,
  size: number,
): Promise<'go' | 'probe' | undefined> {
  const paused = ctx.pause.state();
  if (!paused) return 'go';
  const { error, resumeAt: retryAt } = paused;
  const waiting = ctx.move({ type: 'waiting', id, error, retryAt, at: ctx.now() });
  if (waiting) ctx.emit('upload-waiting', { item: waiting, error, retryAt });
  const wait = ctx.pause.wait(size);
  run.wake = wait.wake;
  const pass = await wait.done;
  run.wake = undefined;
  if (run.cancelRequested || ctx.isDisposed()) return undefined;
  if (waiting && !ctx.move({ type: 'resent', id, at: ctx.now() })) return undefined;
  return pass;
}

/** What the rows show while the client holds the method back: the portal's limit is reached. */
const HELD: UploadError = {
  code: 'OPERATION_TIME_LIMIT',
  origin: 'server',
  detail: 'operating time at the limit: the SDK holds the method until operating_reset_at',
};

/**
 * The method was refused for the whole app (operating-time limit), or the client holds it back
 * until `until` (epoch ms): pause everyone.
 */
function methodRefused(ctx: RunContext, error: UploadError, until?: number): void {
  const { resumeAt } = ctx.pause.refused(error, ctx.now(), until);
  // Every row already waiting for the method shows the new time.
  for (const item of ctx.items()) {
    if (item.phase !== 'waiting' || item.error?.code !== error.code) continue;
    ctx.progress({ type: 'waiting', id: item.id, error, retryAt: resumeAt, at: ctx.now() });
  }
  ctx.emit('uploads-paused', { error, resumeAt });
}

/**
 * The portal answered the method: a pause is over; `resetAt` from a success's time block. With
 * `holdUntil` the client holds the method back by itself until then (ports.ts): the method is
 * paused until that moment, visibly, as after a refusal.
 */
function methodRan(ctx: RunContext, resetAt?: number, holdUntil?: number): void {
  if (resetAt !== undefined) ctx.pause.noteResetAt(resetAt);
  if (holdUntil !== undefined && holdUntil > ctx.now()) return methodRefused(ctx, HELD, holdUntil);
  if (!ctx.pause.state()) return;
  ctx.pause.ran();
  ctx.emit('uploads-resumed', {});
}

/** Tells the method pause what a send showed about the method. */
function report(ctx: RunContext, result: SendResult, pause: boolean, pass: 'go' | 'probe'): void {
  if (result.kind === 'ok')
    return methodRan(ctx, result.operatingResetAt, result.operatingHoldUntil);
  if (result.kind === 'error' && pause) return methodRefused(ctx, result.error);
  if (result.kind === 'error' && result.error.origin === 'server') return methodRan(ctx);
  if (pass === 'probe') ctx.pause.probeInconclusive();
}

async function checkDelivery(
  ctx: RunContext,
  id: string,
  file: File,
  run: Run,
  since: number,
  error: UploadError,
): Promise<void> {
  const checking = ctx.move({ type: 'checking', id, error, at: ctx.now() });
  if (!checking) return;
  ctx.emit('upload-checking', { item: checking, error });
  run.check = new AbortController();
  const { dialogId, name, size } = checking;
  const query = { id, dialogId, name, size, since, file };
  const found = await ctx.checker.check(query, run.check.signal);
  if (found.kind === 'found') return ctx.delivered(id, found.receipt, since);
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
 * failure, what decideAfterFailure.ts says (wait and resend, pause the method, check the chat, or
 * fail). Every end is reported through `ctx` (delivered, failed, cancelled). Never rejects: an
 * engine bug is logged as one scrubbed line and the row fails (`WIDGET_UNKNOWN`), never stuck.
 */
export async function runUpload(
  ctx: RunContext,
  id: string,
  file: File | undefined,
  run: Run,
): Promise<void> {
  try {
    if (!file) return ctx.failed(id, clientError('WIDGET_READ_FAILED', 'the file is gone'));
    await runFile(ctx, id, file, run);
  } catch (error) {
    console.error('[chat-drop] upload engine error:', describeForLog(error));
    const phase = ctx.items().find((item) => item.id === id)?.phase;
    if (phase !== undefined && isActivePhase(phase)) {
      ctx.failed(id, clientError('WIDGET_UNKNOWN', describeForLog(error)));
    }
  }
}

async function runFile(ctx: RunContext, id: string, file: File, run: Run): Promise<void> {
  // A small file waits for its turn before reading, so the row honestly says "queued". Its turn
  // now ⇒ reading starts at once, with no tick in between.
  if (!ctx.lane.isTurn(run.ticket) && !(await pause(ctx, run, ctx.lane.wait(run.ticket)))) {
    return ended(ctx, id);
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
    // Not paused ⇒ the send starts at once, with no tick in between.
    const pass = ctx.pause.state() ? await passPause(ctx, id, run, file.size) : 'go';
    if (!pass) return ended(ctx, id);
    const attemptStart = ctx.now();
    const result = await send(ctx, id, sending, run);
    const decision =
      result.kind === 'error' ? decideAfterFailure(result.error, counts, ctx.rules) : undefined;
    report(ctx, result, decision?.kind === 'pause', pass);
    if (decision?.kind === 'pause') continue;
    // The send is over (a file that waits keeps its turn): the next file may go, even while this
    // one is checked, since whatever this one posted is already in the chat.
    if (decision?.kind !== 'wait') ctx.lane.release(run.ticket);
    if (result.kind === 'ok') return ctx.delivered(id, result.receipt, attemptStart);
    if (result.kind === 'cancelled') {
      if (!result.bodySent) return ended(ctx, id);
      run.content = undefined;
      const error = clientError('WIDGET_UNKNOWN', 'cancelled after the whole body was sent');
      return checkDelivery(ctx, id, file, run, attemptStart, error);
    }
    const { error } = result;
    if (decision?.kind === 'wait') {
      counts = decision.counts;
      const retryAt = ctx.now() + decision.delay;
      const waiting = ctx.move({ type: 'waiting', id, error, retryAt, at: ctx.now() });
      if (!waiting) return;
      ctx.emit('upload-waiting', { item: waiting, error, retryAt });
      if (!(await pause(ctx, run, wakeableSleep(decision.delay)))) return ended(ctx, id);
      if (!ctx.move({ type: 'resent', id, at: ctx.now() })) return;
      continue;
    }
    run.content = undefined;
    if (decision?.kind === 'check') return checkDelivery(ctx, id, file, run, attemptStart, error);
    return ctx.failed(id, error);
  }
}
