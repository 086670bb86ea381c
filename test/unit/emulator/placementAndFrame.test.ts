import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestEmulator } from './startTestEmulator.ts';
import type { TestEmulator } from './startTestEmulator.ts';

/** Short, so the test of the delayed write does not wait the portal's 5 s. */
const USER_OPTION_DELAY_MS = 400;
let t: TestEmulator;
let admin: string;
beforeAll(async () => {
  t = await startTestEmulator({ userOptionDelayMs: USER_OPTION_DELAY_MS });
  admin = await t.token(1);
});
afterAll(async () => {
  await t.stop();
});

const call = (method: string, body: Record<string, unknown>): ReturnType<typeof postJson> =>
  postJson(`${t.emu.url}/rest/${method}`, { auth: admin, ...body });
const sidebar = { PLACEMENT: 'IM_SIDEBAR', OPTIONS: { iconName: 'fa-upload' } };

describe('placement.bind rules (portal reference §5.1)', () => {
  it.each([
    ['PLACEMENT missing', { HANDLER: 'https://app.example.com/' }, 'ERROR_ARGUMENT', 'PLACEMENT'],
    [
      'DEFAULT',
      { PLACEMENT: 'DEFAULT', HANDLER: 'https://app.example.com/' },
      'ERROR_ARGUMENT',
      'PLACEMENT',
    ],
    ['HANDLER missing', { PLACEMENT: 'IM_SIDEBAR' }, 'ERROR_ARGUMENT', 'HANDLER'],
    [
      'localhost handler',
      { ...sidebar, HANDLER: 'http://localhost:5173/' },
      'ERROR_WRONG_HANDLER_URL',
      undefined,
    ],
    [
      'ftp handler',
      { ...sidebar, HANDLER: 'ftp://app.example.com/' },
      'ERROR_UNSUPPORTED_PROTOCOL',
      undefined,
    ],
    [
      'placement outside the scopes',
      { PLACEMENT: 'CRM_LEAD_LIST_MENU', HANDLER: 'https://a.example.com/' },
      'ERROR_PLACEMENT_NOT_FOUND',
      undefined,
    ],
    [
      'USER_ID on an IM placement',
      { ...sidebar, HANDLER: 'https://a.example.com/', USER_ID: 2 },
      'ERROR_PLACEMENT_USER_MODE',
      undefined,
    ],
    [
      'iconName missing',
      { PLACEMENT: 'IM_SIDEBAR', HANDLER: 'https://a.example.com/' },
      'ERROR_ARGUMENT',
      'iconName',
    ],
  ])('%s ⇒ 400 %s', async (_label, body, code, argument) => {
    const res = await call('placement.bind', body);
    expect([res.status, res.json.error]).toEqual([400, code]);
    if (argument) expect(res.json.argument).toBe(argument);
  });

  it('binds once, refuses the same handler again with ERROR_CORE, and unbinds', async () => {
    const handler = 'https://widget.example.com/sidebar';
    expect((await call('placement.bind', { ...sidebar, HANDLER: handler })).json.result).toBe(true);
    const again = await call('placement.bind', { ...sidebar, HANDLER: handler });
    expect([again.status, again.json.error]).toEqual([400, 'ERROR_CORE']);
    expect(again.json.error_description).toBe(
      'Unable to set placement handler: Handler already binded',
    );
    const bound = (await call('placement.get', {})).json.result as {
      handler: string;
      options: unknown;
    }[];
    expect(bound.find((b) => b.handler === handler)?.options).toMatchObject({
      iconName: 'fa-upload',
      context: 'ALL',
    });
    const unbound = await call('placement.unbind', { PLACEMENT: 'IM_SIDEBAR', HANDLER: handler });
    expect(unbound.json.result).toEqual({ count: 2 });
  });

  it('is admin-only and lists the placements of the app scopes', async () => {
    const lena = await t.token(4);
    const res = await postJson(`${t.emu.url}/rest/placement.bind`, {
      auth: lena,
      ...sidebar,
      HANDLER: 'https://a.example.com/',
    });
    expect([res.status, res.json.error]).toEqual([403, 'ACCESS_DENIED']);
    expect((await call('placement.list', {})).json.result).toEqual(
      expect.arrayContaining(['IM_SIDEBAR', 'IM_TEXTAREA']),
    );
  });

  it('accepts localhost handlers with allowLocalHandlers', async () => {
    const local = await startTestEmulator({ allowLocalHandlers: true });
    try {
      const token = await local.token();
      const res = await postJson(`${local.emu.url}/rest/placement.bind`, {
        auth: token,
        ...sidebar,
        HANDLER: 'http://localhost:5173/x',
      });
      expect(res.json.result).toBe(true);
    } finally {
      await local.stop();
    }
  });
});

