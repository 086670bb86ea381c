// Issue 12, in Firefox ESR and WebKitGTK: the fault core (a rate-limit storm, an access token
// expiring, an answer lost after the file was stored, a 500) ends in "delivered once" or a
// failure with the right next step, and the ledger tells after a reload what arrived (also with
// third-party storage blocked). The full fault matrix runs in Chromium (test/e2e/reliability).
import { describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { chatFiles } from '../support/chatFiles.ts';
import type { EngineSession } from '../support/engines/EngineSession.ts';
import { expectOnceByContent } from '../support/engines/expectOnceByContent.ts';
import { setupEngineStack } from '../support/engines/setupEngineStack.ts';
import {
  dropFilesIn,
  openPlacementIn,
  openWidgetIn,
  readRowsIn,
  waitForPhaseIn,
  waitInApp,
} from '../support/engines/widgetActions.ts';
import { readPhasesInPage, recordPhasesInPage } from '../support/faultsPhaseRecorder.ts';
import { makeTestFile, type TestFile } from '../support/makeTestFile.ts';
import { requestLog, uploadCallsTo } from '../support/requestLog.ts';

const MARKETING = 5;
// The portal's rate limit is off so earlier tests cannot empty the bucket for later ones; the
// storm test provokes its refusals on purpose.
const { stack, harness } = setupEngineStack({ rateLimit: false });

function smallFiles(prefix: string, count: number): Promise<TestFile[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => makeTestFile(`${prefix}-${i + 1}.txt`, 200 + i)),
  );
}

async function expectEachOnce(files: readonly TestFile[]): Promise<void> {
  for (const f of files)
    await expectOnceByContent(stack.emulator, MARKETING, { label: f.name, ...f });
}

/** Clicks the row action button labelled `label` in the row of `name`. */
function clickRowButton(session: EngineSession, name: string, label: string): Promise<void> {
  return session.app(
    (file: string, text: string) => {
      const row = Array.from(
        document.querySelectorAll<HTMLElement>('[data-testid="upload-row"]'),
      ).find((r) => r.dataset.name === file);
      const button = Array.from(row?.querySelectorAll('button') ?? []).find(
        (b) => b.textContent?.trim() === text || b.getAttribute('aria-label') === text,
      );
      if (!button) throw new Error(`no "${text}" button in the row of ${file}`);
      button.click();
    },
    name,
    label,
  );
}

describe('faults the widget survives on its own', () => {
  test('a rate-limit storm: every file delivered once, the refusals only shown as waiting', async () => {
    const session = await harness.newSession();
    await openWidgetIn(session, stack.emulator.url);
    await session.app(recordPhasesInPage);
    const files = await smallFiles('storm', 3);
    // Two refusals: the engine's backoff doubles per refusal (2 s, then 4 s).
    stack.emulator.setScenario('rate-limit-storm', { count: 2 });
    try {
      await dropFilesIn(
        session,
        files.map((f) => f.path),
      );
      for (const f of files) await waitForPhaseIn(session, f.name, 'delivered', 90_000);
    } finally {
      stack.emulator.clearScenario();
    }
    await expectEachOnce(files);
    const phases = await session.app(readPhasesInPage);
    expect(Object.values(phases).some((p) => p.includes('waiting'))).toBe(true);
    for (const f of files) expect(phases[f.name], f.name).not.toContain('failed');
  }, 120_000);

  test('an access token expiring mid-queue is refreshed: every file delivered once', async () => {
    const session = await harness.newSession();
    await openWidgetIn(session, stack.emulator.url);
    const files = await smallFiles('expiry', 4);
    await dropFilesIn(session, [files[0]!.path]);
    await waitForPhaseIn(session, files[0]!.name, 'delivered');
    stack.emulator.setScenario('token-expiry');
    try {
      await dropFilesIn(
        session,
        files.slice(1).map((f) => f.path),
      );
      for (const f of files) await waitForPhaseIn(session, f.name, 'delivered');
    } finally {
      stack.emulator.clearScenario();
    }
    await expectEachOnce(files);
  });

  test('an answer lost after the file was stored: the row checks the chat, finds it, and it is stored once', async () => {
    const session = await harness.newSession();
    await openWidgetIn(session, stack.emulator.url);
    await session.app(recordPhasesInPage);
    const [file] = await smallFiles('answer-lost', 1);
    stack.emulator.setScenario('response-drop', { count: 1 });
    try {
      await dropFilesIn(session, [file!.path]);
      await waitForPhaseIn(session, file!.name, 'delivered');
    } finally {
      stack.emulator.clearScenario();
    }
    const phases = (await session.app(readPhasesInPage))[file!.name] ?? [];
    expect(phases).toContain('checking');
    expect(phases.indexOf('checking')).toBeLessThan(phases.indexOf('delivered'));
    // Barrier, not a sleep: once no upload call is open, a resend by the engine's network stack
    // would already be in the log and in the chat.
    await requestLog.waitUntilClosed(uploadCallsTo(stack.emulator.url));
    await expectEachOnce([file!]);
  });
});

