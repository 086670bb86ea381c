import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EncodeError } from '../../../src/encode/EncodeError.ts';
import { encodeBlobToBase64Blob } from '../../../src/encode/encodeBlobToBase64Blob.ts';

const MiB = 1024 * 1024;

function reference(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

describe('encodeBlobToBase64Blob', () => {
  it.each([0, 1, 2, 3, MiB - 1, MiB, MiB + 1])(
    'produces the base64 of a %i-byte blob',
    async (size) => {
      const bytes = new Uint8Array(randomBytes(size));
      const out = await encodeBlobToBase64Blob(new Blob([bytes]), { chunkSize: 64 * 1024 * 3 });
      expect(await out.text()).toBe(reference(bytes));
    },
  );

  it('returns an empty Blob for 0-byte input', async () => {
    const out = await encodeBlobToBase64Blob(new Blob([]));
    expect(out.size).toBe(0);
  });

  it.each([3, 6, 9, 12, 3 * 1000])(
    'joins chunk outputs without inner padding at chunk size %i, around every boundary',
    async (chunkSize) => {
      for (const size of [
        chunkSize - 1,
        chunkSize,
        chunkSize + 1,
        2 * chunkSize + 2,
        3 * chunkSize,
      ]) {
        const bytes = new Uint8Array(randomBytes(size));
        const out = await encodeBlobToBase64Blob(new Blob([bytes]), { chunkSize });
        expect(await out.text()).toBe(reference(bytes));
      }
    },
  );

  it('rounds a chunk size that is not a multiple of 3 down to one', async () => {
    const bytes = new Uint8Array(randomBytes(1000));
    const reads: number[] = [];
    const out = await encodeBlobToBase64Blob(new Blob([bytes]), {
      chunkSize: 100,
      onProgress: (read) => reads.push(read),
    });
    expect(await out.text()).toBe(reference(bytes));
    expect(reads[0]).toBe(99);
    expect(reads.at(-1)).toBe(1000);
  });

  it('reports monotonically growing progress ending at the file size', async () => {
    const bytes = new Uint8Array(randomBytes(10_000));
    const reads: number[] = [];
    await encodeBlobToBase64Blob(new Blob([bytes]), {
      chunkSize: 3000,
      onProgress: (read) => reads.push(read),
    });
    expect(reads).toEqual([3000, 6000, 9000, 10_000]);
  });

  it('stops with an AbortError when the signal aborts between chunks', async () => {
    const controller = new AbortController();
    const bytes = new Uint8Array(randomBytes(30_000));
    const reads: number[] = [];
    const promise = encodeBlobToBase64Blob(new Blob([bytes]), {
      chunkSize: 3000,
      signal: controller.signal,
      onProgress: (read) => {
        reads.push(read);
        if (read >= 6000) controller.abort();
      },
    });
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(reads.at(-1)).toBe(6000);
  });

  it('turns an unreadable file into EncodeError WIDGET_READ_FAILED', async () => {
    const unreadable = new Blob([new Uint8Array(10)]);
    // What Chromium does for a File deleted after it was picked: arrayBuffer() rejects.
    unreadable.slice = () => {
      const broken = new Blob([]);
      broken.arrayBuffer = () => Promise.reject(new DOMException('gone', 'NotReadableError'));
      return broken;
    };
    const error: unknown = await encodeBlobToBase64Blob(unreadable).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EncodeError);
    expect(error).toMatchObject({ code: 'WIDGET_READ_FAILED' });
  });
});
