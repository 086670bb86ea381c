// Issue 6 (security): credentials never leak out of the SDK's hands, foreign origins cannot drive
// the widget, names are data, and the emulator enforces the portal's access rules.
import { readdir, realpath } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { ConsoleMessage } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { diskStoredName } from '../../src/core/diskStoredName.ts';
import { sha256 } from '../support/sha256.ts';
import { chatFiles } from '../support/chatFiles.ts';
import { collectSecrets } from '../support/collectSecrets.ts';
import { setInputFiles } from '../support/setInputFiles.ts';
import { faultsTextRecorder } from '../support/faultsTextRecorder.ts';
import { openWidget } from '../support/openWidget.ts';
import { setupE2e } from '../support/setupE2e.ts';
import { readRows, waitForPhase } from '../support/waitForPhase.ts';

const MARKETING = 5;
const HOOK_SECRET = 'hooksecret0123456789abcdef';
const { stack, harness } = setupE2e({
  webhooks: [{ userId: 1, secret: HOOK_SECRET, scope: ['im'] }],
});

/** POSTs JSON to the emulator's REST endpoint and returns status and parsed body. */
async function rest(path: string, body: Record<string, unknown>) {
  const response = await fetch(new URL(path, stack.emulator.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { error?: unknown; result?: unknown },
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else out.push(full);
  }
  return out;
}

describe('credentials', () => {
  test('tokens never appear in the console, the URL, browser storage, toasts or error details after a run with faults', async () => {
    const { page, context, guard } = await harness.newPage();
    guard.allowFailedResponses(
      [401, 500, 400],
      'token-expiry, refresh-fails, upload-500 and send-failed answer with errors on purpose',
    );
    guard.allowNetworkFailures('connection-drop and response-drop destroy the socket on purpose');
    guard.allow(
      /^alert: Authorization error\. Please reload the page\.$/,
      'refresh-fails: the portal page itself alerts when a token refresh fails',
    );
    await faultsTextRecorder.install(context);
    const consoleLines: string[] = [];
    const requestUrls: string[] = [];
    page.on('console', (m: ConsoleMessage) => consoleLines.push(m.text()));
    page.on('pageerror', (e) => consoleLines.push(`${e.message}\n${e.stack ?? ''}`));
    page.on('request', (r) => requestUrls.push(r.url()));
    const { frame, appFrame } = await openWidget(page, stack.emulator.url);

    // One file through each fault that handles tokens or error texts.
    const runs: [scenario: string, name: string, phase: 'delivered' | 'failed'][] = [
      ['token-expiry', 'sec-expiry.txt', 'delivered'],
      ['response-drop', 'sec-response-drop.txt', 'delivered'],
      ['upload-500', 'sec-500.txt', 'failed'],
      ['connection-drop', 'sec-connection-drop.txt', 'failed'],
      ['send-failed', 'sec-send.txt', 'failed'],
    ];
    for (const [scenario, name, phase] of runs) {
      stack.emulator.setScenario(scenario, scenario === 'response-drop' ? { count: 1 } : {});
      await setInputFiles(frame, [{ name, buffer: Buffer.from(name), mimeType: 'text/plain' }]);
      await waitForPhase(appFrame, name, phase, 60_000);
    }
    // Last: the token expires and its refresh fails, so the SDK holds an unusable token.
    stack.emulator.setScenario('token-expiry');
    stack.emulator.setScenario('refresh-fails');
    await setInputFiles(frame, [
      { name: 'sec-refresh.txt', buffer: Buffer.from('d'), mimeType: 'text/plain' },
    ]);
    await waitForPhase(appFrame, 'sec-refresh.txt', 'failed', 60_000);
    stack.emulator.clearScenario();
    // Open every "Details" disclosure so its text is rendered too.
    await appFrame.evaluate(() =>
      document.querySelectorAll('details').forEach((d) => (d.open = true)),
    );

    const secrets = await collectSecrets(stack.emulator.dataDir);
    expect(secrets.length).toBeGreaterThan(1);
    expect(secrets).toContain(HOOK_SECRET);

    const storage = await appFrame.evaluate(async () => {
      const parts: string[] = [];
      const dump = (get: () => Storage) => {
        try {
          const s = get();
          for (let i = 0; i < s.length; i++) {
            const key = s.key(i) ?? '';
            parts.push(key, s.getItem(key) ?? '');
          }
        } catch {
          // Cross-site frames may have no storage at all (docs/ENGINES.md, storage).
        }
      };
      dump(() => localStorage);
      dump(() => sessionStorage);
      try {
        for (const info of await indexedDB.databases()) {
          if (!info.name) continue;
          const db = await new Promise<IDBDatabase>((ok, fail) => {
            const open = indexedDB.open(info.name!);
            open.onsuccess = () => ok(open.result);
            open.onerror = () => fail(open.error);
          });
          for (const store of Array.from(db.objectStoreNames)) {
            const all = await new Promise<unknown[]>((ok, fail) => {
              const req = db.transaction(store).objectStore(store).getAll();
              req.onsuccess = () => ok(req.result);
              req.onerror = () => fail(req.error);
            });
            parts.push(JSON.stringify(all));
          }
          db.close();
        }
      } catch {
        // No IndexedDB in this frame.
      }
      return parts.join('\n');
    });
    const frameDom = await appFrame.evaluate(() => document.documentElement.outerHTML);
    const urls = [page.url(), ...page.frames().map((f) => f.url())].join('\n');
    const places: Record<string, string> = {
      console: consoleLines.join('\n'),
      urls,
      'request URLs': requestUrls.join('\n'),
      storage,
      frameDom,
      'texts ever shown in the widget (toasts included)': await faultsTextRecorder.read(appFrame),
      'texts ever shown in the portal page': await faultsTextRecorder.read(page.mainFrame()),
    };
    expect(places['texts ever shown in the widget (toasts included)']).toContain('sec-500.txt');
    for (const [place, text] of Object.entries(places)) {
      for (const secret of secrets) {
        expect(text.includes(secret), `a credential appears in ${place}`).toBe(false);
      }
    }
  }, 240_000);
});

describe('origins', () => {
  test('postMessage from another origin is ignored and cannot drive the widget', async () => {
    const { page } = await harness.newPage();
    const appRequests: string[] = [];
    page.on('request', (r) => {
      if (r.frame().url().startsWith(new URL(stack.appUrl).origin)) appRequests.push(r.url());
    });
    const { frame, appFrame } = await openWidget(page, stack.emulator.url);
    await expect
      .poll(() => frame.getByTestId('chat-header').textContent(), { timeout: 20_000 })
      .toBe('Marketing');
    // Another origin in the same page (e.g. another app's frame) forges portal replies and commands.
    const foreignOrigin = new URL(stack.emulator.url);
    foreignOrigin.hostname = '127.0.0.1';
    await page.evaluate(
      ({ src }) =>
        new Promise<void>((done) => {
          const foreign = document.createElement('iframe');
          foreign.src = src;
          foreign.onload = () => done();
          document.body.append(foreign);
        }),
      { src: new URL('/_emulator/health', foreignOrigin).href },
    );
    const foreignFrame = page
      .frames()
      .find((f) => f.url().startsWith(foreignOrigin.origin + '/_emulator'));
    expect(foreignFrame).toBeDefined();
    expect(new URL(foreignFrame!.url()).origin).not.toBe(new URL(page.url()).origin);
    // Barrier: the app frame counts a marker message the foreign frame posts after its forgeries.
    // Messages from one window to another arrive in the order they were posted (HTML's posted
    // message task queue), so once the marker is seen every forgery has been dispatched.
    await appFrame.evaluate(() => {
      const w = window as unknown as { __markers: number };
      w.__markers = 0;
      window.addEventListener('message', (event) => {
        if (event.data === 'e2e-marker') w.__markers += 1;
      });
    });
    await foreignFrame!.evaluate(() => {
      for (let i = 0; i < window.parent.frames.length; i++) {
        const target = window.parent.frames[i];
        if (!target || target === window) continue;
        const forged = [
          'x:{"AUTH_ID":"forged","REFRESH_ID":"forged","AUTH_EXPIRES":"3600"}',
          'getInitData:forged:forged',
          JSON.stringify({
            method: 'im:setImTextareaContent',
            params: { text: 'forged' },
            callback: 'x',
            appSid: 'x',
          }),
          { dialogId: 'chat7', DOMAIN: 'evil.example', AUTH_ID: 'forged' },
        ];
        for (const message of forged) target.postMessage(message, '*');
        target.postMessage('e2e-marker', '*');
      }
    });
    await expect
      .poll(() => appFrame.evaluate(() => (window as unknown as { __markers: number }).__markers), {
        timeout: 10_000,
      })
      .toBe(1);
    // Still the same chat; still working: a file goes to chat5 exactly once.
    expect(await frame.getByTestId('chat-header').textContent()).toBe('Marketing');
    await setInputFiles(frame, [
      { name: 'after-forgery.txt', buffer: Buffer.from('ok'), mimeType: 'text/plain' },
    ]);
    await waitForPhase(appFrame, 'after-forgery.txt', 'delivered', 60_000);
    expect(
      chatFiles(stack.emulator, MARKETING).filter((f) => f.name === 'after-forgery.txt'),
    ).toHaveLength(1);
    expect(stack.emulator.uploads().filter((u) => u.dialogId !== 'chat5')).toEqual([]);
    // The forged DOMAIN was not followed: the widget talked only to its own origin and the portal.
    const allowed = [new URL(stack.appUrl).origin, new URL(stack.emulator.url).origin];
    expect(
      appRequests.filter((u) => /^https?:/.test(u) && !allowed.includes(new URL(u).origin)),
    ).toEqual([]);
    // The forged textarea command did not reach the portal's message field.
    expect(await page.getByTestId('chat-input').inputValue()).not.toContain('forged');
  });
});

describe('names are data', () => {
  test('an HTML file name is rendered as text: no element is created and nothing runs', async () => {
    const { page, guard, frame, appFrame } = await harness.openWidget(stack.emulator.url);
    const name = '<img src=x onerror=alert(1)>.png';
    await setInputFiles(frame, [
      { name, buffer: Buffer.from('not really a png'), mimeType: 'image/png' },
    ]);
    await waitForPhase(appFrame, name, 'delivered', 60_000);
    const row = (await readRows(appFrame)).find((r) => r.name === name);
    expect(row?.text).toContain(name);
    // The portal's chat view shows the file too (it polls), as text, under the name the portal
    // stored (its Disk name rules turn `<` and `>` into `_`).
    await expect
      .poll(
        () =>
          page
            .getByTestId('message-file')
            .filter({ hasText: diskStoredName(name) })
            .count(),
        {
          timeout: 15_000,
        },
      )
      .toBe(1);
    expect(await appFrame.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
    expect(guard.dialogs()).toEqual([]);
    const content = sha256(Buffer.from('not really a png'));
    expect(chatFiles(stack.emulator, MARKETING).filter((f) => f.sha256 === content)).toHaveLength(
      1,
    );
  });
});

describe('the emulator enforces access', () => {
  const upload = {
    dialogId: 'chat5',
    fields: { name: 'probe.txt', content: Buffer.from('probe').toString('base64') },
  };

  test('a wrong access token is rejected with 401 and stores nothing', async () => {
    const before = stack.emulator.uploads().length;
    const answer = await rest('/rest/im.v2.File.upload', { ...upload, auth: 'f'.repeat(70) });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('invalid_token');
    expect(stack.emulator.uploads()).toHaveLength(before);
  });

  test('a request without any credentials is rejected with 401 NO_AUTH_FOUND', async () => {
    const answer = await rest('/rest/im.v2.File.upload', upload);
    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('NO_AUTH_FOUND');
  });

  test('a foreign webhook (unknown secret) is rejected with 401 INVALID_CREDENTIALS', async () => {
    const before = stack.emulator.uploads().length;
    const answer = await rest('/rest/1/not-the-secret/im.v2.File.upload', upload);
    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('INVALID_CREDENTIALS');
    expect(stack.emulator.uploads()).toHaveLength(before);
  });

  test('a chat the user is not a member of is refused with ACCESS_DENIED (HTTP 400, as the portal answers)', async () => {
    const board = stack.emulator.messages(7).length;
    const answer = await rest(`/rest/1/${HOOK_SECRET}/im.v2.File.upload`, {
      ...upload,
      dialogId: 'chat7',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('ACCESS_DENIED');
    expect(stack.emulator.messages(7)).toHaveLength(board);
  });

  test('stored file names cannot escape the data directory', async () => {
    const dataDir = await realpath(resolve(stack.emulator.dataDir));
    const names = [
      '../../escape-one.txt',
      '..\\..\\escape-two.txt',
      '/etc/escape-three.txt',
      '....//escape-four.txt',
    ];
    for (const name of names) {
      const answer = await rest(`/rest/1/${HOOK_SECRET}/im.v2.File.upload`, {
        dialogId: 'chat5',
        fields: { name, content: Buffer.from(name).toString('base64') },
      });
      expect(answer.status, name).toBe(200);
    }
    // Every stored file is inside the data directory (realpath: no symlink leads out)...
    // (The emulator writes its state through short-lived temp files; one gone by now is no escape.)
    for (const file of await listFiles(dataDir)) {
      const real = await realpath(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return dataDir + sep;
        throw error;
      });
      expect(real.startsWith(dataDir + sep), file).toBe(true);
    }
    // ...and nothing appeared where the names point (one level of listing each, never recursive).
    const places = [dirname(dataDir), dirname(dirname(dataDir)), '/etc', process.cwd()];
    for (const place of places) {
      const entries = await readdir(place).catch(() => [] as string[]);
      expect(
        entries.filter((e) => /escape-(one|two|three|four)/.test(e)),
        place,
      ).toEqual([]);
    }
    // The chat shows base names only.
    for (const f of chatFiles(stack.emulator, MARKETING).filter((f) => /escape-/.test(f.name))) {
      expect(f.name.includes('/'), f.name).toBe(false);
    }
  });
});
