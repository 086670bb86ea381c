// Issue 4 ("Done when"): the widget a person uses, in real Chromium inside the emulator. A drop
// shows progress and a delivered toast and the file appears in the portal's own chat view; on the
// app's own page (DEFAULT placement) the chat picker decides where a dropped file goes.
import type { Frame } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { setInputFiles } from '../support/setInputFiles.ts';
import { setupE2e } from '../support/setupE2e.ts';
import { waitForChatFiles } from '../support/waitForChatFiles.ts';
import { waitForPhase } from '../support/waitForPhase.ts';

const MARKETING = 5;
const DESIGN = 9;

const { stack, harness } = setupE2e();

/** True when the row of `name` is reading, sending or waiting and shows a progress bar. */
function inFlightWithBar(appFrame: Frame, name: string): Promise<boolean> {
  return appFrame.evaluate(
    (wanted) =>
      Array.from(document.querySelectorAll<HTMLElement>('[data-testid="upload-row"]')).some(
        (row) =>
          row.dataset.name === wanted &&
          ['reading', 'sending', 'waiting'].includes(row.dataset.phase ?? '') &&
          row.querySelector('[role="progressbar"]') !== null,
      ),
    name,
  );
}

/** Names of the files the emulator stored in `chatId`. */
function fileNamesIn(chatId: number): string[] {
  return stack.emulator.messages(chatId).flatMap((m) => m.files.map((f) => f.name));
}

describe('drop, progress, toast, chat', () => {
  test('a dropped file shows progress, then a delivered toast with "Open in chat", then appears in the chat view', async () => {
    const { page, frame, appFrame } = await harness.openWidget(stack.emulator.url);
    const name = 'widget-roundtrip.txt';
    // Slow the upload answer a little so the in-flight row can be seen before it settles.
    stack.emulator.setScenario('slow', { delayMs: 1_500, count: 1, method: 'im.v2.File.upload' });
    try {
      await setInputFiles(frame, [{ name, size: 2048, mimeType: 'text/plain' }]);
      const row = frame.getByTestId('upload-row').filter({ hasText: name });
      await row.waitFor({ timeout: 15_000 });
      // While in flight the row carries a progress bar (phase and bar read in one snapshot).
      await expect
        .poll(() => inFlightWithBar(appFrame, name), { timeout: 15_000, interval: 50 })
        .toBe(true);
      await waitForPhase(appFrame, name, 'delivered', 30_000);
    } finally {
      stack.emulator.clearScenario();
    }

    // The toast lives inside the widget's frame (sonner's Toaster is part of the panel).
    const toast = frame.locator('[data-sonner-toast]').filter({ hasText: name });
    await toast.getByRole('button', { name: 'Open in chat' }).waitFor({ timeout: 10_000 });

    // The portal's messenger (polling every second) shows the file in the open chat.
    await waitForChatFiles(stack.emulator, MARKETING, [name], 15_000);
    await page
      .getByTestId('message-list')
      .getByTestId('message-file')
      .filter({ hasText: name })
      .waitFor({ timeout: 15_000 });
  });
});

describe('the chat picker in the DEFAULT placement', () => {
  test('a file dropped after searching for "Design" and picking it lands in chat9, not chat5', async () => {
    const { page } = await harness.newPage();
    await page.goto(new URL('/marketplace/app/1/?user=1&lang=en', stack.emulator.url).href);
    const frameElement = page.getByTestId('app-frame');
    const frame = frameElement.contentFrame();
    await frame.getByTestId('chat-search').fill('Design');
    const option = frame.getByTestId('chat-option').filter({ hasText: 'Design' });
    await option.waitFor({ timeout: 15_000 });
    // The search narrows the list: Marketing is not offered any more.
    await expect
      .poll(() => frame.getByTestId('chat-option').filter({ hasText: 'Marketing' }).count())
      .toBe(0);
    await option.click();
    await expect
      .poll(() => frame.getByTestId('chat-header').textContent(), { timeout: 15_000 })
      .toContain('Design');

    const appFrame = await (await frameElement.elementHandle())?.contentFrame();
    if (!appFrame) throw new Error('the app iframe has no content frame');
    const name = 'picked-design.txt';
    const before = fileNamesIn(MARKETING);
    await setInputFiles(frame, [{ name, size: 1024, mimeType: 'text/plain' }]);
    await waitForPhase(appFrame, name, 'delivered', 30_000);

    await waitForChatFiles(stack.emulator, DESIGN, [name], 15_000);
    expect(fileNamesIn(DESIGN).filter((n) => n === name)).toHaveLength(1);
    expect(fileNamesIn(MARKETING)).toEqual(before);
    expect(stack.emulator.uploads().filter((u) => u.name === name)).toMatchObject([
      { dialogId: 'chat9', chatId: DESIGN },
    ]);
  });
});
