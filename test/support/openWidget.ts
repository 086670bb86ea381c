import type { Frame, FrameLocator, Page } from 'playwright-core';

export type WidgetPlacement = 'IM_SIDEBAR' | 'IM_TEXTAREA';

export interface OpenWidgetOptions {
  /** Portal user id (seed: 1 John Smith admin, 2 Anna, 3 Max, 4 Lena). Default 1. */
  user?: number;
  lang?: string;
  /** Default `chat5` ("Marketing"). */
  dialogId?: string;
  placement?: WidgetPlacement;
  /** Typed into the messenger's own input (`data-testid="chat-input"`) before the app opens. */
  chatInputText?: string;
  /** How long to wait for the widget's panel to render. */
  timeoutMs?: number;
}

export interface OpenedWidget {
  readonly page: Page;
  /** Locators inside the app iframe; they follow the frame across reloads. */
  readonly frame: FrameLocator;
  /** The iframe's Frame, for `evaluate` inside the app. */
  readonly appFrame: Frame;
}

const PLACEMENT_BUTTON: Record<WidgetPlacement, string> = {
  IM_SIDEBAR: 'open-im-sidebar',
  IM_TEXTAREA: 'open-im-textarea',
};

/**
 * The emulator's messenger page on `options.dialogId` (default `chat5`) as `options.user`
 * (default 1) in `options.lang` (default `en`).
 */
export function messengerUrl(
  portalUrl: string,
  options: Pick<OpenWidgetOptions, 'dialogId' | 'user' | 'lang'> = {},
): string {
  const url = new URL('/online/', portalUrl);
  url.searchParams.set('IM_DIALOG', options.dialogId ?? 'chat5');
  url.searchParams.set('user', String(options.user ?? 1));
  url.searchParams.set('lang', options.lang ?? 'en');
  return url.href;
}

/**
 * Opens the emulator's messenger on a dialog, opens the app's placement in the side panel and
 * waits for the widget (`data-testid="chat-drop"`) to render inside the app frame.
 */
export async function openWidget(
  page: Page,
  portalUrl: string,
  options: OpenWidgetOptions = {},
): Promise<OpenedWidget> {
  await page.goto(messengerUrl(portalUrl, options));
  if (options.chatInputText !== undefined)
    await page.getByTestId('chat-input').fill(options.chatInputText);
  await page.getByTestId(PLACEMENT_BUTTON[options.placement ?? 'IM_SIDEBAR']).click();
  const frameElement = page.getByTestId('app-frame').last();
  const frame = frameElement.contentFrame();
  await frame
    .getByTestId('chat-drop')
    .waitFor({ state: 'visible', timeout: options.timeoutMs ?? 30_000 });
  const handle = await frameElement.elementHandle();
  const appFrame = await handle?.contentFrame();
  if (!appFrame) throw new Error('openWidget: the app iframe has no content frame');
  return { page, frame, appFrame };
}
