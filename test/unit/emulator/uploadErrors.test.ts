import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/createEmulator.ts';
import { sendRaw } from '../../support/servers/sendRaw.ts';
import { postJson, startTestEmulator, WEBHOOK_SECRET } from './startTestEmulator.ts';
import type { TestEmulator } from './startTestEmulator.ts';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.stop();
});

const upload = (body: unknown): ReturnType<typeof postJson> =>
  postJson(`${t.hook}im.v2.File.upload`, body);
const valid = { dialogId: 'chat5', fields: { name: 'a.txt', content: 'YWJj' } };

describe('im.v2.File.upload validation order and statuses (portal reference §4.2, §7.7)', () => {
  it.each([
    ['dialogId missing', { fields: valid.fields }, 400, 100, '{dialogId}'],
    ['fields missing', { dialogId: 'chat5' }, 400, 100, '{fields}'],
    [
      'fields not an object',
      { dialogId: 'chat5', fields: 'x' },
      400,
      100,
      'Should be value of type array',
    ],
    ['unknown chat', { dialogId: 'chat999', fields: valid.fields }, 400, 'CHAT_NOT_FOUND', ''],
    ['malformed dialogId', { dialogId: 'sg1', fields: valid.fields }, 400, 'CHAT_NOT_FOUND', ''],
    [
      'not a member of chat7',
      { dialogId: 'chat7', fields: valid.fields },
      400,
      'ACCESS_DENIED',
      '',
    ],
    [
      'empty name',
      { dialogId: 'chat5', fields: { name: '', content: 'YWJj' } },
      400,
      'FILE_EMPTY',
      '',
    ],
    ['empty content', { dialogId: 'chat5', fields: { name: 'a' } }, 400, 'FILE_EMPTY', ''],
    [
      'url-safe base64',
      { dialogId: 'chat5', fields: { name: 'a', content: 'ab-_' } },
      400,
      'FILE_INVALID_CONTENT',
      '',
    ],
    [
      'data: prefix',
      { dialogId: 'chat5', fields: { name: 'a', content: 'data:text/plain;base64,YWJj' } },
      400,
      'FILE_INVALID_CONTENT',
      '',
    ],
    [
      'a lone final character',
      { dialogId: 'chat5', fields: { name: 'a', content: 'YWJjZ' } },
      400,
      'FILE_INVALID_CONTENT',
      '',
    ],
    [
      'padding in the middle',
      { dialogId: 'chat5', fields: { name: 'a', content: 'YQ==YWJj' } },
      400,
      'FILE_INVALID_CONTENT',
      '',
    ],
    [
      'decodes to nothing',
      { dialogId: 'chat5', fields: { name: 'a', content: '====' } },
      400,
      'FILE_INVALID_CONTENT',
      '',
    ],
    // The chat is checked before the file (steps 2–3 before 4–6).
    [
      'bad chat and bad content',
      { dialogId: 'chat7', fields: { name: 'a', content: '!!' } },
      400,
      'ACCESS_DENIED',
      '',
    ],
  ])('%s ⇒ %s %s', async (_label, body, status, code, description) => {
    const res = await upload(body);
    expect(res.status).toBe(status);
    expect(res.json.error).toBe(code);
    expect(String(res.json.error_description)).toContain(description);
    expect(res.json.time).toBeUndefined();
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('accepts whitespace inside base64 and missing padding (strict PHP semantics)', async () => {
    const res = await upload({
      dialogId: 'chat5',
      fields: { name: 'w.txt', content: 'YW\nJj\r\n ZA' },
    });
    expect(res.status).toBe(200);
    expect((res.json.result as { file: { size: number } }).file.size).toBe(4);
  });

  it.each([
    ['folder-error', 'FOLDER_ERROR'],
    ['upload-failed', 'UPLOAD_FAILED'],
    ['send-failed', 'SEND_FAILED'],
  ])('scenario %s answers 400 %s and posts no message', async (scenario, code) => {
    const before = t.emu.messages(5).length;
    t.emu.setScenario(scenario, { count: 1 });
    const res = await upload(valid);
    expect([res.status, res.json.error]).toEqual([400, code]);
    expect(t.emu.messages(5)).toHaveLength(before);
    expect((await upload(valid)).status).toBe(200);
  });

  it('scenario upload-500 answers 500 INTERNAL_SERVER_ERROR without storing', async () => {
    const uploads = t.emu.uploads().length;
    t.emu.setScenario('upload-500', { count: 1 });
    const res = await upload(valid);
    expect([res.status, res.json.error]).toEqual([500, 'INTERNAL_SERVER_ERROR']);
    expect(t.emu.uploads()).toHaveLength(uploads);
  });

  it('scenario legacy-invalid-content answers INVALID_CONTENT for bad base64', async () => {
    t.emu.setScenario('legacy-invalid-content');
    try {
      const res = await upload({ dialogId: 'chat5', fields: { name: 'a', content: '%%%' } });
      expect([res.status, res.json.error]).toEqual([400, 'INVALID_CONTENT']);
    } finally {
      t.emu.clearScenario();
    }
  });

  it.each([
    ['no-access', 400, 'ACCESS_DENIED'],
    ['chat-deleted', 400, 'CHAT_NOT_FOUND'],
  ])('scenario %s answers %s %s for a chat the user belongs to', async (scenario, status, code) => {
    t.emu.setScenario(scenario, { count: 1 });
    const res = await upload(valid);
    expect([res.status, res.json.error]).toEqual([status, code]);
    expect((await upload(valid)).status).toBe(200);
  });
});

/** POSTs `{"dialogId":"chat9","fields":{"name":…,"content":"<base64 of size bytes>"}}` in chunks. */
async function postStreamedUpload(
  size: number,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const head = Buffer.from(`{"dialogId":"chat9","fields":{"name":"big.bin","content":"`);
  const tail = Buffer.from(`"}}`);
  const chunkBytes = 3 * 1024 * 1024; // a multiple of 3: chunks encode without padding
  const chunk = Buffer.from(Buffer.alloc(chunkBytes, 0xab).toString('base64'));
  const full = Math.floor(size / chunkBytes);
  const rest = Buffer.from(Buffer.alloc(size - full * chunkBytes, 0xab).toString('base64'));
  const length = head.length + full * chunk.length + rest.length + tail.length;
  function* body(): Generator<Buffer> {
    yield head;
    for (let sent = 0; sent < full; sent += 1) yield chunk;
    yield Buffer.concat([rest, tail]);
  }
  const res = await sendRaw(`${t.hook}im.v2.File.upload`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Content-Length': String(length) },
    body: Readable.from(body()),
  });
  return {
    status: res.status,
    json: JSON.parse(res.body.toString('utf8')) as Record<string, unknown>,
  };
}

describe('the 100 MiB limit applies to decoded bytes', () => {
  it('accepts exactly 104,857,600 decoded bytes', { timeout: 60_000 }, async () => {
    const res = await postStreamedUpload(104_857_600);
    expect(res.status).toBe(200);
    expect((res.json.result as { file: { size: number } }).file.size).toBe(104_857_600);
  });

  it('refuses 104,857,601 decoded bytes with FILE_TOO_LARGE', { timeout: 60_000 }, async () => {
    const uploads = t.emu.uploads().length;
    const res = await postStreamedUpload(104_857_601);
    expect([res.status, res.json.error]).toEqual([400, 'FILE_TOO_LARGE']);
    expect(t.emu.uploads()).toHaveLength(uploads);
  });
});

describe('stored file names (portal reference §4.5, §7.1)', () => {
  it('trims the name and replaces a path separator with _ as Disk does, inner spaces kept', async () => {
    const res = await upload({
      dialogId: 'chat5',
      fields: { name: ' dir/ spaced name.txt ', content: 'YWJj' },
    });
    expect(res.status).toBe(200);
    const file = (res.json.result as { file: { name: string } }).file;
    expect(file.name).toBe('dir_ spaced name.txt');
  });

  it('refuses to serve a file whose storage name in state.json points outside its folder', async () => {
    const own = await startTestEmulator();
    try {
      const res = await postJson(`${own.hook}im.v2.File.upload`, valid);
      const { file } = res.json.result as { file: { id: number; urlDownload: string } };
      await own.emu.close();
      // Tamper with the data directory as a stray edit or a hostile file would.
      const statePath = join(own.dataDir, 'state.json');
      const state = JSON.parse(readFileSync(statePath, 'utf8')) as {
        files: { id: number; storageName: string }[];
      };
      for (const f of state.files) if (f.id === file.id) f.storageName = '../state.json';
      writeFileSync(statePath, JSON.stringify(state));
      const port = new URL(own.emu.url).port;
      const again = await createEmulator({
        port: Number(port),
        dataDir: own.dataDir,
        appUrl: 'http://127.0.0.1:5173/',
        rateLimit: false,
        webhooks: [{ userId: 1, secret: WEBHOOK_SECRET }],
      });
      try {
        const download = await fetch(file.urlDownload);
        expect(download.status).toBe(404);
        expect(await download.text()).not.toContain('storageName');
      } finally {
        await again.close();
      }
    } finally {
      rmSync(own.dataDir, { recursive: true, force: true });
    }
  });
});
