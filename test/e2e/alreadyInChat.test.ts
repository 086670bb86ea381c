// Issue 15 "Already in this chat": real Chromium in the emulator's messenger. A file with the name
// and size of one delivered to this chat recently is held, and the panel asks once — Send again
// or Skip — before anything goes out; the emulator's upload log says what was sent.
import type { Frame, FrameLocator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { setInputFiles } from '../support/setInputFiles.ts';
import { openWidget } from '../support/openWidget.ts';
import { setupE2e } from '../support/setupE2e.ts';
import { readRows, waitForPhase } from '../support/waitForPhase.ts';

const { stack, harness } = setupE2e();

/**
 * How many times the portal received the file `name`. The portal stores a second file of the same
 * name in the chat's folder as `name (1).ext` (the emulator follows it), so that counts too.
 */
const uploadsOf = (name: string): number =>
  stack.emulator
    .uploads()
    .filter((upload) => upload.name.replace(/ \(\d+\)(?=\.[^.]*$)/, '') === name).length;

/** How many rows of `name` the panel shows. */
async function rowsOf(appFrame: Frame, name: string): Promise<number> {
  return (await readRows(appFrame)).filter((row) => row.name === name).length;
}

function prompt(frame: FrameLocator) {
  return frame.getByTestId('already-sent');
}

/** The prompt's text without the invisible Unicode isolates around names. */
async function promptText(frame: FrameLocator): Promise<string> {
  return ((await prompt(frame).textContent()) ?? '').replace(/[\u2068\u2069]/g, '');
}

describe('already in this chat', () => {
  test('a file sent a moment ago: Skip sends nothing, Send again sends it once more', async () => {
    const { page } = await harness.newPage();
    const { frame, appFrame } = await openWidget(page, stack.emulator.url);
    const name = 'already-report.pdf';
    const file = { name, buffer: Buffer.alloc(2048, 1), mimeType: 'application/pdf' };
    await setInputFiles(frame, [file]);
    await waitForPhase(appFrame, name, 'delivered');
    expect(uploadsOf(name)).toBe(1);

    await setInputFiles(frame, [file]);
    await prompt(frame).waitFor();
    expect(await promptText(frame)).toContain('was sent to Marketing');
    await prompt(frame).getByRole('button', { name: en.skipAlreadySent }).click();
    await prompt(frame).waitFor({ state: 'detached' });
    expect(await rowsOf(appFrame, name)).toBe(1);
    expect(uploadsOf(name)).toBe(1);

    await setInputFiles(frame, [file]);
    await prompt(frame).getByRole('button', { name: en.sendAgain }).click();
    await expect
      .poll(async () => (await readRows(appFrame)).filter((r) => r.phase === 'delivered').length, {
        timeout: 30_000,
      })
      .toBe(2);
    expect(uploadsOf(name)).toBe(2);
  });

  test('a batch with several such files asks once for all; the new file goes at once', async () => {
    const { page } = await harness.newPage();
    const { frame, appFrame } = await openWidget(page, stack.emulator.url);
    const first = { name: 'batch-a.txt', buffer: Buffer.from('aaaa'), mimeType: 'text/plain' };
    const second = { name: 'batch-b.txt', buffer: Buffer.from('bbbbbb'), mimeType: 'text/plain' };
    const fresh = { name: 'batch-new.txt', buffer: Buffer.from('new'), mimeType: 'text/plain' };
    await setInputFiles(frame, [first, second]);
    await waitForPhase(appFrame, first.name, 'delivered');
    await waitForPhase(appFrame, second.name, 'delivered');

    await setInputFiles(frame, [first, fresh, second]);
    await prompt(frame).waitFor();
    expect(await prompt(frame).count()).toBe(1);
    const text = await promptText(frame);
    expect(text).toContain('2 of these files were sent to Marketing recently');
    expect(text).toContain(first.name);
    expect(text).toContain(second.name);
    await waitForPhase(appFrame, fresh.name, 'delivered');
    expect(uploadsOf(first.name)).toBe(1);
    expect(uploadsOf(second.name)).toBe(1);

    await prompt(frame).getByRole('button', { name: en.sendAgain }).click();
    await expect
      .poll(() => uploadsOf(first.name) + uploadsOf(second.name), { timeout: 30_000 })
      .toBe(4);
    expect(uploadsOf(fresh.name)).toBe(1);
  });
});
