import type { Encoder } from '../../../src/core/ports.ts';
import { deferred } from './deferred.ts';
import type { Deferred } from './deferred.ts';

export interface EncodeCall {
  readonly file: Blob;
  readonly signal: AbortSignal;
  readonly onProgress: (bytesRead: number) => void;
  readonly result: Deferred<Blob>;
}

/**
 * Base64 encoding, which needs a Worker in the browser. By default (`auto: true`) it reads at
 * once: progress to the full size, then a small base64 Blob. With `auto: false` the test settles
 * `calls[i].result` itself.
 */
export function createFakeEncoder(
  options: { readonly auto?: boolean } = {},
): Encoder & { readonly calls: EncodeCall[] } {
  const calls: EncodeCall[] = [];
  return {
    calls,
    encode(file, { signal, onProgress }) {
      const result = deferred<Blob>();
      calls.push({ file, signal, onProgress, result });
      if (options.auto ?? true) {
        onProgress(file.size);
        result.resolve(new Blob(['QUJD'.repeat(25)]));
      }
      return result.promise;
    },
  };
}
