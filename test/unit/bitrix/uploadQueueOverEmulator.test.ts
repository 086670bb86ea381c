import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Emulator } from '../../../emulator/createEmulator.ts';
import { createBitrixTransport } from '../../../src/bitrix/createBitrixTransport.ts';
import { createUploadQueue, type UploadQueue } from '../../../src/core/createUploadQueue.ts';
import { policyFor } from '../../../src/core/errorPolicy.ts';
import type { Encoder } from '../../../src/core/ports.ts';
import type { UploadItem } from '../../../src/core/types.ts';
import { encodeBlobToBase64Blob } from '../../../src/encode/encodeBlobToBase64Blob.ts';
import { startTestEmulator, type TestEmulator } from '../emulator/startTestEmulator.ts';
import { fixedAuth, TestB24 } from './TestB24.ts';

/**
 * The whole chain in Node: the engine (createUploadQueue) → the transport (createBitrixTransport)
 * → the real SDK over real HTTP → the emulator portal, with its fault scenarios. Only the parent
 * frame is replaced (fixedAuth: refreshAuth asks the portal's /oauth/token/ like the parent page
 * does). The encoder is the Worker's own chunk loop run in place.
 */
const CHAT_ID = 5;
const DIALOG = `chat${CHAT_ID}`;

let started: TestEmulator;
let emulator: Emulator;
const tokens = { current: 'chatdrop-test-token', next: undefined as undefined | (() => string) };

const encoder: Encoder = {
  encode: (file, { signal, onProgress }) =>
    encodeBlobToBase64Blob(file, { signal, onProgress, chunkSize: 64 * 1024 }),
};

/** What the parent page does on `refreshAuth`: trade the refresh token at /oauth/token/. */
let refreshes = 0;
async function refreshAtPortal(): Promise<void> {
  refreshes += 1;
  const state = JSON.parse(readFileSync(join(started.dataDir, 'state.json'), 'utf8')) as {
    apps: { clientId: string; clientSecret: string }[];
    tokens: { accessToken: string; refreshToken: string }[];
  };
  const app = state.apps[0]!;
  // The portal keeps the refresh token of the token in use (the parent page holds it in reality).
  const refreshToken = state.tokens.find((t) => t.accessToken === tokens.current)?.refreshToken;
  const query = new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: app.clientId,
    client_secret: app.clientSecret,
    refresh_token: refreshToken ?? '',
  });
  const answer = (await (await fetch(`${emulator.url}/oauth/token/?${query}`)).json()) as {
    access_token: string;
    refresh_token: string;
  };
  tokens.current = answer.access_token;
}

function startQueue(): UploadQueue {
  const auth = fixedAuth(emulator.url, tokens);
  const refresh = auth.refreshAuth;
  auth.refreshAuth = async () => {
    await refreshAtPortal();
    return refresh();
  };
  const transport = createBitrixTransport(new TestB24(auth));
  return createUploadQueue({ transport, encoder, backoff: () => 50 });
}

