import { afterAll, beforeAll } from 'vitest';
import { startStack, type Stack } from './startStack.ts';
import type { EmulatorOptions } from './stackTypes.ts';

/**
 * Registers one stack (emulator + app server, {@link startStack}) for the enclosing test file or
 * `describe` block: started in `beforeAll`, closed in `afterAll` (Vitest hooks, not a React hook).
 * Returns a view that always reads the running stack, so tests write `stack.emulator` as before;
 * touching it outside the block's tests throws.
 */
export function setupStack(options: Partial<EmulatorOptions> = {}): Stack {
  let started: Stack | undefined;
  beforeAll(async () => {
    started = await startStack(options);
  });
  afterAll(async () => {
    await started?.close();
    started = undefined;
  });
  const running = (): Stack => {
    if (!started) throw new Error('setupStack: the stack runs only during the tests of its block');
    return started;
  };
  return {
    get emulator() {
      return running().emulator;
    },
    get appUrl() {
      return running().appUrl;
    },
    reset: () => running().reset(),
    restartEmulator: () => running().restartEmulator(),
    close: () => running().close(),
  };
}

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
