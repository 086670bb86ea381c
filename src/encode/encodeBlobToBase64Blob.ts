import { encodeBase64Chunk } from './encodeBase64Chunk.ts';
import { EncodeError } from './EncodeError.ts';

/** 3 MiB: a multiple of 3, so chunk outputs concatenate without inner padding. */
export const DEFAULT_CHUNK_SIZE = 3 * 1024 * 1024;

export interface EncodeBlobOptions {
  /** Bytes read per step; rounded down to a multiple of 3 (at least 3). */
  readonly chunkSize?: number;
  readonly signal?: AbortSignal;
  /** Called after each chunk with the number of source bytes read so far. */
  readonly onProgress?: (bytesRead: number) => void;
}

function abortError(): DOMException {
  return new DOMException('The encode was aborted', 'AbortError');
}

/**
 * Reads `blob` slice by slice and returns its base64 text as a Blob (`text/plain`, ASCII).
 * Each chunk's text becomes its own small Blob right away, so no more than one chunk of base64
 * exists as a JS string at a time; the result Blob only references those parts.
 * Runs in the encode Worker, and on the main thread as a fallback where Workers are missing.
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
  const parts: Blob[] = [];
  let offset = 0;
  while (offset < blob.size) {
    if (signal?.aborted) throw abortError();
    const end = Math.min(blob.size, offset + chunkSize);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await blob.slice(offset, end).arrayBuffer());
    } catch (cause) {
      throw new EncodeError(
        'WIDGET_READ_FAILED',
        cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause),
      );
    }
    // A file truncated on disk after it was picked reads short; that is a read failure, not data.
    if (bytes.length !== end - offset) {
      throw new EncodeError(
        'WIDGET_READ_FAILED',
        `short read at ${offset}: ${bytes.length} of ${end - offset} bytes`,
      );
    }
    if (signal?.aborted) throw abortError();
    parts.push(new Blob([encodeBase64Chunk(bytes)]));
    offset = end;
    onProgress?.(offset);
  }
  return new Blob(parts, { type: 'text/plain' });
}
