/** getRandomValues fills at most 65,536 bytes per call (Web Crypto spec, QuotaExceededError). */
const RANDOM_CHUNK = 65_536;
const PART = 1024 * 1024;

/**
 * A File of `size` random bytes made in the page (incompressible, like real media), built from
 * 1 MiB parts so the page never holds more than one extra MiB beyond what the Blob copies.
 */
export function generateFile(size: number, name: string): File {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let offset = 0; offset < size; offset += PART) {
    const part = new Uint8Array(Math.min(PART, size - offset));
    for (let at = 0; at < part.length; at += RANDOM_CHUNK) {
      crypto.getRandomValues(part.subarray(at, Math.min(at + RANDOM_CHUNK, part.length)));
    }
    parts.push(part);
  }
  return new File(parts, name, { type: 'application/octet-stream', lastModified: Date.now() });
}
