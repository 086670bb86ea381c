import type { UploadTransport } from '../../src/core/ports.ts';
import { createUploadQueue } from '../../src/core/createUploadQueue.ts';
import type { QueueDrainedEvent } from '../../src/core/UploadEvents.ts';
import type { WorkerEncoder } from '../../src/encode/index.ts';

export interface ManyOutcome {
  readonly delivered: number;
  readonly failed: number;
  readonly errorCodes: readonly string[];
}

/**
 * Many files through Chat Drop's engine (createUploadQueue); `concurrency` undefined = the
 * engine's default.
 */
export function uploadManyChatDrop(
  transport: UploadTransport,
  encoder: WorkerEncoder,
  files: readonly File[],
  dialogId: string,
  concurrency: number | undefined,
): Promise<ManyOutcome> {
  const queue = createUploadQueue({ transport, encoder, concurrency });
  const errorCodes = new Set<string>();
  queue.events.on('upload-failed', ({ error }) => errorCodes.add(error.code));
  queue.events.on('upload-waiting', ({ error }) => errorCodes.add(`${error.code} (waited)`));
  return new Promise<ManyOutcome>((resolve) => {
    queue.events.on('queue-drained', (summary: QueueDrainedEvent) => {
      void queue.dispose();
      resolve({
        delivered: summary.delivered,
        failed: summary.failed,
        errorCodes: [...errorCodes],
      });
    });
    queue.addFiles(files, { dialogId });
  });
}
