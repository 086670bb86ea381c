import { connect } from 'node:http2';
import type { ClientHttp2Session } from 'node:http2';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, WEBHOOK_SECRET } from './startTestEmulator.ts';
import type { TestEmulator } from './startTestEmulator.ts';

let t: TestEmulator;
let session: ClientHttp2Session;
beforeAll(async () => {
  t = await startTestEmulator({ https: true, http2: true });
  session = connect(t.emu.url, { ca: t.emu.certificate });
});
afterAll(async () => {
  session.close();
  await t.stop();
});

const body = (name: string): string =>
  JSON.stringify({ dialogId: 'chat5', fields: { name, content: 'aDI=' } });

/** One HTTP/2 POST; resolves with the status and text, or with the stream's error code. */
function h2Post(
  path: string,
  text: string,
): Promise<{ status: number; text: string } | { reset: number }> {
  return new Promise((resolve) => {
    const stream = session.request({
      ':method': 'POST',
      ':path': path,
      'content-type': 'application/json',
    });
    let status = 0;
    const parts: Buffer[] = [];
    stream.on('response', (headers) => (status = Number(headers[':status'])));
    stream.on('data', (part: Buffer) => parts.push(part));
    stream.on('error', () => undefined);
    stream.on('close', () => {
      if (stream.rstCode !== 0) resolve({ reset: stream.rstCode });
      else resolve({ status, text: Buffer.concat(parts).toString() });
    });
    stream.end(text);
  });
}

describe('--https --http2: HTTP/2 over TLS with HTTP/1.1 fallback', () => {
  const path = `/rest/1/${WEBHOOK_SECRET}/im.v2.File.upload`;

  it('answers an HTTP/2 upload', async () => {
    const res = await h2Post(path, body('h2.txt'));
    expect(res).toMatchObject({ status: 200 });
    expect(JSON.parse((res as { text: string }).text).result.file.name).toBe('h2.txt');
  });

  it('answers the same portal over HTTP/1.1 (ALPN fallback)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${t.emu.url}${path}`,
        { method: 'POST', ca: t.emu.certificate, headers: { 'Content-Type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(body('h1.txt'));
    });
    expect(status).toBe(200);
  });

  it('close-before-answer resets the stream after storing; the connection serves the next request', async () => {
    t.emu.setScenario('close-before-answer', { count: 1 });
    const dropped = await h2Post(path, body('h2-drop.txt'));
    expect(dropped).toHaveProperty('reset');
    expect(t.emu.uploads().filter((u) => u.name === 'h2-drop.txt')).toHaveLength(1);
    expect(await h2Post(path, body('h2-after.txt'))).toMatchObject({ status: 200 });
  });
});
