import { createWorkerEncoder } from '../../src/encode/index.ts';
import type { EncodeCommand, EncodeResult } from '../protocol.ts';
import type { PageProbe } from './createPageProbe.mts';

interface VariantReply {
  readonly ok: boolean;
  readonly outputBytes: number;
  readonly error: string | undefined;
}

function runInBenchWorker(file: Blob, variant: EncodeCommand['variant']): Promise<VariantReply> {
  const worker = new Worker(new URL('./encodeVariant.worker.mts', import.meta.url), {
    type: 'module',
  });
  return new Promise<VariantReply>((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<VariantReply>) => resolve(event.data));
    worker.addEventListener('error', (event) =>
      resolve({ ok: false, outputBytes: 0, error: event.message }),
    );
    worker.postMessage({ file, variant });
  }).finally(() => worker.terminate());
}

/**
 * One encode of `file` with one strategy, timed from hand-over to the finished output. Each run
 * gets a fresh Worker (the shipped encoder's pool is created here too), so Worker start-up is in
 * every figure alike, as it is for a user's first file.
 */
export async function runEncode(
  command: EncodeCommand,
  file: File,
  probe: PageProbe,
): Promise<EncodeResult> {
  probe.begin();
  const t0 = performance.now();
  let reply: VariantReply;
  if (command.variant === 'shipped' || command.variant === 'shipped-12MiB') {
    const encoder = createWorkerEncoder(
      command.variant === 'shipped' ? {} : { chunkSize: 12 * 1024 * 1024 },
    );
    try {
      const blob = await encoder.encode(file, {
        signal: new AbortController().signal,
        onProgress: () => undefined,
      });
      reply = { ok: true, outputBytes: blob.size, error: undefined };
    } catch (error) {
      reply = { ok: false, outputBytes: 0, error: String(error) };
    } finally {
      encoder.dispose();
    }
  } else {
    reply = await runInBenchWorker(file, command.variant);
  }
  const totalMs = performance.now() - t0;
  return {
    type: 'encode',
    caseId: command.caseId,
    variant: command.variant,
    size: command.size,
    ok: reply.ok,
    error: reply.error,
    totalMs,
    outputBytes: reply.outputBytes,
    longTasks: probe.end().longTasks,
  };
}
