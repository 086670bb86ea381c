import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestEmulator } from './startTestEmulator.ts';
import type { TestEmulator } from './startTestEmulator.ts';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.stop();
});

/**
 * Sends one raw HTTP/1.1 upload over a fresh socket and returns every byte the server wrote
 * before closing, as a browser's network stack would see it.
 */
function rawUpload(requestId: string, name: string): Promise<string> {
  const url = new URL(`${t.hook}im.v2.File.upload?bx24_request_id=${requestId}`);
  const body = JSON.stringify({ dialogId: 'chat5', fields: { name, content: 'YWJj' } });
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    const parts: Buffer[] = [];
    socket.on('data', (part: Buffer) => {
      parts.push(part);
      const raw = Buffer.concat(parts).toString('latin1');
      // A complete response on a kept-alive connection: done (the server keeps the socket).
      if (raw.includes('\r\n\r\n') && !isPartialResponse(raw)) {
        socket.destroy();
        resolve(raw);
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET') resolve(Buffer.concat(parts).toString('latin1'));
      else reject(error);
    });
    socket.on('close', () => resolve(Buffer.concat(parts).toString('latin1')));
    socket.write(
      `POST ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: keep-alive\r\n\r\n${body}`,
    );
  });
}

/** True when the bytes are a status line and headers but a body shorter than announced. */
function isPartialResponse(raw: string): boolean {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const length = Number(/content-length: (\d+)/i.exec(head)?.[1]);
  return raw.startsWith('HTTP/1.1 ') && body.length < length;
}

const uploadsNamed = (name: string): number =>
  t.emu.uploads().filter((u) => u.name === name).length;

describe('drop faults: every request that reaches the portal is executed (no de-duplication)', () => {
  it('close-mid-answer stores, then ends after part of the answer; the same request sent again is stored again', async () => {
    t.emu.setScenario('close-mid-answer', { count: 1 });
    const first = await rawUpload('cm-1', 'cm.txt');
    expect(isPartialResponse(first)).toBe(true);
    expect(uploadsNamed('cm.txt')).toBe(1);
    // A re-send with the same bx24_request_id is a new request for the portal.
    expect(await rawUpload('cm-1', 'cm.txt')).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(t.emu.uploads().filter((u) => u.requestId === 'cm-1')).toHaveLength(2);
  });

  it('response-drop is the old name of close-mid-answer', async () => {
    t.emu.setScenario('response-drop', { count: 1 });
    const before = t.emu.uploads().length;
    expect(isPartialResponse(await rawUpload('rd-1', 'rd.txt'))).toBe(true);
    expect(t.emu.uploads()).toHaveLength(before + 1);
  });

  it('close-before-answer stores, then closes with zero response bytes; a re-send is stored too', async () => {
    t.emu.setScenario('close-before-answer', { count: 1 });
    expect(await rawUpload('cb-1', 'cb.txt')).toBe('');
    expect(uploadsNamed('cb.txt')).toBe(1);
    expect(await rawUpload('cb-1', 'cb.txt')).toMatch(/^HTTP\/1\.1 200 OK/);
    // Disk made the second copy's name unique in the chat folder.
    expect(
      t.emu
        .uploads()
        .filter((u) => u.requestId === 'cb-1')
        .map((u) => u.name),
    ).toEqual(['cb.txt', 'cb (1).txt']);
  });

  it('connection-drop stores nothing; a re-send with the same request id meets no fault once the count is used', async () => {
    t.emu.setScenario('connection-drop', { count: 1 });
    expect(isPartialResponse(await rawUpload('cd-1', 'cd.txt'))).toBe(true);
    expect(uploadsNamed('cd.txt')).toBe(0);
    expect(await rawUpload('cd-1', 'cd.txt')).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(uploadsNamed('cd.txt')).toBe(1);
  });

  it('an upload fault consumes its count per request, whatever the request id', async () => {
    t.emu.setScenario('upload-failed', { count: 1 });
    const url = `${t.hook}im.v2.File.upload?bx24_request_id=uf-1`;
    const body = { dialogId: 'chat5', fields: { name: 'uf.txt', content: 'YWJj' } };
    expect((await postJson(url, body)).json.error).toBe('UPLOAD_FAILED');
    expect((await postJson(url, body)).status).toBe(200);
  });
});

