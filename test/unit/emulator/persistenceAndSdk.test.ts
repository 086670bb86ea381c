import { globalAgent } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { B24Hook } from '@bitrix24/b24jssdk';
import { afterAll, describe, expect, it } from 'vitest';
import { postJson, startTestEmulator, WEBHOOK_SECRET } from './startTestEmulator.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'emu-persist-'));
  dirs.push(dir);
  return dir;
};

describe('state lives in the data dir', () => {
  it('keeps messages, files, placements and options across a restart; reset goes back to the seed', async () => {
    const dataDir = tempDir();
    const first = await startTestEmulator({ dataDir });
    const up = await postJson(`${first.hook}im.v2.File.upload`, {
      dialogId: 'chat5',
      fields: { name: 'keep.bin', content: Buffer.from('persisted bytes').toString('base64') },
    });
    const url = (up.json.result as { file: { urlDownload: string } }).file.urlDownload;
    const token = await first.token();
    await postJson(`${first.emu.url}/rest/app.option.set`, {
      auth: token,
      options: { kept: 'yes' },
    });
    await first.stop();

    const second = await startTestEmulator({ dataDir });
    try {
      expect(second.emu.uploads().map((u) => u.name)).toEqual(['keep.bin']);
      expect(second.emu.messages(5).at(-1)?.files[0]?.name).toBe('keep.bin');
      const path = new URL(url);
      const bytes = await (await fetch(`${second.emu.url}${path.pathname}${path.search}`)).text();
      expect(bytes).toBe('persisted bytes');
      const fresh = await second.token();
      const option = await postJson(`${second.emu.url}/rest/app.option.get`, {
        auth: fresh,
        option: 'kept',
      });
      expect(option.json.result).toBe('yes');
      // A token minted before the restart is still valid (its expiry persisted).
      expect((await postJson(`${second.emu.url}/rest/profile`, { auth: token })).status).toBe(200);

      await fetch(`${second.emu.url}/_emulator/reset`, { method: 'POST' });
      expect(second.emu.uploads()).toEqual([]);
      expect(second.emu.messages(5).some((m) => m.files.length > 0)).toBe(false);
    } finally {
      await second.stop();
    }
  });
});

describe('the SDK B24Hook over https', () => {
  it(
    'calls im.v2.File.upload through a webhook URL with the generated certificate',
    { timeout: 20_000 },
    async () => {
      const t = await startTestEmulator({ https: true });
      // Trust exactly the emulator's self-signed certificate, only in this test.
      const previousCa = globalAgent.options.ca;
      globalAgent.options.ca = t.emu.certificate;
      try {
        expect(t.emu.url).toMatch(/^https:\/\/localhost:\d+$/);
        const hook = B24Hook.fromWebhookUrl(`${t.emu.url}/rest/1/${WEBHOOK_SECRET}/`);
        const response = await hook.actions.v2.call.make({
          method: 'im.v2.File.upload',
          params: {
            dialogId: 'chat5',
            fields: { name: 'sdk.txt', content: Buffer.from('from sdk').toString('base64') },
          },
          requestId: 'sdk-request-1',
        });
        expect(response.isSuccess).toBe(true);
        const result = response.getData()?.result as { file: { name: string; size: number } };
        expect(result.file).toMatchObject({ name: 'sdk.txt', size: 8 });
        expect(t.emu.uploads().at(-1)).toMatchObject({
          requestId: 'sdk-request-1',
          name: 'sdk.txt',
        });
      } finally {
        globalAgent.options.ca = previousCa;
        await t.stop();
      }
    },
  );
});

describe('a data dir reused with another app URL', () => {
  it('moves the seeded placements to the new app URL', async () => {
    const dataDir = tempDir();
    await (await startTestEmulator({ dataDir })).stop();
    const moved = await startTestEmulator({ dataDir, appUrl: 'http://127.0.0.1:4173/' });
    try {
      const res = await postJson(`${moved.emu.url}/_emulator/frame/open`, {
        user: 1,
        placement: 'IM_SIDEBAR',
      });
      expect(String(res.json.action)).toMatch(/^http:\/\/127\.0\.0\.1:4173\/\?DOMAIN=/);
    } finally {
      await moved.stop();
    }
  });
});
