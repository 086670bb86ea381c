import type { Frame, Page } from 'playwright-core';

/**
 * Slows what `appFrame` uploads to `bytesPerSecond` (Chromium's network emulation; downloads and
 * latency untouched), e.g. to catch a row mid-progress. The app frame is another site than the
 * portal page, so it gets a CDP session of its own.
 */
export async function throttleUplink(
  page: Page,
  appFrame: Frame,
  bytesPerSecond: number,
): Promise<void> {
  const cdp = await page.context().newCDPSession(appFrame);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
}
