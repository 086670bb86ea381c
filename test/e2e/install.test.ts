// Issue 5: installing Chat Drop on a portal. Real Chromium against the emulator with the app
// registered but not installed (URL_INSTALL = the app's URL): the portal opens the app in
// install mode, the app binds its messenger widgets and calls installFinish().
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { installPlacementParams } from '../../src/bitrix/installPlacementParams.ts';
import { openWidget } from '../support/openWidget.ts';
import { startStack, type Stack } from '../support/startStack.ts';
// Aliased: `useBrowser` registers Vitest hooks; it is not a React hook (react-hooks/rules-of-hooks).
import { useBrowser as registerBrowser } from '../support/useBrowser.ts';

/** A fixed OAuth token of the app for user 1 (admin), to read the portal's state over REST. */
const ADMIN_TOKEN = 'e2e-install-admin-token';

interface BoundPlacement {
  readonly placement: string;
  readonly handler: string;
  readonly options: Record<string, unknown> | unknown[];
  readonly title: string;
}

let stack: Stack;

beforeEach(async () => {
  stack = await startStack({ installed: false, oauthTokens: [{ userId: 1, token: ADMIN_TOKEN }] });
});
afterEach(async () => {
  await stack?.close();
});
// Registered after the stack's hooks on purpose: Vitest runs afterEach hooks in reverse order, so
// the browser's pages (the messenger polls the portal) close before the portal stops.
const harness = registerBrowser();

/** A REST call as the app, the way the SDK sends it (JSON body with `auth`). */
async function rest(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
  const response = await fetch(new URL(`/rest/${method}`, stack.emulator.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...params, auth: ADMIN_TOKEN }),
  });
  const body = (await response.json()) as { result?: unknown; error?: unknown };
  if (!response.ok || body.error !== undefined) {
    throw new Error(`${method}: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.result;
}

const boundPlacements = async (): Promise<BoundPlacement[]> =>
  (await rest('placement.get')) as BoundPlacement[];

const isInstalled = async (): Promise<boolean> =>
  ((await rest('app.info')) as { INSTALLED: boolean }).INSTALLED;

/** Opens the app's own page as `user`; while not installed the portal loads the install URL. */
async function openAppPage(user: number) {
  const { page, guard } = await harness.newPage(`user ${user}`);
  await page.goto(new URL(`/marketplace/app/1/?user=${user}&lang=en`, stack.emulator.url).href);
  return { page, guard };
}

describe('installing Chat Drop', () => {
  test('an admin install binds exactly IM_SIDEBAR and IM_TEXTAREA with the app URL and options, then finishes', async () => {
    expect(await isInstalled()).toBe(false);
    expect(await boundPlacements()).toEqual([]);

    const { page } = await openAppPage(1);
    // installFinish() makes the portal reload its page with install_finished=Y (portal reference §1.6).
    await page.getByTestId('install-banner').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('install-banner').getAttribute('data-result')).toBe('Y');
    expect(new URL(page.url()).searchParams.get('install_finished')).toBe('Y');
    expect(await isInstalled()).toBe(true);

    const bound = await boundPlacements();
    expect(bound.map((row) => row.placement).sort()).toEqual(['IM_SIDEBAR', 'IM_TEXTAREA']);
    for (const row of bound) {
      // The app's own address, without the portal's DOMAIN/APP_SID query.
      expect(row.handler).toBe(stack.appUrl);
      expect(row.title).toBe('Chat Drop');
      expect(row.options).toMatchObject({
        iconName: 'fa-cloud-upload',
        context: 'ALL',
        extranet: 'N',
      });
    }
    const textarea = bound.find((row) => row.placement === 'IM_TEXTAREA');
    expect(textarea?.options).toMatchObject({ width: 440, height: 560 });
  });

  test('installing again over identical bindings changes nothing and still finishes', async () => {
    // An earlier install that bound the widgets but never reached installFinish().
    for (const placement of ['IM_SIDEBAR', 'IM_TEXTAREA'] as const) {
      await rest('placement.bind', { ...installPlacementParams(placement, stack.appUrl) });
    }
    const before = await boundPlacements();
    expect(before).toHaveLength(2);

    const { page } = await openAppPage(1);
    await page.getByTestId('install-banner').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('install-banner').getAttribute('data-result')).toBe('Y');
    expect(await boundPlacements()).toEqual(before);
    expect(await isInstalled()).toBe(true);
  });

  test('a binding left from an older app address is replaced by the current one', async () => {
    const oldAddress = 'http://127.0.0.2:9/old-chat-drop/';
    await rest('placement.bind', { ...installPlacementParams('IM_SIDEBAR', oldAddress) });

    const { page } = await openAppPage(1);
    await page.getByTestId('install-banner').waitFor({ timeout: 30_000 });
    const bound = await boundPlacements();
    expect(bound.map((row) => [row.placement, row.handler]).sort()).toEqual([
      ['IM_SIDEBAR', stack.appUrl],
      ['IM_TEXTAREA', stack.appUrl],
    ]);
  });

  test('a non-admin cannot install: the portal refuses with its error page and nothing is bound', async () => {
    const { page, guard } = await openAppPage(4);
    guard.allowFailedResponses(
      [400, 403],
      'the portal refuses to open an uninstalled app for a non-admin',
    );
    const error = page.getByTestId('app-error');
    await error.waitFor({ timeout: 20_000 });
    expect(await error.textContent()).toMatch(/not fully installed/i);
    expect(await page.getByTestId('app-frame').count()).toBe(0);
    expect(await boundPlacements()).toEqual([]);
    expect(await isInstalled()).toBe(false);
  });

  test("after the install the widget opens from a chat's side panel and above the input with that chat's dialogId", async () => {
    const { page: installPage } = await openAppPage(1);
    await installPage.getByTestId('install-banner').waitFor({ timeout: 30_000 });

    const { page } = await harness.newPage('messenger');
    const sidebar = await openWidget(page, stack.emulator.url, {
      dialogId: 'chat9',
      placement: 'IM_SIDEBAR',
    });
    await expect
      .poll(() => sidebar.frame.getByTestId('chat-header').textContent(), { timeout: 20_000 })
      .toBe('Design');
    expect(new URL(sidebar.appFrame.url()).origin).toBe(new URL(stack.appUrl).origin);

    const { page: second } = await harness.newPage('messenger textarea');
    const textarea = await openWidget(second, stack.emulator.url, {
      dialogId: 'chat5',
      placement: 'IM_TEXTAREA',
    });
    await expect
      .poll(() => textarea.frame.getByTestId('chat-header').textContent(), { timeout: 20_000 })
      .toBe('Marketing');
  });
});