describe('scenarios apply to REST calls only', () => {
  it('the messenger page polling /_emulator/ui/messages does not fire or consume no-access', async () => {
    t.emu.setScenario('no-access', { count: 1 });
    for (let i = 0; i < 3; i += 1) {
      const res = await fetch(`${t.emu.url}/_emulator/ui/messages?user=1&dialogId=chat5`);
      expect(res.status).toBe(200);
    }
    const res = await postJson(`${t.hook}im.dialog.get`, { DIALOG_ID: 'chat5' });
    expect([res.status, res.json.error]).toEqual([403, 'ACCESS_ERROR']);
    expect((await postJson(`${t.hook}im.dialog.get`, { DIALOG_ID: 'chat5' })).status).toBe(200);
  });
});

describe('portal-wide scenarios', () => {
  it('rate-limit-storm answers 503 QUERY_LIMIT_EXCEEDED with CORS for `count` calls', async () => {
    t.emu.setScenario('rate-limit-storm', { count: 2 });
    for (let i = 0; i < 2; i += 1) {
      const res = await postJson(`${t.hook}profile`, {});
      expect([res.status, res.json.error]).toEqual([503, 'QUERY_LIMIT_EXCEEDED']);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    }
    expect((await postJson(`${t.hook}profile`, {})).status).toBe(200);
  });

  it('slow delays the response by delayMs', async () => {
    t.emu.setScenario('slow', { delayMs: 300, count: 1 });
    const started = Date.now();
    const res = await postJson(`${t.hook}im.v2.File.upload`, {
      dialogId: 'chat5',
      fields: { name: 's.txt', content: 'YWJj' },
    });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('token-expiry expires issued tokens; a frame refresh yields a working token', async () => {
    const token = await t.token();
    const open = (
      await postJson(`${t.emu.url}/_emulator/frame/open`, { user: 1, placement: 'DEFAULT' })
    ).json;
    const sid = String(open.appSid);
    t.emu.setScenario('token-expiry');
    const expired = await postJson(`${t.emu.url}/rest/profile`, { auth: token });
    expect([expired.status, expired.json.error]).toEqual([401, 'expired_token']);
    const refreshed = await postJson(`${t.emu.url}/_emulator/frame/command`, {
      appSid: sid,
      command: 'refreshAuth',
    });
    const fresh = (refreshed.json.reply as { AUTH_ID: string }).AUTH_ID;
    // A number after a refresh (§7.6).
    expect((refreshed.json.reply as { AUTH_EXPIRES: number }).AUTH_EXPIRES).toBe(3600);
    expect(fresh).toMatch(/^[0-9a-f]{70}$/);
    expect((await postJson(`${t.emu.url}/rest/profile`, { auth: fresh })).status).toBe(200);
    t.emu.setScenario('refresh-fails');
    const failed = await postJson(`${t.emu.url}/_emulator/frame/command`, {
      appSid: sid,
      command: 'refreshAuth',
    });
    // No reply to the frame; the portal page shows an alert (§7.6).
    expect(failed.json).toMatchObject({ noReply: true, alert: expect.any(String) });
    expect(failed.json.reply).toBeUndefined();
    t.emu.clearScenario();
  });

  it('is switchable over HTTP: POST, GET, DELETE /_emulator/scenario', async () => {
    const base = `${t.emu.url}/_emulator/scenario`;
    const set = await postJson(base, { name: 'upload-500', count: 2 });
    expect(set.json.scenario).toMatchObject({ name: 'upload-500', remaining: 2 });
    const got = (await (await fetch(base)).json()) as { scenario: { name: string } | null };
    expect(got.scenario?.name).toBe('upload-500');
    await fetch(base, { method: 'DELETE' });
    expect(((await (await fetch(base)).json()) as { scenario: unknown }).scenario).toBeNull();
    expect((await postJson(base, { name: 'nope' })).status).toBe(400);
  });
});
