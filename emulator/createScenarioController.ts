import type { ScenarioOptions } from './types.ts';

/**
 * Every fault scenario (portal reference §7.2; emulator/README.md lists what each does and its
 * source). `response-drop` is the old name of `close-mid-answer`, kept so existing tests run.
 */
export const SCENARIO_NAMES = [
  'token-expiry',
  'refresh-fails',
  'rate-limit-storm',
  'upload-500',
  'connection-drop',
  'close-before-answer',
  'close-mid-answer',
  'response-drop',
  'proxy-error',
  'html-answer',
  'placement-options-text',
  'overload',
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
  'close-before-answer': UPLOAD_METHOD,
  'close-mid-answer': UPLOAD_METHOD,
  'response-drop': UPLOAD_METHOD,
  'proxy-error': UPLOAD_METHOD,
  'html-answer': null,
  'placement-options-text': null,
  overload: null,
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

/** Variants of `proxy-error` and `html-answer` (emulator/README.md, "Fault scenarios"). */
export type ScenarioMode = 'before' | 'after' | 'login' | 'maintenance';

export interface ActiveScenario {
  name: ScenarioName;
  /** Remaining firings; undefined = unlimited. */
  remaining: number | undefined;
  delayMs: number;
  /** Lower-cased method the scenario is restricted to; null = every method. */
  method: string | null;
  /** proxy-error: 502 or 504 (default 502). */
  status: number;
  /** proxy-error: before (default) or after the method ran; html-answer: login (default) or maintenance. */
  mode: ScenarioMode | undefined;
  /** html-answer maintenance: epoch ms when the maintenance page stops; undefined = no end. */
  until: number | undefined;
}

export interface ScenarioController {
  current(): ActiveScenario | null;
  set(name: string, options?: ScenarioOptions): ActiveScenario;
  clear(): void;
  /**
   * If `name` is active for `method` (lower-cased REST method, or null for non-REST uses),
   * consumes one firing and returns the scenario; else null. Every request that reaches the
   * emulator is judged on its own: nothing is remembered per request id (a real portal does not
   * de-duplicate, portal reference §7.2).
   */
  fire(name: ScenarioName, method: string | null): ActiveScenario | null;
}

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}

/** `close-mid-answer` and its old name `response-drop` are one behaviour. */
function canonical(name: ScenarioName): ScenarioName {
  return name === 'response-drop' ? 'close-mid-answer' : name;
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
    current() {
      if (active?.until !== undefined && active.until <= Date.now()) active = null;
      return active;
    },
    set(name, options = {}) {
      if (!isScenarioName(name)) throw new Error(`Unknown scenario "${name}"`);
      const count = options.count ?? DEFAULT_COUNT[name];
      const seconds = options.seconds;
      active = {
        name: canonical(name),
        remaining: count,
        delayMs: options.delayMs ?? DEFAULT_DELAY_MS,
        method: options.method ? options.method.toLowerCase() : DEFAULT_METHOD[name],
        status: options.status === 504 ? 504 : 502,
        mode: options.mode,
        until: seconds !== undefined && seconds > 0 ? Date.now() + seconds * 1000 : undefined,
      };
      onSet(active);
      return active;
    },
    clear() {
      active = null;
    },
    fire(name, method) {
      const scenario = this.current();
      if (!scenario || scenario.name !== canonical(name)) return null;
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