describe('a fault that ends in a failure with the right next step', () => {
  test('a 500: the chat is checked, the row fails with Retry, nothing is stored; Retry delivers once', async () => {
    const session = await harness.newSession();
    await openWidgetIn(session, stack.emulator.url);
    await session.app(recordPhasesInPage);
    const [file] = await smallFiles('server-500', 1);
    stack.emulator.setScenario('upload-500');
    try {
      await dropFilesIn(session, [file!.path]);
      const row = await waitForPhaseIn(session, file!.name, 'failed');
      expect(row.text).toContain(en.error_server);
      expect((await session.app(readPhasesInPage))[file!.name]).toContain('checking');
      await requestLog.waitUntilClosed(uploadCallsTo(stack.emulator.url));
      expect(stack.emulator.uploads().filter((u) => u.sha256 === file!.sha256)).toEqual([]);
    } finally {
      stack.emulator.clearScenario();
    }
    await clickRowButton(session, file!.name, en.retry);
    await waitForPhaseIn(session, file!.name, 'delivered');
    await expectEachOnce([file!]);
  });
});

/**
 * The ledger's entries after a reload, as a screen reader gives them: each item's text and its
 * buttons' accessible names (aria-label, else the visible text) and descriptions
 * (aria-describedby's text).
 */
function readLedger(session: EngineSession) {
  return session.app(() =>
    Array.from(document.querySelectorAll('[data-testid="ledger"] li')).map((li) => ({
      text: (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
      buttons: Array.from(li.querySelectorAll('button')).map((b) => ({
        name: (b.getAttribute('aria-label') ?? b.textContent ?? '').trim(),
        description: (b.getAttribute('aria-describedby') ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
          .trim(),
      })),
    })),
  );
}

/**
 * Drops files into a slow portal, reloads the page after the first is delivered, reopens the
 * widget and checks the ledger against the chat: "Delivered" only for what the chat holds, every
 * other file offered again or pointed to the chat, and nothing sent again on its own.
 */
async function ledgerSurvivesReload(session: EngineSession, prefix: string): Promise<void> {
  await openWidgetIn(session, stack.emulator.url);
  const files = await smallFiles(prefix, 5);
  stack.emulator.setScenario('slow', { delayMs: 1_000 });
  try {
    await dropFilesIn(
      session,
      files.map((f) => f.path),
    );
    await waitForPhaseIn(session, files[0]!.name, 'delivered');
    await session.reload();
  } finally {
    stack.emulator.clearScenario();
  }
  await openPlacementIn(session);
  await waitInApp(session, 'the ledger', () =>
    Boolean(document.querySelector('[data-testid="ledger"] li')),
  );
  // Any upload still open was sent before the reload; after it closes the counts are final.
  await requestLog.waitUntilClosed(uploadCallsTo(stack.emulator.url));
  const since = requestLog.mark();
  const entries = await readLedger(session);
  const countOf = (f: TestFile) =>
    chatFiles(stack.emulator, MARKETING).filter((c) => c.sha256 === f.sha256).length;
  const counts = files.map(countOf);
  expect(counts.filter((c) => c === 1).length, 'files in the chat').toBeGreaterThan(0);
  for (const [i, f] of files.entries()) {
    expect(counts[i], f.name).toBeLessThanOrEqual(1);
    const entry = entries.find((e) => e.text.startsWith(f.name));
    expect(entry, `${f.name} in the ledger`).toBeDefined();
    const checkChat = { name: en.ledgerCheckChatFile.replace('{name}', f.name), description: '' };
    const addAgain = { name: en.addAgain, description: f.name };
    if (entry!.buttons.length === 0) {
      expect(entry!.text, f.name).toContain(en.ledgerDelivered);
      expect(counts[i], `${f.name} said delivered`).toBe(1);
    } else if (counts[i] === 1) {
      // In the chat: pointed to the chat, never a one-click "Add again".
      expect(entry!.buttons, f.name).toEqual([checkChat]);
      expect(entry!.text, f.name).toContain(en.ledgerUnknownHint);
    } else {
      expect([[addAgain], [checkChat]], f.name).toContainEqual(entry!.buttons);
    }
  }
  // Nothing is sent again on its own: a file dropped now is the only upload call after the reload.
  const sentinel = await makeTestFile(`${prefix}-after-reload.txt`, 64);
  await dropFilesIn(session, [sentinel.path]);
  await waitForPhaseIn(session, sentinel.name, 'delivered');
  await requestLog.waitUntilClosed(uploadCallsTo(stack.emulator.url));
  expect(requestLog.list(uploadCallsTo(stack.emulator.url, since))).toHaveLength(1);
  expect(files.map(countOf)).toEqual(counts);
  expect(await readRowsIn(session).then((rows) => rows.map((r) => r.name))).toEqual([
    sentinel.name,
  ]);
}

describe('the ledger after a reload', () => {
  test('with the engine’s default storage (partitioned for the cross-site frame): the ledger matches the chat', async () => {
    await ledgerSurvivesReload(await harness.newSession(), `reload-${harness.engine}`);
  }, 120_000);

  // WebKit is left out: MiniBrowser has no switch and WebKitWebDriver no capability for a
  // third-party storage policy. Chromium here denies the cross-site frame storage by default, so
  // test/e2e/reliability.test.ts covers the blocked case there.
  if (harness.engine === 'firefox')
    test('with third-party storage blocked (Firefox: cookieBehavior 1): the ledger still matches the chat', async () => {
      const session = await harness.newSession({ blockThirdPartyStorage: true });
      await openWidgetIn(session, stack.emulator.url);
      // The setting is in force: the app frame cannot open localStorage.
      expect(
        await session.app(() => {
          try {
            return window.localStorage === null ? 'null' : 'available';
          } catch (error) {
            return (error as Error).name;
          }
        }),
      ).toBe('SecurityError');
      await ledgerSurvivesReload(session, 'reload-blocked');
    }, 120_000);
});
