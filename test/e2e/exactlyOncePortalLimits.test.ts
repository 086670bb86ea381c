// Issue 11 (items 4, 8 and 11): the portal's own limits, against the faithful emulator in real
// Chromium, checked in the chat's final state (stored bytes by SHA-256): a chat with more unread
// messages than the delivery check's first page holds (§7.5), a token about to expire before a
// long upload and a refresh that never answers (§7.6), and a portal whose file limit is below the
// widget's 100 MB (§4).
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { chatFiles } from '../support/chatFiles.ts';
import { requestLog, uploadCallsTo } from '../support/requestLog.ts';
import { setInputFiles, type GivenFile } from '../support/setInputFiles.ts';
import { startStack, type Stack } from '../support/startStack.ts';
import type { Emulator } from '../support/stackTypes.ts';
// Aliased: useBrowser registers Vitest hooks; it is not a React hook.
import { useBrowser as setupBrowser } from '../support/useBrowser.ts';
import { waitForPhase } from '../support/waitForPhase.ts';

const MARKETING = 5;
const ANNOUNCEMENTS = 11;
const SECRET = 'limits-e2e-secret';
/** A portal whose own upload limit is 512 KiB (a box portal's setting; assumed, §4). */
const PORTAL_LIMIT = 512 * 1024;
/**
 * 8 s (about 1 h for real, §7.6): shorter than the widget's estimate for any upload (its assumed
 * speed plus the time the portal may take to answer), so an upload must be preceded by a refresh;
 * long enough that a token refreshed at the drop outlives the held (slow) upload below.
 */
const SHORT_TOKEN_S = 8;

let stack: Stack;
let shortToken: Stack;
beforeAll(async () => {
  [stack, shortToken] = await Promise.all([
    startStack({
      rateLimit: false,
      maxUploadBytes: PORTAL_LIMIT,
      webhooks: [
        { userId: 1, secret: SECRET },
        { userId: 2, secret: SECRET },
      ],
    }),
    startStack({ rateLimit: false, tokenLifetimeSeconds: SHORT_TOKEN_S }),
  ]);
});
afterAll(async () => {
  await Promise.allSettled([stack?.close(), shortToken?.close()]);
});
// Registered after the stacks' hooks: the pages (the messenger polls) close before the portals.
const harness = setupBrowser();

/** The chat holds the dropped bytes once, and the portal accepted them once. */
function expectOnce(emulator: Emulator, chatId: number, dropped: GivenFile): void {
  expect(
    chatFiles(emulator, chatId).filter((f) => f.sha256 === dropped.sha256),
    dropped.name,
  ).toHaveLength(1);
  expect(
    emulator.uploads().filter((u) => u.sha256 === dropped.sha256),
    dropped.name,
  ).toHaveLength(1);
}

/** User 1's unread counter in `dialogId`, read the way an app would (im.dialog.get, §7.5). */
async function unreadOf(emulator: Emulator, dialogId: string): Promise<number> {
  const url = new URL(`/rest/1/${SECRET}/im.dialog.get`, emulator.url);
  url.searchParams.set('DIALOG_ID', dialogId);
  const body = (await (await fetch(url)).json()) as { result?: { counter?: number } };
  if (typeof body.result?.counter !== 'number') throw new Error('im.dialog.get: no counter');
  return body.result.counter;
}

/** Posts `count` small files into `dialogId` as user 2 (another member), through a webhook. */
async function postOthersMessages(emulator: Emulator, dialogId: string, count: number) {
  for (let i = 0; i < count; i += 1) {
    const response = await fetch(new URL(`/rest/2/${SECRET}/im.v2.File.upload`, emulator.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        dialogId,
        fields: { name: `news-${i}.txt`, content: Buffer.from(`news ${i}`).toString('base64') },
      }),
    });
    if (!response.ok) throw new Error(`posting as user 2 answered ${response.status}`);
  }
}

/**
 * Holds the widget's first `im.dialog.get` after an upload request ended (its delivery check
 * starts with it) until `meanwhile` ran, then lets it through. The request is paused before the
 * emulator reads it (Node's `http.server.request.start` channel runs first; a paused stream is
 * not resumed by a later `data` listener), so the check reads the chat as `meanwhile` left it.
 */
function holdFirstCheckAfterUpload(meanwhile: () => Promise<number>): {
  unreadAtCheck(): Promise<number>;
  stop(): void;
} {
  let armed = false;
  let held: Promise<number> | undefined;
  let release: (value: Promise<number>) => void = () => undefined;
  const result = new Promise<number>((resolve) => {
    release = (value) => resolve(value);
  });
  const onStart = (message: unknown): void => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const path = request.url ?? '';
    if (/^\/rest\/im\.v2\.File\.upload\b/i.test(path)) {
      response.once('close', () => {
        armed = true;
      });
    } else if (armed && held === undefined && /^\/rest\/im\.dialog\.get\b/i.test(path)) {
      request.pause();
      held = meanwhile().finally(() => request.resume());
      release(held);
    }
  };
  subscribe('http.server.request.start', onStart);
  return {
    unreadAtCheck: () => result,
    stop: () => unsubscribe('http.server.request.start', onStart),
  };
}

