// Issue 16: framing decided by the app server's CSP `frame-ancestors`, in real Chromium. The
// ports are chosen before either side starts, so the app server can name the emulator's origin.
import type { ConsoleMessage, Response } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openWidget } from '../support/openWidget.ts';
import { startFramingStack, type FramingStack } from '../support/servers/startFramingStack.ts';
// Aliased: `useBrowser` registers Vitest hooks; it is not a React hook (react-hooks/rules-of-hooks).
import { useBrowser as registerBrowser } from '../support/useBrowser.ts';

/**
 * What Chromium logs when a response's CSP forbids its parent: "Framing '<url>' violates the
 * following Content Security Policy directive: "frame-ancestors …". The request has been
 * blocked." (older versions: "Refused to frame '<url>' because an ancestor violates …").
 */
const FRAMING_REFUSED =
  /(Framing|Refused to frame) '[^']+' (because an ancestor )?violates the following Content Security Policy directive: "frame-ancestors https:\/\/yourcompany\.bitrix24\.com"/;

let stack: FramingStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});
// After the stack's hooks: afterEach runs in reverse, so pages close before the portal stops.
const harness = registerBrowser();

describe('framing by the portal', () => {
  it('the portal named as the only frame ancestor shows the widget, and the widget reaches its REST', async () => {
    stack = await startFramingStack({
      root: inject('chatDropDist'),
      frameAncestors: (portal) => [portal],
    });
    const { page } = await harness.newPage('allowed portal');
    const documents: Response[] = [];
    page.on('response', (response) => {
      if (
        response.url().startsWith(stack?.appUrl ?? '-') &&
        response.request().isNavigationRequest()
      )
        documents.push(response);
    });
    const widget = await openWidget(page, stack.emulator.url, { dialogId: 'chat5' });
    // The chat's name comes from the portal's REST: connect-src lets the widget reach it.
    await expect
      .poll(() => widget.frame.getByTestId('chat-header').textContent(), { timeout: 20_000 })
      .toBe('Marketing');
    const csp = (await documents[0]?.allHeaders())?.['content-security-policy'] ?? '';
    expect(csp).toMatch(new RegExp(`frame-ancestors ${stack.portalOrigin}(;|$)`));
    expect(csp).toContain(`connect-src 'self' https: ${stack.portalOrigin}`);
  });

  it('a portal not among the frame ancestors gets a blank frame: Chromium refuses it for the CSP', async () => {
    stack = await startFramingStack({
      root: inject('chatDropDist'),
      frameAncestors: () => ['https://yourcompany.bitrix24.com'],
    });
    const { page, guard } = await harness.newPage('refused portal');
    guard.allow(
      FRAMING_REFUSED,
      'the app server forbids this portal to frame the app: the refusal is what this test checks',
    );
    const refused = page.waitForEvent('console', {
      predicate: (message: ConsoleMessage) => FRAMING_REFUSED.test(message.text()),
      timeout: 30_000,
    });
    const url = new URL('/online/', stack.emulator.url);
    url.searchParams.set('IM_DIALOG', 'chat5');
    url.searchParams.set('user', '1');
    url.searchParams.set('lang', 'en');
    await page.goto(url.href);
    await page.getByTestId('open-im-sidebar').click();
    const message = await refused;
    expect(message.text()).toContain(new URL(stack.appUrl).origin);
    expect(message.text()).toContain('frame-ancestors https://yourcompany.bitrix24.com');

    // The frame never got the app: Chromium put its error page in place of the document.
    const handle = await page.getByTestId('app-frame').last().elementHandle();
    const frame = await handle?.contentFrame();
    expect(frame?.url()).not.toContain(new URL(stack.appUrl).host);
    expect(await frame?.locator('[data-testid="chat-drop"]').count()).toBe(0);
  });
});
