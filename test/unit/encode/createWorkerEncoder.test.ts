import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createEncodeWorkerHost,
  type EncodeWorkerRequest,
  type EncodeWorkerResponse,
} from '../../../src/encode/createEncodeWorkerHost.ts';
import {
  createWorkerEncoder,
  type EncodeWorkerLike,
} from '../../../src/encode/createWorkerEncoder.ts';
import { EncodeError } from '../../../src/encode/EncodeError.ts';

/**
 * Node 20 has no Web Worker, so this stand-in runs the real Worker host (the code inside
 * base64.worker.ts) in-process, with the message hop made asynchronous like a real Worker's.
 */
class InProcessWorker implements EncodeWorkerLike {
  private readonly events = new EventTarget();
  static created = 0;
  terminated = false;
  readonly received: EncodeWorkerRequest[] = [];
  private readonly host = createEncodeWorkerHost((message: EncodeWorkerResponse) => {
    if (this.terminated) return;
    setTimeout(() => {
      if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: message }));
    }, 0);
  });
  constructor() {
    InProcessWorker.created++;
  }
  dispatchEvent(event: Event): void {
    this.events.dispatchEvent(event);
  }
  postMessage(message: EncodeWorkerRequest): void {
    this.received.push(message);
    setTimeout(() => {
      if (!this.terminated) this.host(message);
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: string, listener: (event: never) => void): void {
    this.events.addEventListener(type, listener as EventListener);
  }
}

function reference(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

describe('createWorkerEncoder', () => {
  it('returns the base64 of the file as a Blob, with read progress', async () => {
    const encoder = createWorkerEncoder({
      chunkSize: 3000,
      createWorker: () => new InProcessWorker(),
    });
    const bytes = new Uint8Array(randomBytes(10_001));
    const reads: number[] = [];
    const blob = await encoder.encode(new Blob([bytes]), {
      signal: new AbortController().signal,
      onProgress: (read) => reads.push(read),
    });
    expect(await blob.text()).toBe(reference(bytes));
    expect(reads.at(-1)).toBe(10_001);
    encoder.dispose();
  });

  it('passes the encode figures from the Worker to onStats once per file', async () => {
    const stats: unknown[] = [];
    const encoder = createWorkerEncoder({
      chunkSize: 3000,
      createWorker: () => new InProcessWorker(),
      onStats: (value) => stats.push(value),
    });
    await encoder.encode(new Blob([new Uint8Array(randomBytes(7000))]), {
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    expect(stats).toHaveLength(1);
    expect(stats[0]).toMatchObject({ chunks: 3 });
    encoder.dispose();
  });

  it('encodes a 0-byte file to an empty Blob', async () => {
    const encoder = createWorkerEncoder({ createWorker: () => new InProcessWorker() });
    const blob = await encoder.encode(new Blob([]), {
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    expect(blob.size).toBe(0);
  });

  it('reuses one Worker for files encoded one after another', async () => {
    const workers: InProcessWorker[] = [];
    const encoder = createWorkerEncoder({
      maxWorkers: 2,
      createWorker: () => {
        const worker = new InProcessWorker();
        workers.push(worker);
        return worker;
      },
    });
    for (let i = 0; i < 3; i++) {
      await encoder.encode(new Blob([new Uint8Array(10)]), {
        signal: new AbortController().signal,
        onProgress: () => {},
      });
    }
    expect(workers).toHaveLength(1);
  });

  it('runs no more Workers than maxWorkers and queues the rest', async () => {
    const workers: InProcessWorker[] = [];
    const encoder = createWorkerEncoder({
      maxWorkers: 2,
      createWorker: () => {
        const worker = new InProcessWorker();
        workers.push(worker);
        return worker;
      },
    });
    const files = [1, 2, 3, 4, 5].map((n) => new Uint8Array(randomBytes(n * 1000)));
    const results = await Promise.all(
      files.map((bytes) =>
        encoder.encode(new Blob([bytes]), {
          signal: new AbortController().signal,
          onProgress: () => {},
        }),
      ),
    );
    expect(workers.length).toBe(2);
    for (const [i, blob] of results.entries()) expect(await blob.text()).toBe(reference(files[i]!));
  });

  it('aborting terminates the Worker and rejects with an AbortError', async () => {
    const workers: InProcessWorker[] = [];
    const encoder = createWorkerEncoder({
      chunkSize: 3,
      createWorker: () => {
        const worker = new InProcessWorker();
        workers.push(worker);
        return worker;
      },
    });
    const controller = new AbortController();
    const promise = encoder.encode(new Blob([new Uint8Array(3000)]), {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0]?.terminated).toBe(true);
    // The pool recovers: the next file gets a fresh Worker.
    const next = await encoder.encode(new Blob([new Uint8Array([1, 2, 3])]), {
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    expect(await next.text()).toBe('AQID');
    expect(workers).toHaveLength(2);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const encoder = createWorkerEncoder({ createWorker: () => new InProcessWorker() });
    const controller = new AbortController();
    controller.abort();
    await expect(
      encoder.encode(new Blob([]), { signal: controller.signal, onProgress: () => {} }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('maps an unreadable file to EncodeError WIDGET_READ_FAILED', async () => {
    const encoder = createWorkerEncoder({ createWorker: () => new InProcessWorker() });
    const unreadable = new Blob([new Uint8Array(10)]);
    unreadable.slice = () => {
      const broken = new Blob([]);
      broken.arrayBuffer = () => Promise.reject(new DOMException('gone', 'NotReadableError'));
      return broken;
    };
    const error: unknown = await encoder
      .encode(unreadable, { signal: new AbortController().signal, onProgress: () => {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EncodeError);
    expect(error).toMatchObject({ code: 'WIDGET_READ_FAILED' });
  });

  it('falls back to the calling thread for good when a Worker fails to load (error before any message)', async () => {
    // A blocked or missing worker script: the constructor succeeds, the load failure arrives as
    // an asynchronous `error` event before the Worker ever answers.
    let created = 0;
    const encoder = createWorkerEncoder({
      createWorker: () => {
        created++;
        const worker = new InProcessWorker();
        worker.postMessage = () => {};
        setTimeout(() => worker.dispatchEvent(new Event('error')), 0);
        return worker;
      },
    });
    const files = [1, 2, 3].map((n) => new Uint8Array(randomBytes(n * 1000)));
    const first = await encoder.encode(new Blob([files[0]!]), {
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    expect(await first.text()).toBe(reference(files[0]!));
    const rest = await Promise.all(
      files.slice(1).map((bytes) =>
        encoder.encode(new Blob([bytes]), {
          signal: new AbortController().signal,
          onProgress: () => {},
        }),
      ),
    );
    for (const [i, blob] of rest.entries())
      expect(await blob.text()).toBe(reference(files[i + 1]!));
    expect(created).toBe(1);
  });

  it('fails the file with EncodeError WIDGET_ENCODE_FAILED when a running Worker crashes', async () => {
    const encoder = createWorkerEncoder({
      chunkSize: 3,
      createWorker: () => {
        const worker = new InProcessWorker();
        let crashed = false;
        worker.addEventListener('message', () => {
          // The Worker loaded and reported progress; then it dies (e.g. out of memory).
          if (crashed) return;
          crashed = true;
          worker.terminate();
          setTimeout(() => worker.dispatchEvent(new Event('error')), 0);
        });
        return worker;
      },
    });
    const error: unknown = await encoder
      .encode(new Blob([new Uint8Array(3000)]), {
        signal: new AbortController().signal,
        onProgress: () => {},
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EncodeError);
    expect(error).toMatchObject({ code: 'WIDGET_ENCODE_FAILED' });
  });

  it('encodes on the calling thread when no Worker can be constructed', async () => {
    const encoder = createWorkerEncoder({
      createWorker: () => {
        throw new Error('blocked by CSP');
      },
    });
    const bytes = new Uint8Array(randomBytes(5000));
    const blob = await encoder.encode(new Blob([bytes]), {
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    expect(await blob.text()).toBe(reference(bytes));
  });
});
