import { setupStack } from './setupStack.ts';
import type { Stack } from './startStack.ts';
import type { EmulatorOptions } from './stackTypes.ts';
import { useBrowser as setupBrowser, type BrowserHarness } from './useBrowser.ts';

/** What an e2e test file works with: the running stack and its Chromium harness. */
export interface E2e {
  readonly stack: Stack;
  readonly harness: BrowserHarness;
}

/**
 * The e2e prologue of one test file (Vitest hooks, not a React hook): a stack with `options`
 * ({@link setupStack}) and one Chromium ({@link setupBrowser}). The stack's hooks are registered
 * first: Vitest runs after-hooks in reverse order, so the pages (the messenger polls the portal)
 * close before the portal stops.
 */
export function setupE2e(options: Partial<EmulatorOptions> = {}): E2e {
  const stack = setupStack(options);
  const harness = setupBrowser();
  return { stack, harness };
}
