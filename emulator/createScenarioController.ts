import type { ScenarioOptions } from './types.ts';

/** Every fault scenario (shared interface "Fault scenario names"). */
export const SCENARIO_NAMES = [
  'token-expiry',
  'refresh-fails',
  'rate-limit-storm',
  'upload-500',
  'connection-drop',
  'response-drop',
  'slow',
  'folder-error',
  'upload-failed',
  'send-failed',
  'no-access',
  'chat-deleted',
  'legacy-invalid-content',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

const UPLOAD_METHOD = 'im.v2.file.upload';

/**
 * Which REST method a scenario applies to when `method` is not given: upload faults hit only
 * im.v2.File.upload; the others apply to every call (null).
 */
const DEFAULT_METHOD = {
  'token-expiry': null,
  'refresh-fails': null,
  'rate-limit-storm': null,
  'upload-500': UPLOAD_METHOD,
  'connection-drop': UPLOAD_METHOD,
  'response-drop': UPLOAD_METHOD,
  slow: UPLOAD_METHOD,
  'folder-error': UPLOAD_METHOD,
  'upload-failed': UPLOAD_METHOD,
  'send-failed': UPLOAD_METHOD,
  'no-access': null,
  'chat-deleted': null,
  'legacy-invalid-content': UPLOAD_METHOD,
} satisfies Record<ScenarioName, string | null>;

/** Count when none is given; undefined = unlimited. */
const DEFAULT_COUNT: Partial<Record<ScenarioName, number>> = { 'rate-limit-storm': 60 };
const DEFAULT_DELAY_MS = 45_000;

export interface ActiveScenario {
  name: ScenarioName;
  /** Remaining firings; undefined = unlimited. */
  remaining: number | undefined;
  delayMs: number;
  /** Lower-cased method the scenario is restricted to; null = every method. */
  method: string | null;
}

export interface ScenarioController {
  current(): ActiveScenario | null;
  set(name: string, options?: ScenarioOptions): ActiveScenario;
  clear(): void;
  /**
   * If `name` is active for `method` (lower-cased REST method, or null for non-REST uses),
   * consumes one firing and returns the scenario; else null.
   */
  fire(name: ScenarioName, method: string | null): ActiveScenario | null;
}

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}

/**
 * Holds the one active fault scenario. `onSet` runs when a scenario is switched on (token-expiry
 * expires the tokens issued so far at that moment).
 */
export function createScenarioController(
  onSet: (scenario: ActiveScenario) => void,
): ScenarioController {
  let active: ActiveScenario | null = null;
  return {
    current: () => active,
    set(name, options = {}) {
      if (!isScenarioName(name)) throw new Error(`Unknown scenario "${name}"`);
      const count = options.count ?? DEFAULT_COUNT[name];
      active = {
        name,
        remaining: count,
        delayMs: options.delayMs ?? DEFAULT_DELAY_MS,
        method: options.method ? options.method.toLowerCase() : DEFAULT_METHOD[name],
      };
      onSet(active);
      return active;
    },
    clear() {
      active = null;
    },
    fire(name, method) {
      const scenario = active;
      if (!scenario || scenario.name !== name) return null;
      if (scenario.method !== null && method !== null && scenario.method !== method) return null;
      if (scenario.remaining !== undefined) {
        if (scenario.remaining <= 0) return null;
        scenario.remaining -= 1;
        if (scenario.remaining === 0) active = null;
      }
      return scenario;
    },
  };
}
