import { base64Length, encodeBase64Into } from './encodeBase64Into.ts';
import { EncodeError } from './EncodeError.ts';

/**
 * 3 MiB, a multiple of 3 (chunk outputs then concatenate without inner padding). Larger chunks
 * mean fewer fixed-cost reads and Blob parts, but the renderer then holds more at once (two chunks,
 * one output buffer, parts the browser has not taken yet). In the bench's `encode` case 6 MiB was
 * not faster than 3 MiB (two runs on a busy machine), and a 12 MiB trial grew the renderer past
 * 1× the file, so the size stays where it was. Figures: docs/PERFORMANCE.md.
 */
export const DEFAULT_CHUNK_SIZE = 3 * 1024 * 1024;

/** Where the encode's wall time went (ms), for the bench's phase breakdown. */
export interface EncodeStats {
  /** Time spent waiting for reads (a read that finished while the previous chunk was being encoded costs nothing here). */
  readonly readWaitMs: number;
  /** Base64 work. */
  readonly encodeMs: number;
  /** Copying each chunk's base64 into a Blob part, and the final Blob of parts. */
  readonly storeMs: number;
  readonly chunks: number;
}

export interface EncodeBlobOptions {
  /** Bytes read per step; rounded down to a multiple of 3 (at least 3). */
  readonly chunkSize?: number;
  readonly signal?: AbortSignal;
  /** Called after each chunk with the number of source bytes read so far. */
  readonly onProgress?: (bytesRead: number) => void;
  /** Called once on success with where the time went. */
  readonly onStats?: (stats: EncodeStats) => void;
}

function abortError(): DOMException {
  return new DOMException('The encode was aborted', 'AbortError');
}

/** Reads `[start, end)` of `blob`; a failed or short read is an EncodeError `WIDGET_READ_FAILED`. */
async function readSlice(blob: Blob, start: number, end: number): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await blob.slice(start, end).arrayBuffer());
  } catch (cause) {
    throw new EncodeError(
      'WIDGET_READ_FAILED',
      cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause),
    );
  }
  // A file truncated on disk after it was picked reads short; that is a read failure, not data.
  if (bytes.length !== end - start) {
    throw new EncodeError(
      'WIDGET_READ_FAILED',
      `short read at ${start}: ${bytes.length} of ${end - start} bytes`,
    );
  }
  return bytes;
}

/**
 * Reads `blob` chunk by chunk and returns its base64 text as a Blob (`text/plain`, ASCII).
 * The next chunk's read is already under way while the current one is encoded (reading happens in
 * the browser's blob store, off this thread). Each chunk is encoded into one reused byte buffer and
 * copied into its own Blob part (`new Blob([bytes])` copies, so the buffer can be reused), so the
 * base64 never exists as a JS string and this thread holds at most two chunks plus one output
 * buffer. Runs in the encode Worker, and on the main thread where Workers are missing.
 *
 * @throws DOMException `AbortError` when `signal` aborts; {@link EncodeError} `WIDGET_READ_FAILED`
 *   when the file cannot be read.
 */
export async function encodeBlobToBase64Blob(
  blob: Blob,
  options: EncodeBlobOptions = {},
): Promise<Blob> {
  const { signal, onProgress } = options;
  const requested = Math.floor(options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const chunkSize = Math.max(3, requested - (requested % 3));
  const size = blob.size;
  const parts: Blob[] = [];
  const output = new Uint8Array(base64Length(Math.min(chunkSize, size)));
  const read = (start: number): Promise<Uint8Array> => {
    const pending = readSlice(blob, start, Math.min(size, start + chunkSize));
    // If we stop early (abort, failure), a read still in flight must not become an unhandled rejection.
    pending.catch(() => undefined);
    return pending;
  };
  let readWaitMs = 0;
  let encodeMs = 0;
  let storeMs = 0;
  let offset = 0;
  let next = size > 0 ? read(0) : undefined;
  while (next) {
    if (signal?.aborted) throw abortError();
    let at = performance.now();
    const bytes = await next;
    readWaitMs += performance.now() - at;
    if (signal?.aborted) throw abortError();
    const end = offset + bytes.length;
    next = end < size ? read(end) : undefined;
    at = performance.now();
    const written = encodeBase64Into(bytes, output);
    encodeMs += performance.now() - at;
    at = performance.now();
    parts.push(new Blob([output.subarray(0, written)]));
    storeMs += performance.now() - at;
    offset = end;
    onProgress?.(offset);
  }
  const at = performance.now();
  const result = new Blob(parts, { type: 'text/plain' });
  storeMs += performance.now() - at;
  options.onStats?.({ readWaitMs, encodeMs, storeMs, chunks: parts.length });
  return result;
}
