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
