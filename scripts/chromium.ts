/**
 * Debian's Chromium (scripts/ensure-browsers.sh installs it): the browser the Chromium e2e
 * project, the bench and the screenshots drive (Firefox and WebKit: test/support/engines/).
 * Playwright's own browser download is not reachable here.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a quiet, deterministic headless Chromium: no sandbox (containers run as root),
 * no GPU, and no background traffic to Google services (the machine has no network; those
 * requests would only add noise and delays).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
