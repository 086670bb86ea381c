import { createChunkReader } from './createChunkReader.ts';
import { base64Length, encodeBase64Into } from './encodeBase64Into.ts';
import { EncodeError } from './EncodeError.ts';

/**
 * 3 MiB of the file per Blob part (4 MiB of base64), a multiple of 3 so that parts concatenate
 * without inner padding. Making a Blob part costs a fixed amount on top of the copy: 1 MiB parts
 * were slower than 4 MiB ones in the bench, 16 MiB parts no faster while the renderer held more.
 * Figures: docs/PERFORMANCE.md.
 */
export const DEFAULT_CHUNK_SIZE = 3 * 1024 * 1024;

/** Where the encode's wall time went (ms), for the bench's phase breakdown. */
export interface EncodeStats {
  /** Time spent waiting for the file's stream to fill the next chunk. */
  readonly readWaitMs: number;
  /** Base64 work. */
  readonly encodeMs: number;
  /** Copying each part's base64 into a Blob part, and the final Blob of parts. */
  readonly storeMs: number;
  /** Chunks, one Blob part each. */
  readonly chunks: number;
}

export interface EncodeBlobOptions {
  /** Bytes of the file per chunk and Blob part; rounded down to a multiple of 3 (at least 3). */
  readonly chunkSize?: number;
  readonly signal?: AbortSignal;
  /** Called after each chunk with the number of file bytes read so far. */
  readonly onProgress?: (bytesRead: number) => void;
  /** Called once on success with where the time went. */
  readonly onStats?: (stats: EncodeStats) => void;
}

function abortError(): DOMException {
  return new DOMException('The encode was aborted', 'AbortError');
}

function readFailed(cause: unknown): EncodeError {
  return new EncodeError(
    'WIDGET_READ_FAILED',
    cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause),
  );
}

/**
 * Reads `blob` chunk by chunk and returns its base64 text as a Blob (`text/plain`, ASCII).
 *
 * The file is read as one stream ({@link createChunkReader}): in the bench `encode` case one
 * stream was faster than one `slice().arrayBuffer()` per chunk in Chromium and Firefox alike
 * (docs/PERFORMANCE.md). Each chunk is encoded into one reused byte buffer and copied into its own
 * Blob part (`new Blob([bytes])` copies, so the buffer can be reused), so the base64 never exists
 * as a JS string and this thread holds one chunk plus one output buffer. Runs in the encode
 * Worker, and on the main thread where Workers are missing.
 *
 * @throws DOMException `AbortError` when `signal` aborts; {@link EncodeError} `WIDGET_READ_FAILED`
 *   when the file cannot be read or yields another number of bytes than its size (a file
 *   changed on disk after it was picked).
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
  const reader = createChunkReader(blob, chunkSize);
  let readWaitMs = 0;
  let encodeMs = 0;
  let storeMs = 0;
  let offset = 0;
  try {
    for (;;) {
      if (signal?.aborted) throw abortError();
      let at = performance.now();
      let bytes: Uint8Array | undefined;
      try {
        bytes = await reader.next();
      } catch (cause) {
        throw readFailed(cause);
      }
      readWaitMs += performance.now() - at;
      if (!bytes) break;
      if (signal?.aborted) throw abortError();
      offset += bytes.length;
      if (offset > size) break;
      at = performance.now();
      const written = encodeBase64Into(bytes, output);
      encodeMs += performance.now() - at;
      at = performance.now();
      parts.push(new Blob([output.subarray(0, written)]));
      storeMs += performance.now() - at;
      onProgress?.(offset);
    }
    // A file truncated or grown on disk after it was picked reads another length: not the data.
    if (offset !== size) {
      throw new EncodeError('WIDGET_READ_FAILED', `read ${offset} bytes of ${size}`);
    }
  } catch (error) {
    reader.cancel();
    throw error;
  }
  const at = performance.now();
  const result = new Blob(parts, { type: 'text/plain' });
  storeMs += performance.now() - at;
  options.onStats?.({ readWaitMs, encodeMs, storeMs, chunks: parts.length });
  return result;
}