interface OpenResult {
  action: string;
  fields: Record<string, string>;
  frameName: string;
  appSid: string;
  appOrigin: string;
  error?: string;
}
const open = async (body: Record<string, unknown>, base = t.emu.url): Promise<OpenResult> =>
  (await postJson(`${base}/_emulator/frame/open`, body)).json as unknown as OpenResult;
const command = (appSid: string, name: string, params?: unknown): ReturnType<typeof postJson> =>
  postJson(`${t.emu.url}/_emulator/frame/command`, { appSid, command: name, params });

describe('frame open and commands (portal reference §1.2–§1.4, §2.6, §7.6)', () => {
  it('opens IM_SIDEBAR with the handler query, POST fields and frame name', async () => {
    const result = await open({
      user: 1,
      placement: 'IM_SIDEBAR',
      placementOptions: { dialogId: 'chat5' },
      lang: 'ru',
    });
    const host = new URL(t.emu.url).host;
    expect(result.action).toBe(
      `http://127.0.0.1:5173/?DOMAIN=${encodeURIComponent(host)}&PROTOCOL=0&LANG=ru&APP_SID=${result.appSid}`,
    );
    expect(result.frameName).toBe(`${host}|0|${result.appSid}`);
    expect(result.appOrigin).toBe('http://127.0.0.1:5173');
    expect(result.fields).toMatchObject({
      AUTH_EXPIRES: '3600',
      status: 'L',
      PLACEMENT: 'IM_SIDEBAR',
      PLACEMENT_OPTIONS: '{"dialogId":"chat5"}',
    });
    // The newest app.layout template carries none of the three documented extras (§7.6).
    expect(Object.keys(result.fields)).not.toContain('SERVER_ENDPOINT');
    expect(Object.keys(result.fields)).not.toContain('APPLICATION_TOKEN');
    expect(result.fields.AUTH_ID).toMatch(/^[0-9a-f]{70}$/);
    expect(result.fields.REFRESH_ID).toMatch(/^[0-9a-f]{70}$/);
  });

  it('answers getInitData with the reference types; FIRST_RUN turns false after setInstall', async () => {
    const { appSid } = await open({ user: 3, placement: 'DEFAULT' });
    const first = (await command(appSid, 'getInitData')).json.reply as Record<string, unknown>;
    expect(first).toMatchObject({
      PROTOCOL: 0,
      PATH: '/rest',
      IS_ADMIN: false,
      INSTALL: false,
      FIRST_RUN: true,
      PLACEMENT: 'DEFAULT',
      APP_OPTIONS: [],
      USER_OPTIONS: [],
      PLACEMENT_OPTIONS: [],
    });
    expect(typeof first.AUTH_EXPIRES).toBe('string');
    await command(appSid, 'setInstall', { install: true });
    const second = (await command(appSid, 'getInitData')).json.reply as Record<string, unknown>;
    expect(second.FIRST_RUN).toBe(false);
  });

  it('ignores setAppOption from a non-admin; setUserOption answers at once and reaches the server later', async () => {
    const { appSid } = await open({ user: 4, placement: 'DEFAULT' });
    expect((await command(appSid, 'setAppOption', { name: 'x', value: 1 })).json).toEqual({
      noReply: true,
    });
    const answeredAt = Date.now();
    expect((await command(appSid, 'setUserOption', { name: 'k', value: 'v' })).json.reply).toEqual({
      name: 'k',
      value: 'v',
    });
    const userOptions = async (): Promise<unknown> =>
      ((await command(appSid, 'getInitData')).json.reply as Record<string, unknown>).USER_OPTIONS;
    // Right after the answer the server still has the old value (BX.userOptions batching, §7.6).
    expect(await userOptions()).toEqual([]);
    const deadline = answeredAt + 5_000;
    while (Date.now() < deadline && JSON.stringify(await userOptions()) === '[]') {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await userOptions()).toEqual({ k: 'v' });
    expect(Date.now() - answeredAt).toBeGreaterThanOrEqual(USER_OPTION_DELAY_MS - 50);
  });

  it('answers 404 for an unknown frame session', async () => {
    expect((await command('0'.repeat(32), 'getInitData')).status).toBe(404);
  });

  it('runs the install flow when the app is not installed', async () => {
    const fresh = await startTestEmulator({ installed: false });
    try {
      const refused = await open({ user: 4, placement: 'DEFAULT' }, fresh.emu.url);
      expect(refused.error).toBe('application is not fully installed');
      const noPlacement = await open({ user: 1, placement: 'IM_SIDEBAR' }, fresh.emu.url);
      expect(noPlacement.error).toBeTruthy();
      const install = await open({ user: 1, placement: 'DEFAULT' }, fresh.emu.url);
      const cmd = (name: string, params?: unknown): ReturnType<typeof postJson> =>
        postJson(`${fresh.emu.url}/_emulator/frame/command`, {
          appSid: install.appSid,
          command: name,
          params,
        });
      expect(((await cmd('getInitData')).json.reply as { INSTALL: boolean }).INSTALL).toBe(true);
      const finish = await cmd('setInstallFinish', {});
      expect(finish.json.navigate).toContain('install_finished=Y');
      expect((await open({ user: 4, placement: 'DEFAULT' }, fresh.emu.url)).error).toBeUndefined();
    } finally {
      await fresh.stop();
    }
  });
});

