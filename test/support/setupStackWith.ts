import { setupStack } from './setupStack.ts';
import type { Stack } from './startStack.ts';
import type { EmulatorOptions } from './stackTypes.ts';

/** A running stack and the harness of the browser a test file drives. */
export interface StackAndHarness<H> {
  readonly stack: Stack;
  readonly harness: H;
}

/**
 * A stack with `options` ({@link setupStack}) and a browser harness from `setupHarness` (a
 * Vitest-hooks helper such as `useBrowser` or `useEngine`). The stack's hooks are registered
 * first: Vitest runs after-hooks in reverse order, so the pages (the messenger polls the portal)
 * close before the portal stops.
 */
export function setupStackWith<H>(
  setupHarness: () => H,
  options: Partial<EmulatorOptions> = {},
): StackAndHarness<H> {
  const stack = setupStack(options);
  const harness = setupHarness();
  return { stack, harness };
}
