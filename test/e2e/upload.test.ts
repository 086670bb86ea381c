// Issue 3: files dropped into the widget arrive in the chat byte-identical, once; the 100 MiB
// limit holds at its exact edge; faults end in "delivered once" or a failure the user can act on.
// Every test checks the chat's final state in the emulator, not only what the widget shows.
import { rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { chatFiles } from '../support/chatFiles.ts';
import { dragPaths } from '../support/dragPaths.ts';
import { setInputFiles } from '../support/setInputFiles.ts';
import { longTaskProbe } from '../support/longTaskProbe.ts';
import { makeTestFile } from '../support/makeTestFile.ts';
import { openWidget } from '../support/openWidget.ts';
import { recordProgress } from '../support/recordProgress.ts';
import { requestLog, uploadCallsTo } from '../support/requestLog.ts';
import { sha256OfDownload } from '../support/sha256.ts';
import { setupE2e } from '../support/setupE2e.ts';
import { setupScratchDir } from '../support/setupScratchDir.ts';
import { waitForChatFiles } from '../support/waitForChatFiles.ts';
import { waitForPhase } from '../support/waitForPhase.ts';

const LIMIT = 104_857_600;
const MARKETING = 5;
/** Issue 6: no main-thread task over 200 ms while the queue runs (the page never freezes). */
const LONGEST_TASK_MS = 200;

const { stack, harness } = setupE2e();
const scratch = setupScratchDir('chat-drop-upload-');

/** Files of this chat with `name`, from the emulator. */
function inChat(name: string) {
  return chatFiles(stack.emulator, MARKETING).filter((f) => f.name === name);
}
function uploadsNamed(name: string) {
  return stack.emulator.uploads().filter((u) => u.name === name);
}

/** Asserts that `file` is in the chat exactly once and that its download is byte-identical. */
async function expectDeliveredOnce(file: { name: string; size: number; sha256: string }) {
  const [arrived] = await waitForChatFiles(stack.emulator, MARKETING, [file.name]);
  // On a duplicate, the request ids tell a resent request (same id) from a second user action.
  const accepted = uploadsNamed(file.name).map((u) => `${u.requestId}@${String(u.at)}`);
  expect(
    inChat(file.name),
    `messages with ${file.name}; accepted uploads: ${accepted.join(', ')}`,
  ).toHaveLength(1);
  expect(accepted, `accepted uploads of ${file.name}`).toHaveLength(1);
  expect(arrived?.size).toBe(file.size);
  expect(arrived?.sha256).toBe(file.sha256);
  const download = await sha256OfDownload(arrived?.urlDownload ?? '');
  expect(download.status).toBe(200);
  expect(download.size).toBe(file.size);
  expect(download.sha256).toBe(file.sha256);
}

describe('delivery is byte-identical', () => {
  // The headline cases go through a real drop (Chromium's own drag pipeline, with the files'
  // paths), the way most people add files; the picker path has its own test below.
  test('a dropped 1 KiB file arrives in the chat byte-identical', async () => {
    const { page, frame, appFrame } = await harness.openWidget(stack.emulator.url);
    const file = await makeTestFile('one-kib.bin', 1024);
    await dragPaths(page, frame, [file.path]);
    await waitForPhase(appFrame, 'one-kib.bin', 'delivered');
    await expectDeliveredOnce(file);
  });

  test('a 1 KiB file handed to the file picker arrives in the chat byte-identical', async () => {
    const { frame, appFrame } = await harness.openWidget(stack.emulator.url);
    const [given] = await setInputFiles(frame, [{ name: 'picked-kib.bin', size: 1024 }]);
    await waitForPhase(appFrame, 'picked-kib.bin', 'delivered');
    await expectDeliveredOnce(given!);
  });

  test('a dropped 10 MiB file arrives in the chat byte-identical', async () => {
    const { page, frame, appFrame } = await harness.openWidget(stack.emulator.url);
    const file = await makeTestFile('ten-mib.bin', 10 * 1024 * 1024);
    await dragPaths(page, frame, [file.path]);
    await waitForPhase(appFrame, 'ten-mib.bin', 'delivered', 90_000);
    await expectDeliveredOnce(file);
  });

  test('a dropped file of exactly 104,857,600 bytes arrives byte-identical, with progress that never goes back and a page that never freezes', async () => {
    const { page, context } = await harness.newPage();
    await longTaskProbe.install(context);
    const { frame, appFrame } = await openWidget(page, stack.emulator.url);
    const file = await makeTestFile('exactly-100-mib.bin', LIMIT);
    const since = await longTaskProbe.now(appFrame);
    const progress = await recordProgress(appFrame, 'exactly-100-mib.bin');
    await dragPaths(page, frame, [file.path]);
    await waitForPhase(appFrame, 'exactly-100-mib.bin', 'delivered', 240_000);
    const samples = await progress.stop();
    const longTasks = await longTaskProbe.read(appFrame, since);
    await expectDeliveredOnce(file);
    await rm(file.path, { force: true });

    // Progress: shown while reading and sending, never above 100 %, never backwards.
    const values = samples.flatMap((s) => (s.value === undefined ? [] : [s.value]));
    expect(samples.some((s) => s.phase === 'sending' && s.value !== undefined)).toBe(true);
    expect(values.filter((v) => v > 0 && v < 100).length).toBeGreaterThan(2);
    expect(Math.max(...values)).toBeLessThanOrEqual(100);
    const backwards = values.filter((v, i) => i > 0 && v < values[i - 1]!);
    expect(backwards, 'progress values that went backwards').toEqual([]);
    // The page: no main-thread task in the app frame long enough to freeze it. The message names
    // the row's phase and progress when each long task began, to show where the time went.
    const longest = Math.max(0, ...longTasks.map((t) => t.duration));
    const where = longTasks.map((t) => {
      const at = samples.filter((s) => s.at <= t.startTime).at(-1);
      return `${Math.round(t.duration)} ms in ${at?.phase ?? 'start'} at ${at?.value ?? '?'} %`;
    });
    if (process.env.CHAT_DROP_E2E_VERBOSE) console.log(`100 MiB long tasks: ${where.join(', ')}`);
    expect(longest, `long tasks: ${where.join(', ')}`).toBeLessThanOrEqual(LONGEST_TASK_MS);
  }, 300_000);
});

describe('the message', () => {
  test('the text typed in the widget arrives as the message that carries the file', async () => {
    const { frame, appFrame } = await harness.openWidget(stack.emulator.url);
    const text = 'Quarterly figures — see the attachment 📎';
    await frame.getByTestId('message-input').fill(text);
    const [dropped] = await setInputFiles(frame, [{ name: 'with-message.txt', size: 512 }]);
    await waitForPhase(appFrame, 'with-message.txt', 'delivered');
    await expectDeliveredOnce(dropped!);
    expect(inChat('with-message.txt').map((f) => f.messageText)).toEqual([text]);
    // The field is emptied once used, so the next drop does not repeat the text.
    expect(await frame.getByTestId('message-input').inputValue()).toBe('');
  });

  test('in IM_TEXTAREA the chat input text becomes the message and is cleared once delivered', async () => {
    const { page } = await harness.newPage();
    const text = 'Draft typed in the chat before opening the app';
    const { frame, appFrame } = await openWidget(page, stack.emulator.url, {
      placement: 'IM_TEXTAREA',
      chatInputText: text,
    });
    await expect
      .poll(() => frame.getByTestId('message-input').inputValue(), { timeout: 10_000 })
      .toBe(text);
    const [dropped] = await setInputFiles(frame, [{ name: 'from-textarea.txt', size: 512 }]);
    await waitForPhase(appFrame, 'from-textarea.txt', 'delivered');
    await expectDeliveredOnce(dropped!);
    expect(inChat('from-textarea.txt').map((f) => f.messageText)).toEqual([text]);
    await expect
      .poll(() => page.getByTestId('chat-input').inputValue(), { timeout: 10_000 })
      .toBe('');
  });
});

describe('the size limit', () => {
  test('a file one byte over 100 MiB never leaves the browser and its row says it is too large', async () => {
    const { frame, appFrame } = await harness.openWidget(stack.emulator.url);
    // A sparse file: its bytes are never read, so they need not exist on disk.
    const path = join(scratch(), 'over-limit.bin');
    await writeFile(path, '');
    await truncate(path, LIMIT + 1);
    const since = requestLog.mark();
    await setInputFiles(frame, [{ name: 'over-limit.bin', path, size: LIMIT + 1, sha256: '' }]);
    const row = await waitForPhase(appFrame, 'over-limit.bin', 'failed', 15_000);
    expect(row.text).toContain('FILE_TOO_LARGE');
    // Barrier instead of a pause: a file added after it goes through the same queue; once that
    // one is delivered and no upload call is open, the refused file had every chance to be sent.
    await setInputFiles(frame, [{ name: 'after-over-limit.txt', buffer: Buffer.from('next') }]);
    await waitForPhase(appFrame, 'after-over-limit.txt', 'delivered');
    await requestLog.waitUntilClosed(uploadCallsTo(stack.emulator.url));
    expect(requestLog.list(uploadCallsTo(stack.emulator.url, since))).toHaveLength(1);
    expect(uploadsNamed('over-limit.bin')).toHaveLength(0);
    expect(inChat('over-limit.bin')).toHaveLength(0);
  });
});

describe('cancel', () => {
  // A sparse file: its content is never compared (nothing may arrive), so no random bytes are
  // generated or written; the browser still reads and sends all 100 MiB of it.
  let big: { name: string; path: string; size: number; sha256: string };
  beforeAll(async () => {
    const path = join(scratch(), 'cancel-me.bin');
    await writeFile(path, '');
    await truncate(path, LIMIT);
    big = { name: 'cancel-me.bin', path, size: LIMIT, sha256: '' };
  });

  test('cancelling a file while it is being sent leaves no message in the chat', async () => {
    const { guard, frame, appFrame } = await harness.openWidget(stack.emulator.url);
    guard.allowNetworkFailures('the cancelled request is aborted by the widget');
    await setInputFiles(frame, [big]);
    await waitForPhase(appFrame, 'cancel-me.bin', 'sending', 60_000);
    const row = frame.getByTestId('upload-row').filter({ hasText: 'cancel-me.bin' });
    await row.getByRole('button', { name: 'Cancel', exact: true }).click();
    await waitForPhase(appFrame, 'cancel-me.bin', 'cancelled', 15_000);
    // The server commits a file only after reading its whole body: once no upload call is open
    // (the aborted one closed), nothing can still arrive.
    await requestLog.waitUntilClosed(uploadCallsTo(stack.emulator.url));
    expect(uploadsNamed('cancel-me.bin')).toHaveLength(0);
    expect(inChat('cancel-me.bin')).toHaveLength(0);
  }, 180_000);
});
