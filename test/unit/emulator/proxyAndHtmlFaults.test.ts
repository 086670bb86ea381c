import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestEmulator } from './startTestEmulator.ts';
import type { TestEmulator } from './startTestEmulator.ts';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator({ proxyBodyLimit: 50_000 });
});
afterAll(async () => {
  await t.stop();
});

const body = (name: string): string =>
  JSON.stringify({ dialogId: 'chat5', fields: { name, content: 'YWJj' } });
const send = (name: string, raw = body(name)): Promise<Response> =>
  fetch(`${t.hook}im.v2.File.upload`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: raw,
  });
const stored = (name: string): number => t.emu.uploads().filter((u) => u.name === name).length;

/** Uploads `name` and expects an HTML page of `status` holding `marker` instead: nothing stored. */
async function expectHtmlInstead(name: string, status: number, marker: string): Promise<Response> {
  const res = await send(name);
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(await res.text()).toContain(marker);
  expect(stored(name)).toBe(0);
  return res;
}

describe('proxy-error: nginx pages without CORS (portal reference §7.2)', () => {
  it('502 before the method ran: HTML, no CORS header, nothing stored', async () => {
    t.emu.setScenario('proxy-error', { count: 1 });
    const res = await expectHtmlInstead('pe-before.txt', 502, '<center>nginx</center>');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('504 after the method stored the file, switched on through the control endpoint', async () => {
    const set = await postJson(`${t.emu.url}/_emulator/scenario`, {
      name: 'proxy-error',
      status: 504,
      mode: 'after',
      count: 1,
    });
    expect(set.json.scenario).toMatchObject({ name: 'proxy-error', status: 504, mode: 'after' });
    const res = await send('pe-after.txt');
    expect(res.status).toBe(504);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(stored('pe-after.txt')).toBe(1);
  });

  it('413 for a body over the proxy body limit, refused early, without CORS', async () => {
    const res = await send('big.txt', JSON.stringify({ pad: 'x'.repeat(60_000) }));
    expect(res.status).toBe(413);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await res.text()).toContain('413 Request Entity Too Large');
  });
});

describe('html-answer and overload (portal reference §7.2, §7.3)', () => {
  it('login: 200 text/html, nothing executed', async () => {
    t.emu.setScenario('html-answer', { count: 1 });
    await expectHtmlInstead('login.txt', 200, 'USER_PASSWORD');
  });

  it('maintenance: 503 text/html for N seconds, then the portal answers again', async () => {
    t.emu.setScenario('html-answer', { mode: 'maintenance', seconds: 1 });
    const startedAt = Date.now();
    const res = await send('maint.txt');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(stored('maint.txt')).toBe(0);
    let status = 503;
    while (status === 503 && Date.now() - startedAt < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await fetch(`${t.hook}profile`, { method: 'POST' })).status;
    }
    expect(status).toBe(200);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950);
  });

  it('overload: 503 OVERLOAD_LIMIT as JSON with CORS for every call', async () => {
    t.emu.setScenario('overload');
    try {
      for (const method of ['profile', 'im.v2.File.upload']) {
        const res = await postJson(`${t.hook}${method}`, {});
        expect([res.status, res.json.error]).toEqual([503, 'OVERLOAD_LIMIT']);
        expect(res.headers.get('access-control-allow-origin')).toBe('*');
      }
    } finally {
      t.emu.clearScenario();
    }
  });
});
