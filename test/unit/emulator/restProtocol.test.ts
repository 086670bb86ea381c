import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestEmulator, WEBHOOK_SECRET } from './startTestEmulator.ts';
import type { TestEmulator } from './startTestEmulator.ts';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator({
    webhooks: [
      { userId: 1, secret: WEBHOOK_SECRET },
      { userId: 4, secret: 'noimscope', scope: ['user'] },
    ],
    oauthTokens: [{ userId: 1, token: 'fixedtoken1' }],
  });
});
afterAll(async () => {
  await t.stop();
});

const DATE_C = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;

describe('success envelope (portal reference §3.3)', () => {
  it('carries result and a complete time object with date("c") dates', async () => {
    const { status, headers, json } = await postJson(`${t.hook}profile`, {});
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json.result).toMatchObject({ ID: expect.anything(), ADMIN: true });
    const time = json.time as Record<string, unknown>;
    for (const key of [
      'start',
      'finish',
      'duration',
      'processing',
      'operating_reset_at',
      'operating',
    ]) {
      expect(typeof time[key], key).toBe('number');
    }
    expect(time.date_start).toMatch(DATE_C);
    expect(time.date_finish).toMatch(DATE_C);
  });
});

describe('params assembly (portal reference §3.1)', () => {
  it('reads the token from auth, access_token or a Bearer header', async () => {
    const token = await t.token();
    expect((await postJson(`${t.emu.url}/rest/profile`, { auth: token })).status).toBe(200);
    expect((await fetch(`${t.emu.url}/rest/profile.json?access_token=${token}`)).status).toBe(200);
    const bearer = await fetch(`${t.emu.url}/rest/profile`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(bearer.status).toBe(200);
    expect((await postJson(`${t.emu.url}/rest/profile`, { auth: 'fixedtoken1' })).status).toBe(200);
  });

  it('treats invalid JSON as empty params', async () => {
    const res = await fetch(`${t.hook}im.v2.File.upload`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"dialogId":"chat5",',
    });
    const json = (await res.json()) as Record<string, unknown>;
    expect([res.status, json.error]).toEqual([400, 100]);
    expect(json.error_description).toBe('Could not find value for parameter {dialogId}');
  });

  it('lets body values override query values', async () => {
    const res = await fetch(`${t.hook}im.dialog.get?DIALOG_ID=chat7`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'DIALOG_ID=chat5',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { result: { id: number } }).result.id).toBe(5);
  });

  it('parses PHP bracket syntax in the query string (GET)', async () => {
    const res = await fetch(
      `${t.hook}im.v2.File.upload.json?dialogId=chat5&fields[name]=q.txt&fields[content]=cQ%3D%3D`,
    );
    expect(res.status).toBe(200);
  });
});

describe('errors and statuses (portal reference §3.4)', () => {
  it.each([
    [
      'unknown method, even without auth',
      '/rest/no.such.method',
      {},
      404,
      'ERROR_METHOD_NOT_FOUND',
    ],
    ['no token', '/rest/profile', {}, 401, 'NO_AUTH_FOUND'],
    ['unknown token', '/rest/profile', { auth: 'f'.repeat(70) }, 401, 'invalid_token'],
    ['wrong webhook secret', '/rest/1/wrong/profile', {}, 401, 'INVALID_CREDENTIALS'],
    [
      'webhook without im scope',
      '/rest/4/noimscope/im.dialog.get',
      { DIALOG_ID: 'chat9' },
      401,
      'insufficient_scope',
    ],
    [
      'app-only method by webhook',
      `/rest/1/${WEBHOOK_SECRET}/placement.get`,
      {},
      403,
      'WRONG_AUTH_TYPE',
    ],
  ])('%s ⇒ %s %s', async (_label, path, body, status, code) => {
    const res = await postJson(`${t.emu.url}${path}`, body);
    expect([res.status, res.json.error]).toEqual([status, code]);
    expect(typeof res.json.error_description).toBe('string');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.json.time).toBeUndefined();
  });

  it('never echoes the token in an error', async () => {
    const secret = 'a'.repeat(70);
    const res = await postJson(`${t.emu.url}/rest/profile`, { auth: secret });
    expect(JSON.stringify(res.json)).not.toContain(secret);
  });
});

