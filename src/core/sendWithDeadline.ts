import { deadlineSignal, raceAbort } from './async.ts';
import { describeForLog } from './describeForLog.ts';
import type { UploadOutcome, UploadRequest, UploadTransport } from './ports.ts';
import type { ClientError, UploadError } from './types.ts';

/**
 * `ok` carries what the transport's success carried (receipt, time-block facts); `cancelled` =
 * `signal` fired; `bodySent` = the whole request body had gone out by then.
 */
export type SendResult =
  | ({ readonly kind: 'ok' } & Omit<Extract<UploadOutcome, { ok: true }>, 'ok'>)
  | { readonly kind: 'error'; readonly error: UploadError }
  | { readonly kind: 'cancelled'; readonly bodySent: boolean };

/**
 * One upload attempt through the transport port. Never rejects. The transport's own watchdog
 * ends a stalled request as `WIDGET_STALLED` (data, an unknown outcome); a transport that has not
 * settled after `deadlineMs` (0 = no deadline) broke its contract and ends as
 * `WIDGET_PORT_TIMEOUT`, also an unknown outcome. A transport that throws instead of resolving
 * with an error ends as `WIDGET_UNKNOWN`: the body may have arrived.
 *
 * @example
 * const result = await sendWithDeadline(transport, request, { signal, deadlineMs, onProgress });
 */
export async function sendWithDeadline(
  transport: Pick<UploadTransport, 'upload'>,
  request: Omit<UploadRequest, 'signal' | 'onProgress'>,
  options: {
    readonly signal: AbortSignal;
    readonly deadlineMs: number;
    /** As in {@link UploadRequest}; never called after an abort. */
    readonly onProgress: (sent: number, total: number | undefined) => void;
  },
): Promise<SendResult> {
  const { signal, deadlineMs } = options;
  const timeout: ClientError = {
    code: 'WIDGET_PORT_TIMEOUT',
    origin: 'client',
    detail: `no answer in ${deadlineMs} ms`,
  };
  const deadline = deadlineSignal(signal, deadlineMs, () => timeout);
  let bodySent = false;
  try {
    const outcome = await raceAbort(
      transport.upload({
        ...request,
        signal: deadline.signal,
        onProgress: (sent, total) => {
          if (deadline.signal.aborted) return;
          bodySent = sent >= (total ?? request.content.size);
          options.onProgress(sent, total);
        },
      }),
      deadline.signal,
    );
    if (!outcome.ok) return { kind: 'error', error: outcome.error };
    const { ok: _ok, ...delivered } = outcome;
    return { kind: 'ok', ...delivered };
  } catch (error) {
    if (signal.aborted) return { kind: 'cancelled', bodySent };
    if (error === timeout) return { kind: 'error', error: timeout };
    const unknown: ClientError = {
      code: 'WIDGET_UNKNOWN',
      origin: 'client',
      detail: describeForLog(error),
    };
    return { kind: 'error', error: unknown };
  } finally {
    deadline.clear();
  }
}
