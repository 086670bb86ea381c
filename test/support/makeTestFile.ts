import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';

/** A file of random bytes written to a temporary directory. */
export interface TestFile {
  readonly path: string;
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

const CHUNK = 1024 * 1024;

/**
 * Writes `size` random bytes to `<new temp dir>/<name>` in 1 MiB chunks and hashes them on the
 * way, so a 100 MiB test file never sits in the test process's memory. `name` must be a valid
 * file name on this file system (no `/`); tests of odd names use in-memory payloads instead.
 */
export async function makeTestFile(name: string, size: number): Promise<TestFile> {
  const dir = await mkdtemp(join(tmpdir(), 'chat-drop-file-'));
  const path = join(dir, name);
  const out = createWriteStream(path);
  const hash = createHash('sha256');
  let left = size;
  while (left > 0) {
    const chunk = randomBytes(Math.min(CHUNK, left));
    hash.update(chunk);
    left -= chunk.byteLength;
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  out.end();
  await finished(out);
  return { path, name, size, sha256: hash.digest('hex') };
}