/**
 * Holds every upload request (before the emulator reads it) until `epochMs`: a slow uplink, whose
 * body reaches PHP, where the token is checked, only then.
 */
function holdUploadsUntil(epochMs: number): { count(): number; stop(): void } {
  let count = 0;
  const onStart = (message: unknown): void => {
    const { request } = message as { request: IncomingMessage };
    if (!/^\/rest\/im\.v2\.File\.upload\b/i.test(request.url ?? '')) return;
    count += 1;
    request.pause();
    setTimeout(() => request.resume(), Math.max(0, epochMs - Date.now()));
  };
  subscribe('http.server.request.start', onStart);
  return { count: () => count, stop: () => unsubscribe('http.server.request.start', onStart) };
}

/** The app's own page (DEFAULT placement) with `chatName` picked in its chat picker. */
async function openAppPageOn(
  page: Page,
  portalUrl: string,
  chatName: string,
): Promise<{ frame: FrameLocator; appFrame: Frame }> {
  await page.goto(new URL('/marketplace/app/1/?user=1&lang=en', portalUrl).href);
  const frameElement = page.getByTestId('app-frame');
  const frame = frameElement.contentFrame();
  await frame.getByTestId('chat-search').fill(chatName);
  await frame.getByTestId('chat-option').filter({ hasText: chatName }).click({ timeout: 15_000 });
  await expect
    .poll(() => frame.getByTestId('chat-header').textContent(), { timeout: 15_000 })
    .toContain(chatName);
  const appFrame = await (await frameElement.elementHandle())?.contentFrame();
  if (!appFrame) throw new Error('the app iframe has no content frame');
  return { frame, appFrame };
}

/** Records, in the portal page, when the app frame asked for `refreshAuth` (epoch ms). */
async function recordRefreshes(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { refreshesSeen: number[] }).refreshesSeen = seen;
    window.addEventListener('message', (event) => {
      if (typeof event.data === 'string' && event.data.startsWith('refreshAuth')) {
        seen.push(Date.now());
      }
    });
  });
  return () =>
    page.evaluate(() => [...(window as unknown as { refreshesSeen: number[] }).refreshesSeen]);
}

describe('unread history (§7.5)', () => {
  test('a file whose answer was lost, with more than 50 unread messages posted after it, is found in the chat and delivered once', async () => {
    const { page, guard } = await harness.newPage();
    guard.allowNetworkFailures('close-mid-answer destroys the socket after the file was stored');
    // The app's own page with the chat picked: nothing shows chat11, so nothing reads it (the
    // messenger reads the chat it shows, as the real one does).
    const { frame, appFrame } = await openAppPageOn(page, stack.emulator.url, 'Announcements');
    expect(await unreadOf(stack.emulator, 'chat11')).toBeGreaterThan(50);
    // Posting reads the chat up to one's own message, so the seed's unread ones are read once the
    // file is stored. A busy chat: 60 messages by others arrive after the file was stored and
    // before the widget's check reads the chat (its first request is held until they are in).
    const held = holdFirstCheckAfterUpload(async () => {
      await postOthersMessages(stack.emulator, 'chat11', 60);
      return unreadOf(stack.emulator, 'chat11');
    });
    const name = 'while-unread.txt';
    stack.emulator.setScenario('close-mid-answer', { count: 1 });
    try {
      const [dropped] = await setInputFiles(frame, [{ name, buffer: Buffer.from('unread') }]);
      const row = await waitForPhase(appFrame, name, 'delivered', 30_000);
      expect(row.text).not.toContain(en['next_check-chat']);
      expect(await held.unreadAtCheck()).toBeGreaterThan(50);
      expectOnce(stack.emulator, ANNOUNCEMENTS, dropped!);
    } finally {
      held.stop();
      stack.emulator.clearScenario();
    }
  });
});

