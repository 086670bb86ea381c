// Issue 11 #1: the portal stored the file, then the connection closed with zero response bytes.
// Over HTTP/1.1 keep-alive Chromium re-sends the POST by itself when it went over a reused
// connection (the page sees one request and one 200); the portal stores that copy too. Rule: the
// chat ends with the file once (the widget's batch reconciliation removes its proven duplicate
// with im.message.delete) and the row is delivered. Over HTTP/2 the stream is reset instead, no
// browser re-send happens, and the chat still ends with one copy. Asserted on the chat's final
// state in the emulator (files, SHA-256), the emulator's upload log and the request log.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { chatFiles } from '../support/chatFiles.ts';
import { createPageGuard } from '../support/createPageGuard.ts';
import { openWidget } from '../support/openWidget.ts';
import { requestLog, uploadCallsTo } from '../support/requestLog.ts';
import { setInputFiles, type GivenFile } from '../support/setInputFiles.ts';
import { startStack, type Stack } from '../support/startStack.ts';
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

describe('exactly once when the browser re-sends the upload by itself (HTTP/1.1)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ rateLimit: false });
  });
  afterAll(async () => {
    await stack?.close();
  });

  test('the connection closes with zero bytes after the file was stored and Chromium re-sends it: the chat ends with one copy, the row delivered', async () => {
    const { page, guard } = await harness.newPage();
    guard.allowNetworkFailures('close-before-answer closes the socket after the file was stored');
    const { frame, appFrame } = await openWidget(page, stack.emulator.url);
    // A first upload opens the keep-alive connection the next one reuses: Chromium retries a
    // request by itself only when it went over a reused connection that then closed.
    const [warm] = await setInputFiles(frame, [
      { name: 'first-on-the-connection.txt', buffer: Buffer.from('opens the connection') },
    ]);
    await waitForPhase(appFrame, warm!.name, 'delivered');
    const mark = requestLog.mark();
    stack.emulator.setScenario('close-before-answer', { count: 1, method: 'im.v2.File.upload' });
    let dropped: GivenFile | undefined;
    try {
      [dropped] = await setInputFiles(frame, [
        { name: 'resent-by-the-browser.bin', size: 256 * 1024 },
      ]);
      await waitForPhase(appFrame, dropped!.name, 'delivered');
    } finally {
      stack.emulator.clearScenario();
    }
    await requestLog.waitUntilClosed(uploadCallsTo(stack.emulator.url, mark));

    // The body really arrived twice: two POSTs, the first closed without an answer, both stored.
    const posts = requestLog.list(uploadCallsTo(stack.emulator.url, mark));
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
    const { page, guard } = await harness.newPage();
    guard.allowNetworkFailures('close-before-answer closes the socket after the file was stored');
    const { frame, appFrame } = await openWidget(page, stack.emulator.url);
    const [warm] = await setInputFiles(frame, [
      { name: 'opens-the-connections.txt', buffer: Buffer.from('warm') },
    ]);
    await waitForPhase(appFrame, warm!.name, 'delivered');
    const mark = requestLog.mark();
    stack.emulator.setScenario('close-before-answer', { count: 3, method: 'im.v2.File.upload' });
    let dropped: GivenFile[];
    try {
      dropped = await setInputFiles(
        frame,
        [1, 2, 3].map((n) => ({ name: `together-${n}.bin`, size: 64 * 1024 * n })),
      );
      for (const file of dropped) await waitForPhase(appFrame, file.name, 'delivered');
    } finally {
      stack.emulator.clearScenario();
    }
    await requestLog.waitUntilClosed(uploadCallsTo(stack.emulator.url, mark));
    const posts = requestLog.list(uploadCallsTo(stack.emulator.url, mark));
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
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ rateLimit: false, https: true, http2: true });
  });
  afterAll(async () => {
    await stack?.close();
  });

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
