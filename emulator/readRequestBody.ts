import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type RequestBody =
  | { kind: 'memory'; buffer: Buffer }
  | { kind: 'file'; path: string; size: number }
  | { kind: 'too-large' }
  | { kind: 'aborted' };

/** Bodies above this size go to a temp file instead of memory. */
const MEMORY_LIMIT = 1 << 20;

/**
 * Reads a request body while counting: small bodies stay in memory, large ones stream to a temp
 * file in `tmpDir` (pushed to `temps` for cleanup), and anything over `maxBytes` is refused as
 * soon as the count passes the limit, without ever holding the body (portal reference §4.3).
 */
export async function readRequestBody(
  req: IncomingMessage,
  maxBytes: number,
  tmpDir: string,
  temps: string[],
): Promise<RequestBody> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return { kind: 'too-large' };
  let chunks: Buffer[] = [];
  let total = 0;
  let file: WriteStream | null = null;
  let path = '';
  const outcome = await new Promise<'ok' | 'too-large' | 'aborted'>((resolve) => {
    const finish = (value: 'ok' | 'too-large' | 'aborted'): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('aborted', onAbort);
      resolve(value);
    };
    const onData = (chunk: Buffer): void => {
      total += chunk.length;
      if (total > maxBytes) {
        // Stop reading; the caller answers 413 and closes the connection.
        req.pause();
        finish('too-large');
        return;
      }
      if (file) {
        if (!file.write(chunk)) {
          req.pause();
          file.once('drain', () => req.resume());
        }
        return;
      }
      chunks.push(chunk);
      if (total > MEMORY_LIMIT) {
        path = join(tmpDir, `body-${randomBytes(8).toString('hex')}`);
        temps.push(path);
        file = createWriteStream(path);
        for (const pending of chunks) file.write(pending);
        chunks = [];
      }
    };
    const onEnd = (): void => finish('ok');
    const onAbort = (): void => finish('aborted');
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('aborted', onAbort);
  });
  const writer = file as WriteStream | null;
  if (writer) {
    writer.end();
    await once(writer, 'close');
  }
  if (outcome === 'too-large') return { kind: 'too-large' };
  if (outcome === 'aborted') return { kind: 'aborted' };
  return writer
    ? { kind: 'file', path, size: total }
    : { kind: 'memory', buffer: Buffer.concat(chunks) };
}
