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

/**
 * Portal-wide conditions: a retry after them may succeed, so they are not keyed by request.
 * Every other fault hits one logical request: a browser silently re-sends a POST whose reused
 * keep-alive connection closed before any response byte (Chromium does), and the SDK re-sends
 * with the same `bx24_request_id`; both must meet the same fault again without consuming another
 * `count`, and a re-sent `response-drop` must not store the file twice.
 */
const PORTAL_WIDE = [
  'rate-limit-storm',
  'token-expiry',
  'refresh-fails',
] as const satisfies readonly ScenarioName[];
/** Remembered request ids; old ones are forgotten first (a resend follows within seconds). */
const MAX_REMEMBERED = 1000;

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
   * consumes one firing and returns the scenario; else null. With a `requestId` (the SDK's
   * `bx24_request_id`), a per-request fault that already fired for that id fires again without
   * consuming a count, even after its count ran out.
   */
  fire(name: ScenarioName, method: string | null, requestId?: string): ActiveScenario | null;
  /** The per-request fault `name` already fired for `requestId` and `method`, if any (no count). */
  firedFor(name: ScenarioName, method: string, requestId: string): ActiveScenario | null;
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
  /** `<name>|<method>|<requestId>` → the scenario that fired for it. */
  const fired = new Map<string, ActiveScenario>();
  const keyOf = (name: ScenarioName, method: string | null, requestId: string): string =>
    `${name}|${method ?? ''}|${requestId}`;
  const isPerRequest = (name: ScenarioName): boolean =>
    !(PORTAL_WIDE as readonly ScenarioName[]).includes(name);
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
      fired.clear();
      onSet(active);
      return active;
    },
    clear() {
      active = null;
      fired.clear();
    },
    firedFor(name, method, requestId) {
      if (requestId === '') return null;
      return fired.get(keyOf(name, method, requestId)) ?? null;
    },
    fire(name, method, requestId = '') {
      const remember = requestId !== '' && isPerRequest(name);
      if (remember) {
        const again = fired.get(keyOf(name, method, requestId));
        if (again) return again;
      }
      const scenario = active;
      if (!scenario || scenario.name !== name) return null;
      if (scenario.method !== null && method !== null && scenario.method !== method) return null;
      if (scenario.remaining !== undefined) {
        if (scenario.remaining <= 0) return null;
        scenario.remaining -= 1;
        if (scenario.remaining === 0) active = null;
      }
      if (remember) {
        if (fired.size >= MAX_REMEMBERED) {
          const oldest = fired.keys().next().value;
          if (oldest !== undefined) fired.delete(oldest);
        }
        fired.set(keyOf(name, method, requestId), scenario);
      }
      return scenario;
    },
  };
}
