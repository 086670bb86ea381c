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

  it('turns a short read (file truncated on disk) into EncodeError WIDGET_READ_FAILED', async () => {
    const truncated = new Blob([new Uint8Array(9000)]);
    const realSlice = truncated.slice.bind(truncated);
    truncated.slice = (start?: number, end?: number) =>
      start === 3000 ? realSlice(start, (end ?? 9000) - 1) : realSlice(start, end);
    const error: unknown = await encodeBlobToBase64Blob(truncated, { chunkSize: 3000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'WIDGET_READ_FAILED' });
  });

  it('asks for the next chunk before it encodes the current one (reads overlap encoding)', async () => {
    const bytes = new Uint8Array(randomBytes(9000));
    const source = new Blob([bytes]);
    const realSlice = source.slice.bind(source);
    const events: string[] = [];
    source.slice = (start?: number, end?: number) => {
      events.push(`read ${start ?? 0}`);
      return realSlice(start, end);
    };
    const out = await encodeBlobToBase64Blob(source, {
      chunkSize: 3000,
      onProgress: (read) => events.push(`encoded ${read}`),
    });
    expect(await out.text()).toBe(reference(bytes));
    expect(events).toEqual([
      'read 0',
      'read 3000',
      'encoded 3000',
      'read 6000',
      'encoded 6000',
      'encoded 9000',
    ]);
  });

  it('reports where the time went, once, with one part per chunk', async () => {
    const stats: unknown[] = [];
    await encodeBlobToBase64Blob(new Blob([new Uint8Array(randomBytes(7000))]), {
      chunkSize: 3000,
      onStats: (value) => stats.push(value),
    });
    expect(stats).toHaveLength(1);
    expect(stats[0]).toMatchObject({ chunks: 3 });
  });

  it('a read still in flight when the encode is aborted does not become an unhandled rejection', async () => {
    const controller = new AbortController();
    const source = new Blob([new Uint8Array(9000)]);
    const realSlice = source.slice.bind(source);
    source.slice = (start?: number, end?: number) => {
      if (start === 0) return realSlice(start, end);
      const broken = new Blob([]);
      broken.arrayBuffer = () => Promise.reject(new DOMException('gone', 'NotReadableError'));
      return broken;
    };
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const promise = encodeBlobToBase64Blob(source, {
        chunkSize: 3000,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      });
      await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
      // Give a rejected in-flight read the turns it needs to be reported, if it were unhandled.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
