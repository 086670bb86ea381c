/**
 * Bench-only Worker: the encode strategies the shipped encoder is compared with, and the floors
 * of its three steps (bench `encode` case). Not product code: it keeps earlier strategies alive
 * only so the bench can show what each change bought. Protocol: `{ file, variant }` in,
 * `{ ok, outputBytes, error }` out.
 */
import { base64Length } from '../../src/encode/encodeBase64Into.ts';
import type { EncodeVariant } from '../protocol.ts';

interface Request {
  readonly file: Blob;
  readonly variant: Exclude<EncodeVariant, 'shipped' | 'shipped-12MiB'>;
}

interface Scope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Request>) => void): void;
}
const scope = self as unknown as Scope;

type WithToBase64 = Uint8Array & { toBase64(): string };
const CHUNK = 3 * 1024 * 1024;

function requireToBase64(): void {
  if (typeof (Uint8Array.prototype as Partial<WithToBase64>).toBase64 !== 'function') {
    throw new Error('this engine has no Uint8Array.prototype.toBase64');
  }
}

async function run({ file, variant }: Request): Promise<number> {
  switch (variant) {
    case 'read-floor': {
      const reader = file.stream().getReader();
      let bytes = 0;
      for (let piece = await reader.read(); !piece.done; piece = await reader.read()) {
        bytes += piece.value.length;
      }
      return bytes;
    }
    case 'store-floor': {
      const part = new Uint8Array(4 * 1024 * 1024).fill(0x41);
      const parts: Blob[] = [];
      for (let stored = 0; stored < base64Length(file.size); stored += part.length) {
        parts.push(new Blob([part]));
      }
      return new Blob(parts).size;
    }
    case 'native-only': {
      requireToBase64();
      const bytes = new Uint8Array(await file.arrayBuffer()) as WithToBase64;
      return bytes.toBase64().length;
    }
    case 'native-string-3MiB': {
      // The encoder as it was before issue 13: one read, one toBase64, one Blob of the string per chunk.
      requireToBase64();
      const parts: Blob[] = [];
      for (let offset = 0; offset < file.size; offset += CHUNK) {
        const chunk = file.slice(offset, Math.min(file.size, offset + CHUNK));
        const bytes = new Uint8Array(await chunk.arrayBuffer()) as WithToBase64;
        parts.push(new Blob([bytes.toBase64()]));
      }
      return new Blob(parts, { type: 'text/plain' }).size;
    }
  }
}

scope.addEventListener('message', (event) => {
  run(event.data).then(
    (outputBytes) => scope.postMessage({ ok: true, outputBytes, error: undefined }),
    (error: unknown) => scope.postMessage({ ok: false, outputBytes: 0, error: String(error) }),
  );
});
