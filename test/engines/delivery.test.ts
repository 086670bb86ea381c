// Issue 12, in Firefox ESR and WebKitGTK (the Chromium copies are in test/e2e/upload.test.ts):
// files arrive byte-identical and once, whichever way they enter; the 100 MiB limit holds at its
// exact edge, refused before any byte is read; the IM_TEXTAREA text goes out with the file.
import { rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/core/validateFile.ts';
import { chatFiles } from '../support/chatFiles.ts';
import { expectOnceByContent } from '../support/engines/expectOnceByContent.ts';
import { setupEngineStack } from '../support/engines/setupEngineStack.ts';
import {
  dropFilesIn,
  openWidgetIn,
  pickFiles,
  typeInApp,
  waitForPhaseIn,
} from '../support/engines/widgetActions.ts';
import { readPhasesInPage, recordPhasesInPage } from '../support/faultsPhaseRecorder.ts';
import { makeTestFile } from '../support/makeTestFile.ts';
import { requestLog, uploadCallsTo } from '../support/requestLog.ts';
import { setupScratchDir } from '../support/setupScratchDir.ts';

const MARKETING = 5;
const { stack, harness } = setupEngineStack();
const scratch = setupScratchDir('chat-drop-engines-');

describe('delivery is byte-identical', () => {
  test('a 1 KiB file handed to the file picker arrives byte-identical, once', async () => {
    const session = await harness.newSession();
    await openWidgetIn(session, stack.emulator.url);
    const file = await makeTestFile('one-kib.bin', 1024);
    await pickFiles(session, [file.path]);
    await waitForPhaseIn(session, file.name, 'delivered');
    await expectOnceByContent(stack.emulator, MARKETING, { label: file.name, ...file });
  });

  test('a dropped 10 MiB file arrives byte-identical, once', async () => {
    const session = await harness.newSession();
    await openWidgetIn(session, stack.emulator.url);
    const file = await makeTestFile('ten-mib.bin', 10 * 1024 * 1024);
    await dropFilesIn(session, [file.path]);
    await waitForPhaseIn(session, file.name, 'delivered', 90_000);
    await expectOnceByContent(stack.emulator, MARKETING, { label: file.name, ...file });
    await rm(file.path, { force: true });
  });

  // The one 100 MiB run of this engine (CI time): through a drop, the way most people add files.
  test('a dropped file of exactly 104,857,600 bytes arrives byte-identical, once', async () => {
    const session = await harness.newSession();
    await openWidgetIn(session, stack.emulator.url);
    const file = await makeTestFile('exactly-100-mib.bin', MAX_FILE_BYTES);
    await dropFilesIn(session, [file.path]);
    await waitForPhaseIn(session, file.name, 'delivered', 400_000);
    await expectOnceByContent(stack.emulator, MARKETING, { label: file.name, ...file });
    await rm(file.path, { force: true });
  }, 480_000);
});

describe('the size limit', () => {
  test('a file one byte over 100 MiB is refused as FILE_TOO_LARGE before it is read, and nothing is sent', async () => {
    const session = await harness.newSession();
    await openWidgetIn(session, stack.emulator.url);
    await session.app(recordPhasesInPage);
    // A sparse file: never read, so its bytes need not exist on disk.
    const path = join(scratch(), 'over-limit.bin');
    await writeFile(path, '');
    await truncate(path, MAX_FILE_BYTES + 1);
    const since = requestLog.mark();
    await pickFiles(session, [path]);
    const row = await waitForPhaseIn(session, 'over-limit.bin', 'failed', 15_000);
    expect(row.text).toContain('FILE_TOO_LARGE');
    // Barrier instead of a sleep: a later file through the same queue is delivered, and every
    // upload request is closed; only then is "nothing else was sent" a fact.
    const sentinel = await makeTestFile('after-over-limit.bin', 64);
    await pickFiles(session, [sentinel.path]);
    await waitForPhaseIn(session, sentinel.name, 'delivered');
    await requestLog.waitUntilClosed(uploadCallsTo(stack.emulator.url));
    expect(requestLog.list(uploadCallsTo(stack.emulator.url, since))).toHaveLength(1);
    const phases = (await session.app(readPhasesInPage))['over-limit.bin'] ?? [];
    expect(phases, 'phases of the refused row').not.toContain('reading');
    expect(phases, 'phases of the refused row').not.toContain('sending');
    expect(stack.emulator.uploads().filter((u) => u.size > MAX_FILE_BYTES)).toEqual([]);
  });
});

describe('the message', () => {
  test('in IM_TEXTAREA the chat input text goes out with the file and the chat input is cleared', async () => {
    const session = await harness.newSession();
    const text = 'Draft typed in the chat — with a file 📎';
    await openWidgetIn(session, stack.emulator.url, {
      placement: 'IM_TEXTAREA',
      chatInputText: text,
    });
    const deadline = Date.now() + 10_000;
    let shown = '';
    while (Date.now() < deadline) {
      shown = await session.app(
        () =>
          document.querySelector<HTMLTextAreaElement>('[data-testid="message-input"]')?.value ?? '',
      );
      if (shown === text) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(shown, 'the widget shows the chat input text').toBe(text);
    const file = await makeTestFile('from-textarea.txt', 512);
    await dropFilesIn(session, [file.path]);
    await waitForPhaseIn(session, file.name, 'delivered');
    await expectOnceByContent(stack.emulator, MARKETING, { label: file.name, ...file });
    const carrying = chatFiles(stack.emulator, MARKETING).filter((f) => f.sha256 === file.sha256);
    expect(carrying.map((f) => f.messageText)).toEqual([text]);
    const clearedBy = Date.now() + 10_000;
    let left = text;
    while (Date.now() < clearedBy && left !== '') {
      left = await session.top(
        () => document.querySelector<HTMLInputElement>('[data-testid="chat-input"]')?.value ?? '',
      );
      if (left !== '') await new Promise((r) => setTimeout(r, 100));
    }
    expect(left, 'the chat input after delivery').toBe('');
  });

  test('the text typed in the widget arrives as the message that carries the file', async () => {
    const session = await harness.newSession();
    await openWidgetIn(session, stack.emulator.url);
    const text = 'Quarterly figures — see the attachment';
    await typeInApp(session, '[data-testid="message-input"]', text);
    const file = await makeTestFile('with-message.txt', 300);
    await pickFiles(session, [file.path]);
    await waitForPhaseIn(session, file.name, 'delivered');
    const carrying = chatFiles(stack.emulator, MARKETING).filter((f) => f.sha256 === file.sha256);
    expect(carrying.map((f) => f.messageText)).toEqual([text]);
  });
});
