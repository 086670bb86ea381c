import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Hex sha256 of bytes in memory. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Hex sha256 of a file, streamed (100 MiB files are never held in memory). */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Downloads `url` and returns the hex sha256 and byte count of the body, streamed. */
export async function sha256OfDownload(
  url: string,
): Promise<{ sha256: string; size: number; status: number }> {
  const response = await fetch(url);
  const hash = createHash('sha256');
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      size += chunk.byteLength;
    }
  }
  return { sha256: hash.digest('hex'), size, status: response.status };
}
