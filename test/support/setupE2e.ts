import { setupStackWith, type StackAndHarness } from './setupStackWith.ts';
import type { EmulatorOptions } from './stackTypes.ts';
import { useBrowser as setupBrowser, type BrowserHarness } from './useBrowser.ts';

/**
 * The e2e prologue of one test file (Vitest hooks, not a React hook): a stack with `options` and
 * one Chromium ({@link setupBrowser}), pages closed before the portal stops.
 */
export function setupE2e(options: Partial<EmulatorOptions> = {}): StackAndHarness<BrowserHarness> {
  return setupStackWith(setupBrowser, options);
}
