// Issue 11 #1: the portal stored the file, then the connection closed with zero response bytes.
// Over HTTP/1.1 keep-alive Chromium re-sends the POST by itself when it went over a reused
// connection (the page sees one request and one 200); the portal stores that copy too. Rule: the
// chat ends with the file once (the widget's batch reconciliation removes its proven duplicate
// with im.message.delete) and the row is delivered. Over HTTP/2 the stream is reset instead, no
// browser re-send happens, and the chat still ends with one copy. Asserted on the chat's final
// state in the emulator (files, SHA-256), the emulator's upload log and the request log.
import type { Frame } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { chatFiles } from '../support/chatFiles.ts';
import { createPageGuard } from '../support/createPageGuard.ts';
import { openWidget } from '../support/openWidget.ts';
import { requestLog, uploadCallsTo, type LoggedRequest } from '../support/requestLog.ts';
import { setInputFiles, type GivenFile, type InputFile } from '../support/setInputFiles.ts';
import { setupStack } from '../support/setupStack.ts';
import type { Stack } from '../support/startStack.ts';
import type { Emulator } from '../support/stackTypes.ts';
// Aliased: useBrowser registers Vitest hooks; it is not a React hook.
import { useBrowser as setupBrowser } from '../support/useBrowser.ts';
import { waitForPhase } from '../support/waitForPhase.ts';

const MARKETING = 5;
const harness = setupBrowser();

