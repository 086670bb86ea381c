// The two portal settings a test may lower: the access token's lifetime (about 1 h on a real
// portal, docs/portal-reference.md §7.6) and the largest file im.v2.File.upload stores (100 MB,
// §4; a box portal's lower configured limit is assumed).
import { afterEach, describe, expect, it } from 'vitest';
import { postJson, startTestEmulator, type TestEmulator } from './startTestEmulator.ts';

let t: TestEmulator | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

interface FrameOpen {
  appSid: string;
  fields: { AUTH_ID: string; AUTH_EXPIRES: string };
}

async function openFrame(emu: TestEmulator): Promise<FrameOpen> {
  const open = await postJson(`${emu.emu.url}/_emulator/frame/open`, {
    user: 1,
    placement: 'DEFAULT',
  });
  return open.json as unknown as FrameOpen;
}

const b64 = (bytes: number): string => Buffer.alloc(bytes, 7).toString('base64');

describe('token lifetime (--token-lifetime-s, portal reference §7.6)', () => {
  it('issues frame and refreshAuth tokens that live one hour by default', async () => {
    t = await startTestEmulator();
    const open = await openFrame(t);
    expect(open.fields.AUTH_EXPIRES).toBe('3600');
    const refreshed = await postJson(`${t.emu.url}/_emulator/frame/command`, {
      appSid: open.appSid,
      command: 'refreshAuth',
    });
    expect((refreshed.json.reply as { AUTH_EXPIRES: number }).AUTH_EXPIRES).toBe(3600);
  });

  it('with a 1 s lifetime a frame token is refused with 401 expired_token once it is over; a refreshed one works', async () => {
    t = await startTestEmulator({ tokenLifetimeSeconds: 1 });
    const open = await openFrame(t);
    expect(open.fields.AUTH_EXPIRES).toBe('1');
    const auth = open.fields.AUTH_ID;
    expect((await postJson(`${t.emu.url}/rest/profile`, { auth })).status).toBe(200);
    // Waits for the token's own expiry (a precondition), then shows the refusal.
    await expect
      .poll(async () => (await postJson(`${t!.emu.url}/rest/profile`, { auth })).json.error, {
        timeout: 5000,
        interval: 200,
      })
      .toBe('expired_token');
    const refreshed = await postJson(`${t.emu.url}/_emulator/frame/command`, {
      appSid: open.appSid,
      command: 'refreshAuth',
    });
    const reply = refreshed.json.reply as { AUTH_ID: string; AUTH_EXPIRES: number };
    expect(reply.AUTH_EXPIRES).toBe(1);
    expect((await postJson(`${t.emu.url}/rest/profile`, { auth: reply.AUTH_ID })).status).toBe(200);
  });
});

describe('upload size limit (--max-upload-bytes, portal reference §4)', () => {
  it('stores a file at the lowered limit and refuses one byte more with 400 FILE_TOO_LARGE, nothing stored', async () => {
    t = await startTestEmulator({ maxUploadBytes: 1024 });
    const upload = (bytes: number) =>
      postJson(`${t!.hook}im.v2.File.upload`, {
        dialogId: 'chat5',
        fields: { name: `f${bytes}.bin`, content: b64(bytes) },
      });
    expect((await upload(1024)).status).toBe(200);
    const refused = await upload(1025);
    expect([refused.status, refused.json.error]).toEqual([400, 'FILE_TOO_LARGE']);
    expect(t.emu.uploads().map((u) => u.size)).toEqual([1024]);
  });
});