describe('CORS (portal reference §3.6)', () => {
  it('answers a preflight with 204 and the CORS headers, without credentials', async () => {
    const res = await fetch(`${t.emu.url}/rest/im.v2.File.upload?bx24_request_id=x`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('content-type');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('rate limit (portal reference §5.8)', () => {
  it('answers 503 QUERY_LIMIT_EXCEEDED with CORS after the burst; preflights stay free', async () => {
    const limited = await startTestEmulator({ rateLimit: { burst: 3, drainPerSecond: 0.001 } });
    try {
      for (let i = 0; i < 5; i += 1) {
        const pre = await fetch(`${limited.hook}profile`, { method: 'OPTIONS' });
        expect(pre.status).toBe(204);
      }
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1)
        statuses.push((await postJson(`${limited.hook}profile`, {})).status);
      expect(statuses).toEqual([200, 200, 200, 503, 503]);
      const refused = await postJson(`${limited.hook}profile`, {});
      expect(refused.json.error).toBe('QUERY_LIMIT_EXCEEDED');
      expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await limited.stop();
    }
  });
});

describe('body size limit', () => {
  it('refuses a body over maxBodyBytes with 413 without crashing', async () => {
    const small = await startTestEmulator({ maxBodyBytes: 1000 });
    try {
      const res = await fetch(`${small.hook}im.v2.File.upload`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          dialogId: 'chat5',
          fields: { name: 'a', content: 'A'.repeat(4000) },
        }),
      });
      expect(res.status).toBe(413);
      expect((await fetch(`${small.emu.url}/_emulator/health`)).status).toBe(200);
    } finally {
      await small.stop();
    }
  });
});

describe('batch (portal reference §3.3)', () => {
  it('runs commands by key, reports errors per item, and refuses a nested batch', async () => {
    const { status, json } = await postJson(`${t.hook}batch`, {
      halt: 0,
      cmd: {
        me: 'user.current',
        dialog: 'im.dialog.get?DIALOG_ID=chat5',
        denied: 'im.dialog.get?DIALOG_ID=chat7',
        nested: 'batch?cmd[0]=profile',
      },
    });
    expect(status).toBe(200);
    const result = json.result as Record<string, Record<string, unknown>>;
    expect(result.result?.me).toMatchObject({ ID: '1' });
    expect(result.result?.dialog).toMatchObject({ id: 5 });
    expect(result.result_error?.denied).toMatchObject({ error: 'ACCESS_ERROR' });
    expect(result.result_error?.nested).toMatchObject({ error: 'ERROR_BATCH_METHOD_NOT_ALLOWED' });
    expect(result.result_time?.me).toMatchObject({ date_start: expect.stringMatching(DATE_C) });
  });

  it('answers a list for a list of commands and [] for no errors', async () => {
    const { json } = await postJson(`${t.hook}batch`, { cmd: ['profile', 'user.current'] });
    const result = json.result as { result: unknown[]; result_error: unknown };
    expect(Array.isArray(result.result)).toBe(true);
    expect(result.result).toHaveLength(2);
    expect(result.result_error).toEqual([]);
  });
});

describe('messenger methods', () => {
  it('im.recent.list lists only chats the user can see', async () => {
    const { json } = await postJson(`${t.hook}im.recent.list`, {});
    const items = (json.result as { items: { id: string | number }[] }).items;
    const ids = items.map((i) => String(i.id));
    expect(ids).toEqual(expect.arrayContaining(['chat5', 'chat9']));
    expect(ids).not.toContain('chat7');
  });

  it('im.dialog.messages.get returns the uploaded file in files[] and honours LIMIT/FIRST_ID', async () => {
    const up = await postJson(`${t.hook}im.v2.File.upload`, {
      dialogId: 'chat9',
      fields: { name: 'm.txt', content: 'bQ==', message: 'with file' },
    });
    const { messageId, file } = up.json.result as { messageId: number; file: { id: number } };
    const { json } = await postJson(`${t.hook}im.dialog.messages.get`, {
      DIALOG_ID: 'chat9',
      LIMIT: 1,
    });
    const result = json.result as {
      messages: { id: number; params?: unknown }[];
      files: { id: number; name: string }[];
    };
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]?.id).toBe(messageId);
    expect(result.files.map((f) => f.id)).toContain(file.id);
    const after = await postJson(`${t.hook}im.dialog.messages.get`, {
      DIALOG_ID: 'chat9',
      FIRST_ID: messageId,
    });
    expect((after.json.result as { messages: unknown[] }).messages).toHaveLength(0);
  });
});

describe('app and user options', () => {
  it('stores app options (admin) and user options per user', async () => {
    const token = await t.token();
    const set = await postJson(`${t.emu.url}/rest/app.option.set`, {
      auth: token,
      options: { a: '1' },
    });
    expect(set.json.result).toBe(true);
    const got = await postJson(`${t.emu.url}/rest/app.option.get`, { auth: token, option: 'a' });
    expect(got.json.result).toBe('1');
    const anna = await t.token(4);
    const denied = await postJson(`${t.emu.url}/rest/app.option.set`, {
      auth: anna,
      options: { a: '2' },
    });
    expect([denied.status, denied.json.error]).toEqual([403, 'ACCESS_DENIED']);
    await postJson(`${t.emu.url}/rest/user.option.set`, { auth: anna, options: { k: 'v' } });
    expect(
      (await postJson(`${t.emu.url}/rest/user.option.get`, { auth: anna })).json.result,
    ).toEqual({ k: 'v' });
    expect(
      (await postJson(`${t.emu.url}/rest/user.option.get`, { auth: token })).json.result,
    ).toEqual([]);
  });
});
