import { encodeBlobToBase64Blob, type EncodeStats } from './encodeBlobToBase64Blob.ts';
import { EncodeError, type EncodeErrorCode } from './EncodeError.ts';

/** Main thread → Worker. */
export type EncodeWorkerRequest =
  | {
      readonly type: 'encode';
      readonly id: number;
      readonly file: Blob;
      /** Bytes per read; undefined = the encoder's default. */
      readonly chunkSize: number | undefined;
    }
  | { readonly type: 'cancel'; readonly id: number };

/** Worker → main thread. A Blob is posted by reference (structured clone of a Blob copies no bytes). */
export type EncodeWorkerResponse =
  | { readonly type: 'progress'; readonly id: number; readonly bytesRead: number }
  | {
      readonly type: 'done';
      readonly id: number;
      readonly blob: Blob;
      readonly stats: EncodeStats | undefined;
    }
  | { readonly type: 'aborted'; readonly id: number }
  | {
      readonly type: 'failed';
      readonly id: number;
      readonly code: EncodeErrorCode;
      readonly detail: string | undefined;
    };

/**
 * The Worker's message handler, kept free of Worker globals so that it runs (and is tested) in
 * Node too. `post` sends a response back; the returned function handles one request.
 */
export function createEncodeWorkerHost(
  post: (message: EncodeWorkerResponse) => void,
): (request: EncodeWorkerRequest) => void {
  const running = new Map<number, AbortController>();
  return (request) => {
    if (request.type === 'cancel') {
      running.get(request.id)?.abort();
      return;
    }
    const { id, file, chunkSize } = request;
    const controller = new AbortController();
    running.set(id, controller);
    let stats: EncodeStats | undefined;
    encodeBlobToBase64Blob(file, {
      chunkSize,
      signal: controller.signal,
      onProgress: (bytesRead) => post({ type: 'progress', id, bytesRead }),
      onStats: (value) => (stats = value),
    })
      .then(
        (blob) => post({ type: 'done', id, blob, stats }),
        (error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') {
            post({ type: 'aborted', id });
          } else if (error instanceof EncodeError) {
            post({ type: 'failed', id, code: error.code, detail: error.detail });
          } else {
            post({ type: 'failed', id, code: 'WIDGET_ENCODE_FAILED', detail: String(error) });
          }
        },
      )
      .finally(() => running.delete(id));
  };
}
