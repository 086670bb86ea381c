import { deadlineSignal, raceAbort } from './async.ts';
import { describeForLog } from './describeForLog.ts';
import { isKnownErrorCode } from './errorPolicy.ts';
import type { Encoder } from './ports.ts';
import type { ClientError, WidgetCode } from './types.ts';

/** `aborted` = `signal` fired (cancel, remove, dispose); `error` = the read failed, as data. */
export type EncodeResult =
  | { readonly kind: 'ok'; readonly content: Blob }
  | { readonly kind: 'aborted' }
  | { readonly kind: 'error'; readonly error: ClientError };

/** An encoder failure as data: its own widget code when it has one, else a read failure. */
function readError(error: unknown): ClientError {
  const { code, detail } = (error ?? {}) as { code?: unknown; detail?: unknown };
  const text = typeof detail === 'string' ? detail : describeForLog(error);
  const own = typeof code === 'string' && code.startsWith('WIDGET_') && isKnownErrorCode(code);
  return {
    code: own ? (code as WidgetCode) : 'WIDGET_READ_FAILED',
    origin: 'client',
    detail: text,
  };
}

/**
 * Reads `file` into base64 through the encoder port. Never rejects. An encoder that has not
 * settled after `deadlineMs` (0 = no deadline) broke its contract: it is aborted and the read
 * fails as `WIDGET_READ_FAILED` (nothing was sent, so a retry is safe).
 *
 * @example
 * const read = await encodeWithDeadline(encoder, file, { signal, deadlineMs: 600_000, onProgress });
 */
export async function encodeWithDeadline(
  encoder: Encoder,
  file: Blob,
  options: {
    readonly signal: AbortSignal;
    readonly deadlineMs: number;
    /** Bytes of `file` read so far; never called after an abort. */
    readonly onProgress: (bytesRead: number) => void;
  },
): Promise<EncodeResult> {
  const { signal, deadlineMs } = options;
  const deadline = deadlineSignal(
    signal,
    deadlineMs,
    () => new Error(`the encoder did not finish in ${deadlineMs} ms`),
  );
  try {
    const content = await raceAbort(
      encoder.encode(file, {
        signal: deadline.signal,
        onProgress: (bytesRead) => {
          if (!deadline.signal.aborted) options.onProgress(bytesRead);
        },
      }),
      deadline.signal,
    );
    return signal.aborted ? { kind: 'aborted' } : { kind: 'ok', content };
  } catch (error) {
    return signal.aborted ? { kind: 'aborted' } : { kind: 'error', error: readError(error) };
  } finally {
    deadline.clear();
  }
}
