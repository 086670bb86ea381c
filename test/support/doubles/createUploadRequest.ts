import type { UploadRequest } from '../../../src/core/ports.ts';

/**
 * An upload request as the queue hands it to a transport: `a.txt` to `chat5`, content `QUJD`
 * (base64 of "ABC"), no message, a fresh request id, a signal never aborted, progress ignored.
 * `overrides` replace any field.
 *
 * @example
 * createUploadRequest({ dialogId: '5', content: new Blob(['...']) })
 */
export function createUploadRequest(overrides: Partial<UploadRequest> = {}): UploadRequest {
  return {
    requestId: `req-${Math.random().toString(16).slice(2)}`,
    dialogId: 'chat5',
    name: 'a.txt',
    message: undefined,
    content: new Blob(['QUJD']),
    signal: new AbortController().signal,
    onProgress: () => {},
    ...overrides,
  };
}
