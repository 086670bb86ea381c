// Issue 2: the SDK's B24Frame, inside the emulator's portal page, talks to the emulator the way
// it talks to a real portal (postMessage handshake + REST), and the widget behaves outside one.
import { describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { openWidget } from '../support/openWidget.ts';
import { setupE2e } from '../support/setupE2e.ts';

const { stack, harness } = setupE2e();

describe('the widget inside the portal frame', () => {
  test('names the open chat in its header after the SDK handshake and a REST call', async () => {
    const { guard, frame } = await harness.openWidget(stack.emulator.url, {
      dialogId: 'chat5',
    });
    const before = stack.emulator.messages(5).length;
    await expect
      .poll(() => frame.getByTestId('chat-header').textContent(), { timeout: 20_000 })
      .toBe('Marketing');
    // Opening the widget must not post anything into the chat.
    expect(stack.emulator.messages(5)).toHaveLength(before);
    expect(stack.emulator.uploads()).toHaveLength(0);
    guard.assertClean();
  });

  test('names the chat in the textarea placement too', async () => {
    const { page } = await harness.newPage();
    const { frame } = await openWidget(page, stack.emulator.url, {
      dialogId: 'chat9',
      placement: 'IM_TEXTAREA',
    });
    await expect
      .poll(() => frame.getByTestId('chat-header').textContent(), { timeout: 20_000 })
      .toBe('Design');
  });

  test('runs in a cross-origin frame: the app origin differs from the portal origin', async () => {
    const { page, appFrame } = await harness.openWidget(stack.emulator.url);
    const portalOrigin = new URL(page.url()).origin;
    const appOrigin = new URL(appFrame.url()).origin;
    expect(appOrigin).toBe(new URL(stack.appUrl).origin);
    expect(appOrigin).not.toBe(portalOrigin);
    // The browser enforces it: the app cannot reach into the portal's document.
    const canReachParent = await appFrame.evaluate(() => {
      try {
        return window.parent.document !== null;
      } catch {
        return false;
      }
    });
    expect(canReachParent).toBe(false);
  });
});

describe('the widget outside a portal', () => {
  test('opened directly in a tab it explains where it runs, without console errors', async () => {
    const { page, guard } = await harness.newPage();
    await page.goto(stack.appUrl);
    await expect
      .poll(() => page.locator('body').innerText(), { timeout: 15_000 })
      .toContain(en.outsideTitle);
    expect(await page.locator('body').innerText()).toContain(en.outsideBody);
    // No file can be dropped there: nothing would know where to send it.
    expect(await page.locator('input[type="file"][data-testid="file-input"]').count()).toBe(0);
    // Late errors (a rejected SDK start, a failed request) come with network activity: wait for
    // the engine's "no request for 500 ms" event (deadline 15 s) rather than a fixed pause.
    await page.waitForLoadState('networkidle', { timeout: 15_000 });
    guard.assertClean();
    expect(stack.emulator.uploads()).toHaveLength(0);
  });
});
