import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EncodeError } from '../../../src/encode/EncodeError.ts';
import { encodeBlobToBase64Blob } from '../../../src/encode/encodeBlobToBase64Blob.ts';
import { byteStreamBlob } from '../../support/byteStreamBlob.ts';

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

  it('keeps 3-byte groups whole across pieces of any size the stream hands over', async () => {
    const bytes = new Uint8Array(randomBytes(100));
    const pieces = [1, 1, 2, 5, 7, 3, 4, 0, 11, 2, 64];
    const out = await encodeBlobToBase64Blob(byteStreamBlob(bytes, { pieces }), {
      chunkSize: 9,
    });
    expect(await out.text()).toBe(reference(bytes));
  });

  it('turns an unreadable file into EncodeError WIDGET_READ_FAILED', async () => {
    // What Chromium does for a File deleted after it was picked: the read fails.
    const unreadable = byteStreamBlob(new Uint8Array(10), {
      pieces: [4],
      end: new DOMException('gone', 'NotReadableError'),
    });
    const error: unknown = await encodeBlobToBase64Blob(unreadable).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EncodeError);
    expect(error).toMatchObject({ code: 'WIDGET_READ_FAILED' });
  });

  it.each([
    ['truncated', [3000, 2999]],
    ['grown', [3000, 3000, 3001]],
  ])(
    'turns a file %s on disk after it was picked into EncodeError WIDGET_READ_FAILED',
    async (_, pieces) => {
      const bytes = new Uint8Array(randomBytes(9001));
      const changed = byteStreamBlob(bytes, { pieces });
      Object.defineProperty(changed, 'size', { value: 6000 });
      const error: unknown = await encodeBlobToBase64Blob(changed, { chunkSize: 3000 }).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'WIDGET_READ_FAILED' });
    },
  );

  it('reports where the time went, once, with one part per chunk', async () => {
    const stats: unknown[] = [];
    await encodeBlobToBase64Blob(new Blob([new Uint8Array(randomBytes(7000))]), {
      chunkSize: 3000,
      onStats: (value) => stats.push(value),
    });
    expect(stats).toHaveLength(1);
    expect(stats[0]).toMatchObject({ chunks: 3 });
  });

  /** A 30,000-byte Blob streamed in 3000-byte pieces, failing after the first if `afterFirst` says so. */
  function watchedBlob(afterFirst: 'serve' | 'error'): { blob: Blob; cancelled: () => boolean } {
    let cancelled = false;
    const blob = byteStreamBlob(new Uint8Array(30_000), {
      pieces: afterFirst === 'serve' ? Array<number>(10).fill(3000) : [3000],
      end: new DOMException('gone', 'NotReadableError'),
      onCancel: () => (cancelled = true),
    });
    return { blob, cancelled: () => cancelled };
  }

  it('an abort cancels the file stream, so the browser stops reading it', async () => {
    const controller = new AbortController();
    const { blob, cancelled } = watchedBlob('serve');
    const promise = encodeBlobToBase64Blob(blob, {
      chunkSize: 3000,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(cancelled()).toBe(true);
  });

  it('a stream that fails after an abort does not become an unhandled rejection', async () => {
    const controller = new AbortController();
    const { blob } = watchedBlob('error');
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const promise = encodeBlobToBase64Blob(blob, {
        chunkSize: 3000,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      });
      await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
      // Give a rejected cancel the turns it needs to be reported, if it were unhandled.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