function file(name: string, size: number): { file: File; sha256: string } {
  const bytes = randomBytes(size);
  return {
    file: new File([bytes], name, { type: 'application/octet-stream' }),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

function settled(queue: UploadQueue): Promise<readonly UploadItem[]> {
  return new Promise((resolve) => {
    const off = queue.events.on('queue-drained', () => {
      off();
      resolve(queue.store.getState().items);
    });
  });
}

/** Messages in chat5 with a file of this name. */
function landed(name: string): number {
  return emulator
    .messages(CHAT_ID)
    .filter((message) => message.files.some((stored) => stored.name === name)).length;
}

beforeAll(async () => {
  started = await startTestEmulator({ oauthTokens: [{ userId: 1, token: tokens.current }] });
  emulator = started.emu;
});

afterAll(() => started.stop());

beforeEach(() => {
  emulator.clearScenario();
});

describe('upload engine over the SDK and the emulator', () => {
  it('delivers files byte-identical, one message each', async () => {
    const queue = startQueue();
    const a = file('engine-1k.bin', 1024);
    const b = file('engine-odd.bin', 100_001);
    const done = settled(queue);
    queue.addFiles([a.file, b.file], { dialogId: DIALOG, message: 'Two files' });
    const items = await done;
    expect(items.map((item) => item.phase)).toEqual(['delivered', 'delivered']);
    const uploads = emulator.uploads();
    expect(uploads.find((u) => u.name === 'engine-1k.bin')?.sha256).toBe(a.sha256);
    expect(uploads.find((u) => u.name === 'engine-odd.bin')?.sha256).toBe(b.sha256);
    expect(landed('engine-1k.bin')).toBe(1);
    expect(landed('engine-odd.bin')).toBe(1);
    await queue.dispose();
  });

  it('response dropped after the portal stored the file: checks the chat, delivered, one message', async () => {
    emulator.setScenario('response-drop', { count: 1 });
    const queue = startQueue();
    const phases: string[] = [];
    queue.events.on('upload-checking', ({ item }) => phases.push(item.phase));
    const done = settled(queue);
    queue.addFiles([file('engine-dropped.bin', 4096).file], { dialogId: DIALOG });
    const [item] = await done;
    expect(phases).toEqual(['checking']);
    expect(item?.phase).toBe('delivered');
    expect(item?.attempts).toBe(1);
    expect(landed('engine-dropped.bin')).toBe(1);
    expect(item?.receipt?.messageId).toBe(
      emulator.messages(CHAT_ID).find((m) => m.files.some((f) => f.name === 'engine-dropped.bin'))
        ?.id,
    );
    await queue.dispose();
  });

  it.each(['upload-500', 'connection-drop'])(
    '%s: a failure the user can act on (retry offered), nothing in the chat, nothing resent',
    async (scenario) => {
      emulator.setScenario(scenario, { count: 1 });
      const queue = startQueue();
      const name = `engine-${scenario}.bin`;
      const done = settled(queue);
      queue.addFiles([file(name, 2048).file], { dialogId: DIALOG });
      const [item] = await done;
      expect(item?.phase).toBe('failed');
      expect(item?.attempts).toBe(1);
      expect(item?.error?.deliveryCheck).toBe('not-found');
      expect(policyFor(item!.error!)).toEqual(
        expect.objectContaining({ retry: 'offer', nextStep: 'check-chat' }),
      );
      expect(landed(name)).toBe(0);

      // The user's retry is the only resend, and it lands once.
      const again = settled(queue);
      expect(queue.retry(item!.id)).toBe(true);
      const [retried] = await again;
      expect(retried?.phase).toBe('delivered');
      expect(landed(name)).toBe(1);
      await queue.dispose();
    },
  );

  it('rate-limit storm: waits, resends, every file delivered once', async () => {
    emulator.setScenario('rate-limit-storm', { count: 4 });
    const queue = startQueue();
    const waited: string[] = [];
    queue.events.on('upload-waiting', ({ item }) => waited.push(item.name));
    const done = settled(queue);
    queue.addFiles([file('engine-storm-a.bin', 3000).file, file('engine-storm-b.bin', 3001).file], {
      dialogId: DIALOG,
    });
    const items = await done;
    expect(items.map((item) => item.phase)).toEqual(['delivered', 'delivered']);
    expect(waited.length).toBeGreaterThan(0);
    expect(landed('engine-storm-a.bin')).toBe(1);
    expect(landed('engine-storm-b.bin')).toBe(1);
    await queue.dispose();
  });

  it('token expiry mid-queue: the SDK refreshes, every file delivered once', async () => {
    const queue = startQueue();
    const before = refreshes;
    const done = settled(queue);
    queue.addFiles([file('engine-token-a.bin', 5000).file], { dialogId: DIALOG });
    emulator.setScenario('token-expiry');
    queue.addFiles([file('engine-token-b.bin', 5001).file], { dialogId: DIALOG });
    const items = await done;
    expect(items.map((item) => item.phase)).toEqual(['delivered', 'delivered']);
    expect(landed('engine-token-a.bin')).toBe(1);
    expect(landed('engine-token-b.bin')).toBe(1);
    expect(refreshes).toBeGreaterThan(before);
    await queue.dispose();
  });

  it('cancel after the whole body went out to a slow portal: checked, shown delivered, one message', async () => {
    emulator.setScenario('slow', { delayMs: 1_500 });
    const queue = startQueue();
    const name = 'engine-cancel-late.bin';
    const done = settled(queue);
    const [added] = queue.addFiles([file(name, 256 * 1024).file], { dialogId: DIALOG });
    await new Promise<void>((resolve) => {
      const off = queue.events.on('upload-progress', ({ item }) => {
        if (item.phase === 'sending' && item.progress.bytesSent === item.progress.sendTotal) {
          off();
          resolve();
        }
      });
    });
    // Wait until the portal has stored it (the 'slow' delay is applied to the answer only).
    while (landed(name) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    queue.cancel(added!.id);
    const [item] = await done;
    expect(item?.phase).toBe('delivered');
    expect(landed(name)).toBe(1);
    await queue.dispose();
  });

  it('an answer that puts the method at the SDK hold threshold pauses the next file visibly until operating_reset_at, and sends nothing meanwhile', async () => {
    // Its own portal: every call is billed far over the limit's last 5 s, so the first success
    // reports `operating` ≥ 475 s, from which the SDK would hold the next call for minutes.
    const heavy = await startTestEmulator({
      oauthTokens: [{ userId: 1, token: tokens.current }],
      processingScale: 1e6,
      operatingLimitSeconds: 1_000_000,
    });
    try {
      const auth = fixedAuth(heavy.emu.url, tokens);
      const queue = createUploadQueue({
        transport: createBitrixTransport(new TestB24(auth)),
        encoder,
      });
      const paused = new Promise<number>((resolve) =>
        queue.events.on('uploads-paused', ({ resumeAt }) => resolve(resumeAt)),
      );
      const [first, second] = queue.addFiles(
        // 2 MiB: its processing takes milliseconds, so the scaled bill is far over 475 s (the
        // emulator measures whole milliseconds; a 1 KiB upload may take none of them).
        [file('held-1.bin', 2 * 1024 * 1024).file, file('held-2.bin', 1024).file],
        { dialogId: DIALOG },
      );
      const resumeAt = await paused;
      const itemOf = (id: string) => queue.store.getState().items.find((item) => item.id === id);
      // Its turn comes once the first is delivered; then it waits for the method, visibly.
      await vi.waitFor(() => expect(itemOf(second!.id)?.phase).toBe('waiting'));
      expect(itemOf(first!.id)?.phase).toBe('delivered');
      expect(heavy.emu.uploads().map((upload) => upload.name)).toEqual(['held-1.bin']);
      const waiting = itemOf(second!.id);
      expect(waiting?.error?.code).toBe('OPERATION_TIME_LIMIT');
      expect(waiting?.retryAt).toBe(resumeAt);
      expect(resumeAt).toBeGreaterThan(Date.now());
      await queue.dispose();
    } finally {
      await heavy.stop();
    }
  }, 30_000);
});
