import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestEmulator, WEBHOOK_SECRET } from './startTestEmulator.ts';
import type { TestEmulator } from './startTestEmulator.ts';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.stop();
});

const run = promisify(execFile);

/**
 * Runs a shell command line (the docs' curl examples) and parses its JSON output. Asynchronous:
 * the emulator answers from this same process, so a synchronous child would deadlock.
 */
async function sh(command: string): Promise<Record<string, unknown>> {
  const { stdout } = await run('sh', ['-c', command], { encoding: 'utf8' });
  return JSON.parse(stdout) as Record<string, unknown>;
}

async function download(url: string): Promise<{ bytes: Buffer; res: Response }> {
  const res = await fetch(url);
  return { bytes: Buffer.from(await res.arrayBuffer()), res };
}

interface UploadResult {
  dialogId: string;
  chatId: number;
  messageId: number;
  file: {
    id: number;
    chatId: number;
    name: string;
    extension: string;
    size: number;
    urlDownload: string;
  };
}

describe('im.v2.File.upload as documented', () => {
  it('runs the docs curl webhook example and returns the documented shape', async () => {
    // api-reference/chat-bots/chat-bots-v2/im.v2/files/file-upload.md, "cURL (Webhook)";
    // only the address, user id and webhook secret are filled in.
    const body = await sh(`curl -s -X POST \\
      -H "Content-Type: application/json" \\
      -H "Accept: application/json" \\
      -d '{"dialogId":"chat5","fields":{"name":"report.pdf","content":"SGVsbG8gV29ybGQh","message":"Here is the report"}}' \\
      ${t.emu.url}/rest/1/${WEBHOOK_SECRET}/im.v2.File.upload`);
    const result = body.result as UploadResult;
    expect(result).toMatchObject({
      dialogId: 'chat5',
      chatId: 5,
      file: { chatId: 5, name: 'report.pdf', extension: 'pdf', size: 12 },
    });
    expect(typeof result.messageId).toBe('number');
    expect(typeof result.file.id).toBe('number');
    expect(body.time).toMatchObject({
      start: expect.any(Number),
      date_start: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
    });
    const { bytes, res } = await download(result.file.urlDownload);
    expect(bytes.toString('utf8')).toBe('Hello World!');
    expect(res.headers.get('content-disposition')).toContain('attachment; filename="report.pdf"');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('runs the docs curl OAuth example with a token minted by an app frame', async () => {
    const token = await t.token();
    // Same page, "cURL (OAuth)".
    const body = await sh(`curl -s -X POST \\
      -H "Content-Type: application/json" \\
      -H "Accept: application/json" \\
      -d '{"dialogId":"chat5","fields":{"name":"report-oauth.pdf","content":"SGVsbG8gV29ybGQh","message":"Here is the report"},"auth":"${token}"}' \\
      ${t.emu.url}/rest/im.v2.File.upload`);
    const result = body.result as UploadResult;
    expect(result).toMatchObject({
      dialogId: 'chat5',
      chatId: 5,
      file: { name: 'report-oauth.pdf', size: 12 },
    });
    const messages = t.emu.messages(5);
    const message = messages.find((m) => m.id === result.messageId);
    expect(message).toMatchObject({ authorId: 1, text: 'Here is the report' });
    expect(message?.files[0]).toMatchObject({
      id: result.file.id,
      name: 'report-oauth.pdf',
      size: 12,
    });
  });

  it('returns the exact bytes of a binary file from the download URL', async () => {
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    const { status, json } = await postJson(`${t.hook}im.v2.File.upload`, {
      dialogId: 'chat9',
      fields: { name: 'data.bin', content: bytes.toString('base64') },
    });
    expect(status).toBe(200);
    const result = json.result as UploadResult;
    const back = await download(result.file.urlDownload);
    expect(back.bytes.equals(bytes)).toBe(true);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(t.emu.uploads().at(-1)).toMatchObject({
      fileId: result.file.id,
      sha256: sha,
      size: 70_000,
    });
  });

  it('accepts a legacy BX24 text/plain urlencoded POST', async () => {
    const token = await t.token();
    const body =
      `auth=${token}&dialogId=chat5&fields[name]=legacy.txt` +
      `&fields[content]=${encodeURIComponent(Buffer.from('legacy+body').toString('base64'))}&fields[message]=hi+there`;
    const res = await fetch(`${t.emu.url}/rest/im.v2.File.upload.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body,
    });
    expect(res.status).toBe(200);
    const result = ((await res.json()) as { result: UploadResult }).result;
    expect(result.file.name).toBe('legacy.txt');
    expect((await download(result.file.urlDownload)).bytes.toString()).toBe('legacy+body');
    expect(t.emu.messages(5).at(-1)?.text).toBe('hi there');
  });

  it('accepts a PHP-style fields[name]= form POST', async () => {
    const form = new URLSearchParams({
      dialogId: 'chat5',
      'fields[name]': 'form.txt',
      'fields[content]': Buffer.from('form body').toString('base64'),
    });
    const res = await fetch(`${t.hook}im.v2.File.upload`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const result = ((await res.json()) as { result: UploadResult }).result;
    expect((await download(result.file.urlDownload)).bytes.toString()).toBe('form body');
  });

  it('accepts a multipart form POST', async () => {
    const form = new FormData();
    form.set('dialogId', 'chat5');
    form.set('fields[name]', 'multi.txt');
    form.set('fields[content]', Buffer.from('multipart body').toString('base64'));
    const res = await fetch(`${t.hook}im.v2.File.upload`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const result = ((await res.json()) as { result: UploadResult }).result;
    expect((await download(result.file.urlDownload)).bytes.toString()).toBe('multipart body');
  });

  it('tolerates .json suffix, a trailing slash, a doubled slash and any method-name case', async () => {
    for (const path of ['IM.V2.FILE.UPLOAD.json', 'im.v2.File.upload/', '/im.v2.file.upload']) {
      const { status } = await postJson(`${t.hook}${path}`, {
        dialogId: 'chat5',
        fields: { name: 'a.txt', content: 'YQ==' },
      });
      expect(status, path).toBe(200);
    }
  });

  it('stores files under generated names, so a name like ../../x cannot escape the data dir (Disk makes it .._.._x)', async () => {
    const { json } = await postJson(`${t.hook}im.v2.File.upload`, {
      dialogId: 'chat5',
      fields: { name: '../../x', content: 'eA==' },
    });
    const result = json.result as UploadResult;
    expect(result.file.name).toBe('.._.._x');
    const stored = readdirSync(join(t.dataDir, 'files'));
    expect(stored.every((f) => /^\d+-[0-9a-f]{16}\.bin$/.test(f))).toBe(true);
    expect(readdirSync(join(t.dataDir, '..')).includes('x')).toBe(false);
    expect((await download(result.file.urlDownload)).bytes.toString()).toBe('x');
  });

  it('uploads into a private dialog by user id and answers with that dialogId', async () => {
    const { status, json } = await postJson(`${t.hook}im.v2.File.upload`, {
      dialogId: '2',
      fields: { name: 'p.txt', content: 'cA==' },
    });
    expect(status).toBe(200);
    const result = json.result as UploadResult;
    expect(result.dialogId).toBe('2');
    expect(result.chatId).toBe(2);
  });

  it('serves im.v2.File.download with a working download URL', async () => {
    const up = await postJson(`${t.hook}im.v2.File.upload`, {
      dialogId: 'chat5',
      fields: { name: 'd.txt', content: Buffer.from('dl').toString('base64') },
    });
    const fileId = (up.json.result as UploadResult).file.id;
    const { json } = await postJson(`${t.hook}im.v2.File.download`, { dialogId: 'chat5', fileId });
    const url = (json.result as { downloadUrl: string }).downloadUrl;
    expect(url).toMatch(/\/rest\/download\.json\?token=/);
    expect((await download(url)).bytes.toString()).toBe('dl');
    const missing = await postJson(`${t.hook}im.v2.File.download`, {
      dialogId: 'chat5',
      fileId: 99999,
    });
    expect(missing.status).toBe(400);
    expect(missing.json.error).toBe('FILE_NOT_FOUND');
  });
});
