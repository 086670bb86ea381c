import type { BitrixTransport } from '../../src/bitrix/index.ts';
import type { WorkerEncoder } from '../../src/encode/index.ts';
import type { PathOutcome } from './uploadPlain.mts';

export interface ChatDropOutcome extends PathOutcome {
  readonly encodeMs: number;
}

/**
 * Chat Drop's path for one file, exactly as the engine runs it: the Worker encoder makes a base64
 * Blob (src/encode), then the transport (src/bitrix createBitrixTransport) sends it through the
 * SDK with the body spliced in by its axios interceptor.
 */
export async function uploadChatDrop(
  encoder: WorkerEncoder,
  transport: BitrixTransport,
  file: File,
  target: {
    dialogId: string;
    requestId: string;
    onProgress?: (sent: number, total: number | undefined) => void;
  },
): Promise<ChatDropOutcome> {
  const controller = new AbortController();
  const encodeStart = performance.now();
  const content = await encoder.encode(file, {
    signal: controller.signal,
    onProgress: () => undefined,
  });
  const encodeMs = performance.now() - encodeStart;
  const outcome = await transport.upload({
    requestId: target.requestId,
    dialogId: target.dialogId,
    name: file.name,
    message: undefined,
    content,
    signal: controller.signal,
    onProgress: target.onProgress ?? (() => undefined),
  });
  if (outcome.ok) {
    return {
      ok: true,
      errorCode: undefined,
      errorStatus: undefined,
      messageId: outcome.receipt.messageId,
      encodeMs,
    };
  }
  return {
    ok: false,
    errorCode: outcome.error.code,
    errorStatus: outcome.error.status,
    messageId: undefined,
    encodeMs,
  };
}
