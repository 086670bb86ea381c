import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createChunkReader } from '../../../src/encode/createChunkReader.ts';
import { byteStreamBlob } from '../../support/byteStreamBlob.ts';

/** Reads every chunk, copying each out (the reader reuses its buffer). */
async function readAll(blob: Blob, chunkSize: number): Promise<Uint8Array[]> {
  const reader = createChunkReader(blob, chunkSize);
  const chunks: Uint8Array[] = [];
  for (let chunk = await reader.next(); chunk; chunk = await reader.next()) {
    chunks.push(chunk.slice());
  }
  return chunks;
}

function joined(chunks: readonly Uint8Array[]): Buffer {
  return Buffer.concat(chunks);
}

describe('createChunkReader', () => {
  it('reads one slice per chunk, the next already in flight, where the stream is not a byte stream', async () => {
    const bytes = new Uint8Array(randomBytes(100));
    const blob = new Blob([bytes]);
    // A plain (not byte) stream, as WebKitGTK's Blob.stream() is.
    blob.stream = () => new ReadableStream<Uint8Array<ArrayBuffer>>();
    const realSlice = blob.slice.bind(blob);
    const events: string[] = [];
    blob.slice = (start?: number, end?: number) => {
      events.push(`read ${start ?? 0}`);
      return realSlice(start, end);
    };
    const reader = createChunkReader(blob, 40);
    const chunks: Uint8Array[] = [];
    for (let chunk = await reader.next(); chunk; chunk = await reader.next()) {
      events.push(`got ${chunk.length}`);
      chunks.push(chunk.slice());
    }
    expect(events).toEqual(['read 0', 'read 40', 'got 40', 'read 80', 'got 40', 'got 20']);
    expect(joined(chunks)).toEqual(Buffer.from(bytes));
  });

  it('lets a byte stream write straight into its buffer (BYOB), in whatever sizes it writes', async () => {
    const bytes = new Uint8Array(randomBytes(50));
    const blob = new Blob([bytes]);
    let byobWrites = 0;
    blob.stream = () => {
      let at = 0;
      return new ReadableStream({
        type: 'bytes',
        pull(controller) {
          const request = controller.byobRequest;
          if (!request?.view) throw new Error('expected a BYOB read');
          if (at === bytes.length) {
            controller.close();
            request.respond(0);
            return;
          }
          const length = Math.min(7, bytes.length - at, request.view.byteLength);
          new Uint8Array(request.view.buffer, request.view.byteOffset, length).set(
            bytes.subarray(at, at + length),
          );
          at += length;
          byobWrites++;
          request.respond(length);
        },
      });
    };
    const chunks = await readAll(blob, 21);
    expect(chunks.map((chunk) => chunk.length)).toEqual([21, 21, 8]);
    expect(joined(chunks)).toEqual(Buffer.from(bytes));
    expect(byobWrites).toBe(8);
  });

  it('reads a real Blob to the end in chunks', async () => {
    const bytes = new Uint8Array(randomBytes(10_000));
    const chunks = await readAll(new Blob([bytes]), 3000);
    expect(chunks.map((chunk) => chunk.length)).toEqual([3000, 3000, 3000, 1000]);
    expect(joined(chunks)).toEqual(Buffer.from(bytes));
  });

  it('gives nothing for an empty Blob', async () => {
    expect(await readAll(new Blob([]), 3000)).toEqual([]);
  });

  it.each(['byte stream', 'slices'])(
    'passes a failing read on as the platform reported it (%s)',
    async (path) => {
      const blob = new Blob([new Uint8Array(10)]);
      const gone = new DOMException('gone', 'NotReadableError');
      blob.stream = () =>
        path === 'byte stream'
          ? new ReadableStream({ type: 'bytes', pull: (controller) => controller.error(gone) })
          : new ReadableStream<Uint8Array<ArrayBuffer>>();
      blob.slice = () => {
        const broken = new Blob([]);
        broken.arrayBuffer = () => Promise.reject(gone);
        return broken;
      };
      await expect(createChunkReader(blob, 3).next()).rejects.toBe(gone);
    },
  );

  it('after a byte stream ends, opens the file once more, so a file rewritten while it was read fails instead of going out torn', async () => {
    const bytes = new Uint8Array(randomBytes(30));
    // The stream hands over every byte; reopening the file fails, as Chromium's read of a picked
    // file fails once the file's modification time has moved.
    const blob = byteStreamBlob(bytes, { pieces: [10, 10, 10] });
    const changed = new DOMException('changed on disk', 'NotReadableError');
    blob.slice = () => {
      const reopened = new Blob([]);
      reopened.arrayBuffer = () => Promise.reject(changed);
      return reopened;
    };
    const reader = createChunkReader(blob, 15);
    expect(await reader.next()).toHaveLength(15);
    expect(await reader.next()).toHaveLength(15);
    await expect(reader.next()).rejects.toBe(changed);
  });
});