/** Waits (with a deadline) until the chat holds exactly one file with `sha256`, and returns the count. */
async function settledCopies(emulator: Emulator, sha256: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const copies = chatFiles(emulator, MARKETING).filter((f) => f.sha256 === sha256);
    if (copies.length === 1 || Date.now() > deadline) return copies;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function acceptedCopies(emulator: Emulator, file: GivenFile) {
  return emulator.uploads().filter((u) => u.sha256 === file.sha256);
}

/**
 * Opens the widget and delivers `warmName` first, which opens the keep-alive connection the next
 * upload reuses (Chromium re-sends a request by itself only when it went over a reused connection
 * that then closed); then drops `files` with as many uploads closed with zero bytes after the
 * portal stored them, and waits until every row is delivered and every upload POST is closed.
 */
async function dropOverClosingConnections(
  stack: Stack,
  warmName: string,
  files: readonly InputFile[],
): Promise<{ appFrame: Frame; warm: GivenFile; dropped: GivenFile[]; posts: LoggedRequest[] }> {
  const { page, guard } = await harness.newPage();
  guard.allowNetworkFailures('close-before-answer closes the socket after the file was stored');
  const { frame, appFrame } = await openWidget(page, stack.emulator.url);
  const [warm] = await setInputFiles(frame, [{ name: warmName, buffer: Buffer.from(warmName) }]);
  await waitForPhase(appFrame, warm!.name, 'delivered');
  const mark = requestLog.mark();
  stack.emulator.setScenario('close-before-answer', {
    count: files.length,
    method: 'im.v2.File.upload',
  });
  let dropped: GivenFile[];
  try {
    dropped = await setInputFiles(frame, files);
    for (const file of dropped) await waitForPhase(appFrame, file.name, 'delivered');
  } finally {
    stack.emulator.clearScenario();
  }
  await requestLog.waitUntilClosed(uploadCallsTo(stack.emulator.url, mark));
  const posts = requestLog.list(uploadCallsTo(stack.emulator.url, mark));
  return { appFrame, warm: warm!, dropped, posts };
}

describe('exactly once when the browser re-sends the upload by itself (HTTP/1.1)', () => {
  const stack = setupStack({ rateLimit: false });

  test('the connection closes with zero bytes after the file was stored and Chromium re-sends it: the chat ends with one copy, the row delivered', async () => {
    const {
      appFrame,
      warm,
      dropped: [dropped],
      posts,
    } = await dropOverClosingConnections(stack, 'first-on-the-connection.txt', [
      { name: 'resent-by-the-browser.bin', size: 256 * 1024 },
    ]);
    // The body really arrived twice: two POSTs, the first closed without an answer, both stored.
    expect(posts.map((p) => p.answered)).toEqual([false, true]);
    expect(acceptedCopies(stack.emulator, dropped!)).toHaveLength(2);

    const copies = await settledCopies(stack.emulator, dropped!.sha256);
    expect(copies).toHaveLength(1);
    // The widget keeps the copy its receipt names (the re-send, stored as "name (1).ext" next to
    // the first) and deletes the one it never saw answered.
    expect(copies[0]?.name).toMatch(/^resent-by-the-browser( \(1\))?\.bin$/);
    expect(copies[0]?.authorId).toBe(1);
    expect(
      chatFiles(stack.emulator, MARKETING).filter((f) => f.sha256 === warm!.sha256),
    ).toHaveLength(1);
    expect((await waitForPhase(appFrame, dropped!.name, 'delivered')).phase).toBe('delivered');
  });
  test('three files dropped at once, each connection closed with zero bytes after storing: the chat ends with one copy of each, every row delivered', async () => {
    const { warm, dropped, posts } = await dropOverClosingConnections(
      stack,
      'opens-the-connections.txt',
      [1, 2, 3].map((n) => ({ name: `together-${n}.bin`, size: 64 * 1024 * n })),
    );
    const accepted = dropped.reduce((n, f) => n + acceptedCopies(stack.emulator, f).length, 0);
    console.log(
      `multi-file re-send: ${posts.length} upload POSTs (${posts.filter((p) => !p.answered).length} closed without an answer), ${accepted} copies stored`,
    );
    // Some bodies arrived twice (the browser's own re-send): the repair had something to do.
    expect(accepted).toBeGreaterThan(dropped.length);
    for (const file of dropped) {
      const copies = await settledCopies(stack.emulator, file.sha256);
      expect(copies, file.name).toHaveLength(1);
    }
    expect(
      chatFiles(stack.emulator, MARKETING).filter((f) => f.sha256 === warm!.sha256),
    ).toHaveLength(1);
  });
});

describe('exactly once when the stream is reset after the file was stored (HTTP/2)', () => {
  const stack = setupStack({ rateLimit: false, https: true, http2: true });

  test('the stream is reset with zero bytes after the file was stored: no browser re-send, the chat ends with one copy, the row delivered', async () => {
    // The emulator's certificate is self-signed: trust it for this test's own context only.
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({
        locale: 'en-US',
        viewport: { width: 1280, height: 900 },
        ignoreHTTPSErrors: true,
      });
      const page = await context.newPage();
      const guard = createPageGuard(page, 'http2');
      guard.allowNetworkFailures('close-before-answer resets the stream after the file was stored');
      const { frame, appFrame } = await openWidget(page, stack.emulator.url);
      const protocols = new Set<string>();
      const cdp = await context.newCDPSession(appFrame);
      cdp.on('Network.responseReceived', (event) => {
        if (event.response.url.includes('/rest/')) protocols.add(event.response.protocol ?? '');
      });
      await cdp.send('Network.enable');
      const mark = requestLog.mark();
      stack.emulator.setScenario('close-before-answer', { count: 1, method: 'im.v2.File.upload' });
      let dropped: GivenFile | undefined;
      try {
        [dropped] = await setInputFiles(frame, [{ name: 'reset-stream.bin', size: 256 * 1024 }]);
        await waitForPhase(appFrame, dropped!.name, 'delivered');
      } finally {
        stack.emulator.clearScenario();
      }
      await requestLog.waitUntilClosed(uploadCallsTo(stack.emulator.url, mark));
      // The widget's REST calls really went over HTTP/2 (the browser's own record of them).
      expect(protocols.size).toBeGreaterThan(0);
      expect([...protocols]).toEqual(['h2']);
      const copies = await settledCopies(stack.emulator, dropped!.sha256);
      expect(copies.map((c) => c.name)).toEqual([dropped!.name]);
      // The reset upload was stored once; the widget checked the chat instead of sending again.
      expect(acceptedCopies(stack.emulator, dropped!)).toHaveLength(1);
      guard.assertClean();
    } finally {
      await browser.close();
    }
  });
});
