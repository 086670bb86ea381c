import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator } from '../../../emulator/createEmulator.ts';
import type { Emulator, EmulatorOptions } from '../../../emulator/createEmulator.ts';

export const WEBHOOK_SECRET = 'testsecret123';

export interface TestEmulator {
  emu: Emulator;
  dataDir: string;
  /** Webhook base for user 1: `<url>/rest/1/<secret>/`. */
  hook: string;
  /** Opens an app frame for `user` and returns its OAuth access token. */
  token(user?: number): Promise<string>;
  stop(): Promise<void>;
}

/** Starts an in-process emulator on a random port with a temp data dir. */
export async function startTestEmulator(
  options: Partial<EmulatorOptions> = {},
): Promise<TestEmulator> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'emu-test-'));
  const emu = await createEmulator({
    port: 0,
    appUrl: 'http://127.0.0.1:5173/',
    rateLimit: false,
    webhooks: [{ userId: 1, secret: WEBHOOK_SECRET }],
    ...options,
    dataDir,
  });
  return {
    emu,
    dataDir,
    hook: `${emu.url}/rest/1/${WEBHOOK_SECRET}/`,
    async token(user = 1) {
      const res = await fetch(`${emu.url}/_emulator/frame/open`, {
        method: 'POST',
        body: JSON.stringify({ user, placement: 'DEFAULT' }),
      });
      const body = (await res.json()) as { fields?: { AUTH_ID: string }; error?: string };
      if (!body.fields) throw new Error(`frame/open failed: ${body.error ?? res.status}`);
      return body.fields.AUTH_ID;
    },
    async stop() {
      await emu.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** POSTs JSON and returns status, headers and parsed body. */
export async function postJson(
  url: string,
  body: unknown,
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    headers: res.headers,
    json: (await res.json()) as Record<string, unknown>,
  };
}