describe('a token that would expire during the upload (§7.6)', () => {
  test('the widget refreshes the token before sending, so no upload is refused with 401; delivered once', async () => {
    const { page, frame, appFrame } = await harness.openWidget(shortToken.emulator.url);
    // The frame's token was issued before this moment, so it is dead by `frameTokenDead`.
    const frameTokenDead = Date.now() + SHORT_TOKEN_S * 1000 + 500;
    const refreshes = await recordRefreshes(page);
    // Dropped 2 s into the token's life (still valid for the SDK); the body then arrives only
    // after the frame's token died (a slow uplink, made here by holding the request), while a
    // token refreshed at the drop still lives: only sending with the old one gets a 401.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const held = holdUploadsUntil(frameTokenDead);
    const mark = requestLog.mark();
    const name = 'long-upload.bin';
    try {
      const [dropped] = await setInputFiles(frame, [{ name, size: 4 * 1024 * 1024 }]);
      await waitForPhase(appFrame, name, 'delivered', 30_000);
      const calls = uploadCallsTo(shortToken.emulator.url, mark);
      await requestLog.waitUntilClosed(calls);
      const uploads = requestLog.list(calls);
      expect(held.count()).toBeGreaterThanOrEqual(1);
      expect(uploads.map((u) => u.status)).toEqual([200]);
      const asked = await refreshes();
      expect(asked.length).toBeGreaterThanOrEqual(1);
      // The refresh came before the body was sent.
      expect(Math.min(...asked)).toBeLessThanOrEqual(uploads[0]!.startedAt);
      expectOnce(shortToken.emulator, MARKETING, dropped!);
    } finally {
      held.stop();
    }
  });

  test('a refreshAuth that never answers: "reopen the panel" within bounded time, nothing sent, no loop; Retry then delivers once', async () => {
    const { page, guard, frame, appFrame } = await harness.openWidget(shortToken.emulator.url);
    guard.allow(
      /^alert: Authorization error\. Please reload the page\.$/,
      'refresh-fails: the portal page itself alerts when a token refresh fails',
    );
    const refreshes = await recordRefreshes(page);
    const mark = requestLog.mark();
    const calls = uploadCallsTo(shortToken.emulator.url, mark);
    const files = [
      { name: 'no-refresh-1.txt', buffer: Buffer.from('first') },
      { name: 'no-refresh-2.txt', buffer: Buffer.from('second') },
    ];
    shortToken.emulator.setScenario('refresh-fails');
    let dropped: GivenFile[];
    try {
      const started = Date.now();
      dropped = await setInputFiles(frame, files);
      for (const f of files) {
        const row = await waitForPhase(appFrame, f.name, 'failed', 40_000);
        expect(row.text).toContain(en.error_session);
        expect(row.text).toContain(en.next_reopen);
      }
      // Bounded: the SDK gives up on the parent frame after 10 s, the widget after 15 s.
      expect(Date.now() - started).toBeLessThan(35_000);
      // Nothing was sent with a token the portal would refuse, and one refresh per file at most.
      expect(requestLog.list(calls)).toEqual([]);
      const asked = (await refreshes()).length;
      expect(asked).toBeGreaterThanOrEqual(1);
      expect(asked).toBeLessThanOrEqual(files.length);
      expect(guard.dialogs()).toHaveLength(asked);
    } finally {
      shortToken.emulator.clearScenario();
    }
    const first = files[0]!.name;
    await frame
      .getByTestId('upload-row')
      .filter({ has: frame.getByTitle(first, { exact: true }) })
      .getByRole('button', { name: en.retry, exact: true })
      .click();
    await waitForPhase(appFrame, first, 'delivered', 30_000);
    expectOnce(shortToken.emulator, MARKETING, dropped[0]!);
    expect(
      chatFiles(shortToken.emulator, MARKETING).filter((f) => f.name === files[1]!.name),
    ).toEqual([]);
  }, 90_000);
});

describe('a portal whose file limit is below 100 MB (§4)', () => {
  test('the portal’s FILE_TOO_LARGE for a 1 MB file: one request, no retry, a true message; the next file is delivered once', async () => {
    const { guard, frame, appFrame } = await harness.openWidget(stack.emulator.url);
    guard.allowFailedResponses([400], 'the portal refuses the file with FILE_TOO_LARGE');
    const mark = requestLog.mark();
    const big = 'over-portal-limit.bin';
    const small = 'under-portal-limit.txt';
    const [, smallDropped] = await setInputFiles(frame, [
      { name: big, size: 1024 * 1024 },
      { name: small, buffer: Buffer.from('fits') },
    ]);
    const row = await waitForPhase(appFrame, big, 'failed', 30_000);
    expect(row.text).toContain(en.error_portalFileLimit);
    expect(row.text).not.toContain(en.error_fileTooLarge);
    expect(row.text).not.toContain('100 MB');
    await waitForPhase(appFrame, small, 'delivered', 30_000);
    const calls = uploadCallsTo(stack.emulator.url, mark);
    await requestLog.waitUntilClosed(calls);
    expect(
      requestLog
        .list(calls)
        .map((c) => c.status)
        .sort(),
    ).toEqual([200, 400]);
    // No retry offered: the same file would be refused again.
    expect(
      await frame
        .getByTestId('upload-row')
        .filter({ has: frame.getByTitle(big, { exact: true }) })
        .getByRole('button', { name: en.retry, exact: true })
        .count(),
    ).toBe(0);
    expect(chatFiles(stack.emulator, MARKETING).filter((f) => f.name === big)).toEqual([]);
    expectOnce(stack.emulator, MARKETING, smallDropped!);
  });
});
