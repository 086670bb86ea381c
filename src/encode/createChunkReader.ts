/** A Blob read in chunks of a fixed size. */
export interface ChunkReader {
  /**
   * The next `chunkSize` bytes (fewer only for the last chunk), or `undefined` at the end. The
   * returned view is valid until the next call: its memory may be reused.
   */
  next(): Promise<Uint8Array | undefined>;
  /** Stops reading (the browser stops reading ahead); never rejects. */
  cancel(): void;
}

function openByobReader(blob: Blob): ReadableStreamBYOBReader | undefined {
  const stream = blob.stream();
  try {
    return stream.getReader({ mode: 'byob' });
  } catch {
    // Not a byte stream in this engine: getReader throws a TypeError (Streams spec). Release the
    // stream so that nothing reads the file ahead for it.
    stream.cancel().catch(() => undefined);
    return undefined;
  }
}

/**
 * Hands `blob` out in `chunkSize` chunks.
 *
 * Where `blob.stream()` is a byte stream (the File API makes it one; Chromium 156 and Firefox ESR
 * 153 implement it), a BYOB reader lets the browser write straight into one buffer of ours: one
 * stream, no piece allocated and copied, and the chunk size ours, not the engine's (Firefox hands a
 * file on disk over in 64 KiB pieces). That beat one `slice().arrayBuffer()` per chunk in both
 * engines (bench `encode` case, docs/PERFORMANCE.md). Elsewhere (WebKitGTK 2.50) it reads one
 * `slice().arrayBuffer()` per chunk with the next one in flight: that engine's plain stream reads
 * the whole file ahead into memory (the bench saw the page process grow by 3× the file).
 *
 * Read errors (a file deleted or changed after it was picked) reject `next()` as the platform
 * reported them; on the stream path the last `next()` first opens the file once more, so that a
 * change made while the stream ran is reported too (see byobChunks).
 */
export function createChunkReader(blob: Blob, chunkSize: number): ChunkReader {
  const byob = openByobReader(blob);
  return byob ? byobChunks(blob, byob, chunkSize) : sliceChunks(blob, chunkSize);
}

function byobChunks(blob: Blob, reader: ReadableStreamBYOBReader, chunkSize: number): ChunkReader {
  let buffer = new ArrayBuffer(Math.max(1, Math.min(chunkSize, blob.size)));
  let ended = false;
  let verified = false;
  return {
    async next() {
      let filled = 0;
      while (!ended && filled < buffer.byteLength) {
        const view = new Uint8Array(buffer, filled, buffer.byteLength - filled);
        const { done, value } = await reader.read(view);
        // The read transfers the buffer; it comes back in `value`, also at the end.
        if (value) buffer = value.buffer as ArrayBuffer;
        if (done || !value) ended = true;
        else filled += value.length;
      }
      if (ended && !verified) {
        verified = true;
        // Chromium compares a picked file's modification time with the one it had when picked
        // only when a read opens the file, so one stream does not notice the file being rewritten
        // while it is read, and would hand out a mix of old and new bytes. A read opened after
        // the stream ended does notice: a file changed at any moment before it fails here as it
        // does before reading (NotReadableError), instead of going out torn.
        await blob.slice(0, 1).arrayBuffer();
      }
      return filled > 0 ? new Uint8Array(buffer, 0, filled) : undefined;
    },
    cancel() {
      ended = true;
      reader.cancel().catch(() => undefined);
    },
  };
}

function sliceChunks(blob: Blob, chunkSize: number): ChunkReader {
  const read = (start: number): Promise<ArrayBuffer> => {
    const pending = blob.slice(start, Math.min(blob.size, start + chunkSize)).arrayBuffer();
    // A read still in flight when the caller stops must not become an unhandled rejection.
    pending.catch(() => undefined);
    return pending;
  };
  let offset = 0;
  let pending = blob.size > 0 ? read(0) : undefined;
  return {
    async next() {
      if (!pending) return undefined;
      const bytes = new Uint8Array(await pending);
      offset = Math.min(blob.size, offset + chunkSize);
      pending = offset < blob.size ? read(offset) : undefined;
      return bytes.length > 0 ? bytes : undefined;
    },
    cancel() {
      pending = undefined;
    },
  };
}