describe('portal pages', () => {
  it('injects the bootstrap with < escaped and serves the messenger UI endpoints', async () => {
    const res = await fetch(`${t.emu.url}/online/?IM_DIALOG=chat5&user=1&lang=%3Cx`);
    const html = await res.text();
    const json =
      /<script id="portal-bootstrap" type="application\/json">(.*?)<\/script>/.exec(html)?.[1] ??
      '';
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toMatchObject({
      userId: 1,
      isAdmin: true,
      lang: '<x',
      dialogId: 'chat5',
      appId: 1,
      portalOrigin: t.emu.url,
    });
    const chats = (await (await fetch(`${t.emu.url}/_emulator/ui/chats?user=1`)).json()) as {
      dialogId: string;
    }[];
    expect(chats.map((c) => c.dialogId)).toEqual(
      expect.arrayContaining(['chat5', 'chat9', '2', '3']),
    );
    expect(chats.map((c) => c.dialogId)).not.toContain('chat7');
    const sent = await postJson(`${t.emu.url}/_emulator/ui/messages`, {
      user: 1,
      dialogId: 'chat5',
      text: 'hello <b>',
    });
    expect(sent.status).toBe(200);
    const list = (await (
      await fetch(`${t.emu.url}/_emulator/ui/messages?user=1&dialogId=chat5`)
    ).json()) as { text: string; authorName: string }[];
    expect(list.at(-1)).toMatchObject({ text: 'hello <b>', authorName: 'John Smith' });
    expect((await fetch(`${t.emu.url}/_emulator/ui/messages?user=1&dialogId=chat7`)).status).toBe(
      403,
    );
    expect((await fetch(`${t.emu.url}/`, { redirect: 'manual' })).headers.get('location')).toBe(
      '/online/',
    );
  });

  it('keeps static files inside the public dir', async () => {
    const res = await fetch(`${t.emu.url}/_emulator/static/..%2F..%2Fpackage.json`);
    expect(res.status).toBe(404);
  });
});
