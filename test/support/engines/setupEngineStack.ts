import { setupStackWith, type StackAndHarness } from '../setupStackWith.ts';
import type { EmulatorOptions } from '../stackTypes.ts';
import { useEngine as setupEngine, type EngineHarness } from './useEngine.ts';

/**
 * The cross-engine prologue of one test file (Vitest hooks, not a React hook): a stack with
 * `options` and this project's browser ({@link setupEngine}), sessions closed before the portal
 * stops.
 */
export function setupEngineStack(
  options: Partial<EmulatorOptions> = {},
): StackAndHarness<EngineHarness> {
  return setupStackWith(setupEngine, options);
}
