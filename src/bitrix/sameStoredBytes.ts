import type { TypeB24 } from '@bitrix24/b24jssdk';

/** Local bytes compared per step. */
const BLOCK = 1024 * 1024;

/**
 * Whether the file the portal stored as `fileId` in `dialogId` holds exactly the bytes of `file`.
 * Asks `im.v2.File.download` for a download URL (a tokenized URL that needs no session cookie, so
 * it works from the app's cross-origin frame), streams it and compares it with the local file
 * block by block: exact, constant memory, and it stops at the first difference — cheaper than
 * hashing both sides (a SHA-256 of a 100 MB file would need it whole in memory for WebCrypto).
 *
 * @throws when the download cannot be read (then nothing is proven either way), an AbortError
 *   when `signal` fires.
 */
export async function sameStoredBytes(
  b24: TypeB24,
  rest: (method: string, params: Record<string, unknown>) => Promise<unknown>,
  target: { dialogId: string; fileId: number; size: number },
  file: Blob,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  if (target.size !== file.size) return false;
  const result = (await rest('im.v2.File.download', {
    dialogId: target.dialogId,
    fileId: target.fileId,
  })) as { downloadUrl?: unknown } | undefined;
  const url = result?.downloadUrl;
  if (typeof url !== 'string' || url === '')
    throw new Error('[chat-drop] im.v2.File.download without downloadUrl');
  const init: RequestInit = { credentials: 'omit' };
  if (signal) init.signal = signal;
  const response = await fetch(new URL(url, b24.getTargetOrigin()), init);
  if (!response.ok || !response.body)
    throw new Error(`[chat-drop] download: HTTP ${response.status}`);
  const reader = response.body.getReader();
  let offset = 0;
  let local = new Uint8Array(0);
  let localStart = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return offset === file.size;
      let at = 0;
      while (at < value.length) {
        if (offset >= file.size) return false;
        if (offset >= localStart + local.length) {
          localStart = offset;
          local = new Uint8Array(await file.slice(offset, offset + BLOCK).arrayBuffer());
        }
        const n = Math.min(value.length - at, localStart + local.length - offset);
        const from = offset - localStart;
        for (let i = 0; i < n; i++) if (value[at + i] !== local[from + i]) return false;
        at += n;
        offset += n;
      }
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}
