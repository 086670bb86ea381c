// Issue 11 (the transport side): against the faithful emulator in real Chromium, every dropped
// file ends in the chat once — checked in the chat's final state (messages, stored names, SHA-256)
// — or as a failure with a true reason; the portal's corrected names, two equal-sized files of one
// name, proxy and HTML answers, and placement options as JSON text.
import type { Frame, FrameLocator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { diskStoredName } from '../../src/core/diskStoredName.ts';
import { en } from '../../src/i18n/en.ts';
import { chatFiles } from '../support/chatFiles.ts';
import { setInputFiles, type GivenFile, type InputFile } from '../support/setInputFiles.ts';
import { openWidget, type OpenedWidget } from '../support/openWidget.ts';
import { setupE2e } from '../support/setupE2e.ts';
import { setupStack } from '../support/setupStack.ts';
import type { Stack } from '../support/startStack.ts';
import type { Emulator } from '../support/stackTypes.ts';
import { waitForStoredLedger } from '../support/waitForStoredLedger.ts';
import { readRows, waitForPhase } from '../support/waitForPhase.ts';

const MARKETING = 5;
const { stack, harness } = setupE2e({ rateLimit: false });

function stored(emulator: Emulator, name: string) {
  return chatFiles(emulator, MARKETING).filter((f) => f.name === name);
}

/** The chat holds each file once under `storedName`, with the dropped bytes; accepted once. */
function expectOnceAs(emulator: Emulator, dropped: GivenFile, storedName: string): void {
  const copies = chatFiles(emulator, MARKETING).filter((f) => f.sha256 === dropped.sha256);
  expect(copies, dropped.name).toHaveLength(1);
  expect(copies[0]?.name, dropped.name).toBe(storedName);
  expect(
    emulator.uploads().filter((u) => u.sha256 === dropped.sha256),
    dropped.name,
  ).toHaveLength(1);
}

/** The person answers the "already in this chat" prompt with Send again. */
async function sendAgain(frame: FrameLocator): Promise<void> {
  const prompt = frame.getByTestId('already-sent');
  await prompt.getByRole('button', { name: en.sendAgain }).click({ timeout: 30_000 });
  await prompt.waitFor({ state: 'detached' });
}

/**
 * Delivers `first` in one panel; then, in a second panel (a later session: the first delivery is
 * not among its receipts, but it is in the ledger once the portal has stored it, so the same name
 * and size asks before sending), drops `second` with its answer lost and answers Send again.
 * Returns both files as dropped, once `second` is delivered.
 */
async function deliverThenSendAgainLater(
  first: InputFile,
  second: InputFile,
): Promise<[GivenFile, GivenFile]> {
  const { page, guard } = await harness.newPage();
  guard.allowNetworkFailures('close-mid-answer destroys the socket after the file was stored');
  const { frame, appFrame } = await openWidget(page, stack.emulator.url);
  const [older] = await setInputFiles(frame, [first]);
  await waitForPhase(appFrame, first.name, 'delivered');
  await waitForStoredLedger(stack.emulator.dataDir, first.name);
  const later = await harness.newPage();
  later.guard.allowNetworkFailures('close-mid-answer destroys the socket');
  const next = await openWidget(later.page, stack.emulator.url);
  stack.emulator.setScenario('close-mid-answer', { count: 1 });
  try {
    const [newer] = await setInputFiles(next.frame, [second]);
    await sendAgain(next.frame);
    await waitForPhase(next.appFrame, second.name, 'delivered');
    return [older!, newer!];
  } finally {
    stack.emulator.clearScenario();
  }
}

/**
 * The widget in a page whose portal sits behind a proxy that answers `status` (`why`) with a page
 * without CORS headers: the page sees status 0 and Chromium logs the CORS block, both allowed.
 */
async function openBehindCorslessProxy(
  on: Stack,
  status: number,
  why: string,
): Promise<OpenedWidget> {
  const { page, guard } = await harness.newPage();
  guard.allowNetworkFailures(`the ${status} page has no CORS headers: status 0 to the page`);
  guard.allowFailedResponses([status], why);
  guard.allow(/blocked by CORS policy/, 'a proxy page has no CORS headers: only PHP adds them');
  return openWidget(page, on.emulator.url);
}

async function phasesSeen(appFrame: Frame, name: string): Promise<string> {
  return (await readRows(appFrame)).find((r) => r.name === name)?.phase ?? '';
}

describe('exactly once with the portal’s corrected names', () => {
  test('a file stored under a corrected name, its answer lost, is found in the chat and delivered once, never re-sent', async () => {
    const { page, guard } = await harness.newPage();
    guard.allowNetworkFailures('close-mid-answer destroys the socket after the file was stored');
    const { frame, appFrame } = await openWidget(page, stack.emulator.url);
    const files = [
      { name: 'Отчёт: Q3 "итог"?.pdf', buffer: Buffer.from('report q3 %PDF') },
      { name: '📊 plan.xlsx', buffer: Buffer.from('plan sheet') },
      { name: 'a<b>|c*.txt', buffer: Buffer.from('odd characters') },
    ];
    stack.emulator.setScenario('close-mid-answer', { count: files.length });
    try {
      const dropped = await setInputFiles(frame, files);
      for (const f of files) await waitForPhase(appFrame, f.name, 'delivered');
      expect(stored(stack.emulator, 'Отчёт_ Q3 _итог__.pdf')).toHaveLength(1);
      for (const d of dropped) expectOnceAs(stack.emulator, d, diskStoredName(d.name));
    } finally {
      stack.emulator.clearScenario();
    }
  });

  test('report.pdf stored as "report (1).pdf" next to an older report.pdf, its answer lost: delivered once', async () => {
    const [older, newer] = await deliverThenSendAgainLater(
      { name: 'report.pdf', buffer: Buffer.from('v1') },
      { name: 'report.pdf', buffer: Buffer.from('v2') },
    );
    expectOnceAs(stack.emulator, older, 'report.pdf');
    expectOnceAs(stack.emulator, newer, 'report (1).pdf');
  });
});

describe('identity is not name and size', () => {
  test('two different image.png of the same size, the second’s answer lost: both contents in the chat once each', async () => {
    const [first, second] = await deliverThenSendAgainLater(
      { name: 'image.png', size: 2048 },
      { name: 'image.png', size: 2048 },
    );
    expect(second.sha256).not.toBe(first.sha256);
    expectOnceAs(stack.emulator, first, 'image.png');
    expectOnceAs(stack.emulator, second, 'image (1).png');
  });
});

describe('proxy and HTML answers', () => {
  test('a 502 page without CORS after the portal stored the file: unknown outcome, the chat is checked, delivered once', async () => {
    const { frame, appFrame } = await openBehindCorslessProxy(stack, 502, 'the proxy answers 502');
    const name = 'behind-a-proxy.txt';
    stack.emulator.setScenario('proxy-error', { count: 1, status: 502, mode: 'after' });
    try {
      const [dropped] = await setInputFiles(frame, [{ name, buffer: Buffer.from('proxied') }]);
      await waitForPhase(appFrame, name, 'delivered');
      expectOnceAs(stack.emulator, dropped!, name);
    } finally {
      stack.emulator.clearScenario();
    }
  });

  test('a 200 login page is never "delivered": a readable reason without raw codes, nothing stored; Retry then delivers once', async () => {
    const { page } = await harness.newPage();
    const { frame, appFrame } = await openWidget(page, stack.emulator.url);
    const name = 'login-page.txt';
    stack.emulator.setScenario('html-answer', {
      count: 1,
      mode: 'login',
      method: 'im.v2.File.upload',
    });
    let dropped: GivenFile | undefined;
    try {
      [dropped] = await setInputFiles(frame, [{ name, buffer: Buffer.from('after sign-in') }]);
      const row = await waitForPhase(appFrame, name, 'failed');
      expect(row.text).toContain(en.error_htmlAnswer);
      expect(row.text).not.toMatch(/TypeError|JSSDK_/);
      expect(stored(stack.emulator, name)).toHaveLength(0);
    } finally {
      stack.emulator.clearScenario();
    }
    await frame
      .getByTestId('upload-row')
      .filter({ has: frame.getByTitle(name, { exact: true }) })
      .getByRole('button', { name: en.retry, exact: true })
      .click();
    await waitForPhase(appFrame, name, 'delivered');
    expectOnceAs(stack.emulator, dropped!, name);
  });

  test('a 503 maintenance page: the file waits and is sent when the portal is back (not "rate limit"), once', async () => {
    const { page, guard } = await harness.newPage();
    guard.allowFailedResponses([503], 'the maintenance page answers 503');
    const { frame, appFrame } = await openWidget(page, stack.emulator.url);
    const name = 'maintenance.txt';
    stack.emulator.setScenario('html-answer', {
      mode: 'maintenance',
      seconds: 3,
      method: 'im.v2.File.upload',
    });
    try {
      const [dropped] = await setInputFiles(frame, [{ name, buffer: Buffer.from('patience') }]);
      const waiting = await waitForPhase(appFrame, name, 'waiting');
      expect(waiting.text).not.toContain(en.error_rateLimit);
      await waitForPhase(appFrame, name, 'delivered', 90_000);
      expectOnceAs(stack.emulator, dropped!, name);
    } finally {
      stack.emulator.clearScenario();
    }
  }, 120_000);
});

describe('placement options as the portal sends them', () => {
  test('PLACEMENT_OPTIONS as JSON text: the widget finds its chat and delivers there once', async () => {
    const { page } = await harness.newPage();
    stack.emulator.setScenario('placement-options-text');
    try {
      const { frame, appFrame } = await openWidget(page, stack.emulator.url);
      const name = 'placement-as-text.txt';
      const [dropped] = await setInputFiles(frame, [
        { name, buffer: Buffer.from('found my chat') },
      ]);
      await waitForPhase(appFrame, name, 'delivered');
      expect(await phasesSeen(appFrame, name)).toBe('delivered');
      expectOnceAs(stack.emulator, dropped!, name);
    } finally {
      stack.emulator.clearScenario();
    }
  });
});

describe('a proxy body limit in front of the portal', () => {
  const limited = setupStack({ rateLimit: false, proxyBodyLimit: 1024 * 1024 });

  // Status 0 to the page after the request started is an unknown outcome (the page cannot prove the
  // body did not arrive): the chat is checked, the file is not there, and the row says so
  // honestly ("check the chat") with Retry; the other files go on.
  test('a 413 page without CORS: an unknown outcome, the chat is checked, that file fails and is not in the chat, the other files go on', async () => {
    const { frame, appFrame } = await openBehindCorslessProxy(
      limited,
      413,
      'the proxy refuses the large body',
    );
    const dropped = await setInputFiles(frame, [
      { name: 'too-big-for-the-proxy.bin', size: 3 * 1024 * 1024 },
      { name: 'fits.txt', buffer: Buffer.from('small enough') },
    ]);
    const row = await waitForPhase(appFrame, 'too-big-for-the-proxy.bin', 'failed');
    expect(row.text).toContain(en.error_network);
    await waitForPhase(appFrame, 'fits.txt', 'delivered');
    expect(chatFiles(limited.emulator, MARKETING).map((f) => f.name)).not.toContain(
      'too-big-for-the-proxy.bin',
    );
    expectOnceAs(limited.emulator, dropped[1]!, 'fits.txt');
  });
});
