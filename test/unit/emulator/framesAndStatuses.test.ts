import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestEmulator } from './startTestEmulator.ts';
import type { TestEmulator } from './startTestEmulator.ts';

let t: TestEmulator;
let admin: string;
beforeAll(async () => {
  t = await startTestEmulator();
  admin = await t.token(1);
});
afterAll(async () => {
  await t.stop();
});

interface Opened {
  appSid: string;
  fields: Record<string, string>;
  error?: string;
}
const open = async (body: Record<string, unknown>): Promise<Opened> =>
  (await postJson(`${t.emu.url}/_emulator/frame/open`, body)).json as unknown as Opened;
const initData = async (appSid: string): Promise<Record<string, unknown>> =>
  (await postJson(`${t.emu.url}/_emulator/frame/command`, { appSid, command: 'getInitData' })).json
    .reply as Record<string, unknown>;

describe('frames as the im v2 messenger opens them (portal reference §7.6)', () => {
  it('PLACEMENT_OPTIONS is {dialogId} with string values and no URI', async () => {
    const opened = await open({
      user: 1,
      placement: 'IM_TEXTAREA',
      placementOptions: { dialogId: 2, URI: '/online/' },
    });
    expect(opened.fields.PLACEMENT_OPTIONS).toBe('{"dialogId":"2"}');
    expect((await initData(opened.appSid)).PLACEMENT_OPTIONS).toEqual({ dialogId: '2' });
  });

  it('placement-options-text hands PLACEMENT_OPTIONS to getInitData as JSON text', async () => {
    const opened = await open({
      user: 1,
      placement: 'IM_SIDEBAR',
      placementOptions: { dialogId: 'chat5' },
    });
    t.emu.setScenario('placement-options-text', { count: 1 });
    expect((await initData(opened.appSid)).PLACEMENT_OPTIONS).toBe('{"dialogId":"chat5"}');
    expect((await initData(opened.appSid)).PLACEMENT_OPTIONS).toEqual({ dialogId: 'chat5' });
  });

  it('shows a binding only in chats its context fits, and refuses to open it elsewhere', async () => {
    const rest = (method: string, body: Record<string, unknown>): ReturnType<typeof postJson> =>
      postJson(`${t.emu.url}/rest/${method}`, { auth: admin, ...body });
    expect((await rest('placement.unbind', { PLACEMENT: 'IM_TEXTAREA' })).status).toBe(200);
    const bound = await rest('placement.bind', {
      PLACEMENT: 'IM_TEXTAREA',
      HANDLER: 'http://127.0.0.1:5173/',
      OPTIONS: { iconName: 'fa-upload', context: 'USER' },
    });
    expect(bound.status).toBe(200);
    const shown = async (dialogId: string): Promise<unknown> =>
      (await fetch(`${t.emu.url}/_emulator/ui/placements?user=1&dialogId=${dialogId}`)).json();
    expect(await shown('chat5')).toEqual(['IM_SIDEBAR']);
    expect(await shown('2')).toEqual(['IM_SIDEBAR', 'IM_TEXTAREA']);
    const refused = await open({
      user: 1,
      placement: 'IM_TEXTAREA',
      placementOptions: { dialogId: 'chat5' },
    });
    expect(refused.error).toBeTruthy();
    expect(
      (await open({ user: 1, placement: 'IM_TEXTAREA', placementOptions: { dialogId: '2' } }))
        .error,
    ).toBeUndefined();
  });
});

describe('setUserOption on its way to the server (portal reference §7.6)', () => {
  it('a pending value is applied by the next portal page hit of that user (the portal cookie)', async () => {
    const { appSid } = await open({ user: 3, placement: 'DEFAULT' });
    const command = (name: string, params?: unknown): ReturnType<typeof postJson> =>
      postJson(`${t.emu.url}/_emulator/frame/command`, { appSid, command: name, params });
    await command('setUserOption', { name: 'ledger', value: 'x' });
    expect((await initData(appSid)).USER_OPTIONS).toEqual([]);
    // Another user's page hit does not apply it; the user's own does.
    expect((await fetch(`${t.emu.url}/online/?user=2`)).status).toBe(200);
    expect((await initData(appSid)).USER_OPTIONS).toEqual([]);
    expect((await fetch(`${t.emu.url}/online/?user=3`)).status).toBe(200);
    expect((await initData(appSid)).USER_OPTIONS).toEqual({ ledger: 'x' });
  });
});

describe('statuses and small differences (portal reference §7.7)', () => {
  const upload = (body: unknown): ReturnType<typeof postJson> =>
    postJson(`${t.hook}im.v2.File.upload`, body);

  it('dialogId matching is case-insensitive: CHAT5 works', async () => {
    const res = await upload({ dialogId: 'CHAT5', fields: { name: 'upper.txt', content: 'YWJj' } });
    expect(res.status).toBe(200);
    expect((res.json.result as { chatId: number }).chatId).toBe(5);
  });

  it('a JSON number as dialogId is refused with code 100', async () => {
    const res = await upload({ dialogId: 2, fields: { name: 'n.txt', content: 'YWJj' } });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe(100);
    expect(String(res.json.error_description)).toContain('Should be value of type string');
  });

  it('a multipart file part is not a parameter: fields[content] as a file gives FILE_EMPTY', async () => {
    const form = new FormData();
    form.set('dialogId', 'chat5');
    form.set('fields[name]', 'part.txt');
    form.set('fields[content]', new Blob([Buffer.from('bytes')]), 'part.txt');
    const res = await fetch(`${t.hook}im.v2.File.upload`, { method: 'POST', body: form });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('FILE_EMPTY');
  });

  it('webhook app.info works; webhook user.option.get is 403 ACCESS_DENIED', async () => {
    expect((await postJson(`${t.hook}app.info`, {})).status).toBe(200);
    const denied = await postJson(`${t.hook}user.option.get`, {});
    expect([denied.status, denied.json.error]).toEqual([403, 'ACCESS_DENIED']);
  });

  it('im.recent.list carries next and total at the top level', async () => {
    const res = await postJson(`${t.hook}im.recent.list`, { LIMIT: 1 });
    expect(res.json).toMatchObject({ next: 1, total: -1 });
    expect(res.json.result).not.toHaveProperty('next');
  });

  it('im.dialog.get: 400 ACCESS_ERROR for an id that cannot be resolved, 403 when access fails', async () => {
    const missing = await postJson(`${t.hook}im.dialog.get`, { DIALOG_ID: 'chat999' });
    expect([missing.status, missing.json.error]).toEqual([400, 'ACCESS_ERROR']);
    const denied = await postJson(`${t.hook}im.dialog.get`, { DIALOG_ID: 'chat7' });
    expect([denied.status, denied.json.error]).toEqual([403, 'ACCESS_ERROR']);
  });
});
