import type { BitrixTransport } from '../../src/bitrix/index.ts';
import type { EncodeStats, WorkerEncoder } from '../../src/encode/index.ts';
import type { UploadPhases } from '../protocol.ts';
import type { PathOutcome } from './uploadPlain.mts';

export interface ChatDropOutcome extends PathOutcome {
  readonly encodeMs: number;
  readonly phases: UploadPhases;
}

/** The Resource Timing entry of the upload request (its URL carries the request id). */
function requestTiming(requestId: string): PerformanceResourceTiming | undefined {
  return performance
    .getEntriesByType('resource')
    .filter((entry): entry is PerformanceResourceTiming =>
      entry.name.includes(`bx24_request_id=${encodeURIComponent(requestId)}`),
    )
    .at(-1);
}

/**
 * Chat Drop's path for one file, exactly as the engine runs it: the Worker encoder makes a base64
 * Blob (src/encode), then the transport (src/bitrix createBitrixTransport) sends it through the
 * SDK with the body spliced in by its axios interceptor. Also records where the time went:
 * `takeEncodeStats` returns the Worker's figures for the encode that just finished.
 */
export async function uploadChatDrop(
  encoder: WorkerEncoder,
  transport: BitrixTransport,
  file: File,
  target: {
    dialogId: string;
    requestId: string;
    onProgress?: (sent: number, total: number | undefined) => void;
    takeEncodeStats: () => EncodeStats | undefined;
  },
): Promise<ChatDropOutcome> {
  const controller = new AbortController();
  // The page polls its collector, so older entries would fill the 250-entry buffer.
  performance.clearResourceTimings();
  performance.setResourceTimingBufferSize(1000);
  const encodeStart = performance.now();
  const content = await encoder.encode(file, {
    signal: controller.signal,
    onProgress: () => undefined,
  });
  const encodedAt = performance.now();
  const stats = target.takeEncodeStats();
  let bodySentAt: number | undefined;
  const outcome = await transport.upload({
    requestId: target.requestId,
    dialogId: target.dialogId,
    name: file.name,
    message: undefined,
    content,
    signal: controller.signal,
    onProgress: (sent, total) => {
      if (total !== undefined && sent >= total && bodySentAt === undefined) {
        bodySentAt = performance.now();
      }
      target.onProgress?.(sent, total);
    },
  });
  const timing = requestTiming(target.requestId);
  const since = (at: number | undefined): number | undefined =>
    at === undefined || at === 0 ? undefined : at - encodeStart;
  const phases: UploadPhases = {
    readWaitMs: stats?.readWaitMs,
    base64Ms: stats?.encodeMs,
    storeMs: stats?.storeMs,
    encodedAtMs: encodedAt - encodeStart,
    requestAtMs: since(timing?.startTime),
    bodySentAtMs: since(bodySentAt),
    responseAtMs: since(timing?.responseEnd),
    protocol: timing?.nextHopProtocol || undefined,
  };
  const encodeMs = encodedAt - encodeStart;
  if (outcome.ok) {
    return {
      ok: true,
      errorCode: undefined,
      errorStatus: undefined,
      messageId: outcome.receipt.messageId,
      encodeMs,
      phases,
    };
  }
  return {
    ok: false,
    errorCode: outcome.error.code,
    errorStatus: outcome.error.status,
    messageId: undefined,
    encodeMs,
    phases,
  };
}
