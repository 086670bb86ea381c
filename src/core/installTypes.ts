/**
 * The install flow's data: what src/bitrix's install functions return and src/ui/InstallPage.tsx
 * shows. Plain data, no SDK types; it lives in core because both sides use it (ui → core ← bitrix).
 */

/** The messenger placements Chat Drop binds (b24restdocs `api-reference/widgets/im/index.md`). */
export const INSTALL_PLACEMENTS = ['IM_SIDEBAR', 'IM_TEXTAREA'] as const;
export type InstallPlacement = (typeof INSTALL_PLACEMENTS)[number];

/** Scopes the widget cannot work without: `im` for the chat methods and IM placements, `placement` to bind them. */
export const REQUIRED_SCOPES = ['im', 'placement'] as const;

/** Steps of an install or repair run, in order. */
export const INSTALL_STEP_IDS = [
  'check-admin',
  'read-bindings',
  'bind-IM_SIDEBAR',
  'bind-IM_TEXTAREA',
  'finish',
] as const;
export type InstallStepId = (typeof INSTALL_STEP_IDS)[number];

export type InstallStepState = 'pending' | 'running' | 'done' | 'skipped' | 'failed';

/**
 * What a finished bind step did: `bound` (new), `unchanged` (the same handler and options were
 * already bound), `replaced` (a handler from an older address or with older options was removed
 * and the current one bound).
 */
export type BindOutcome = 'bound' | 'unchanged' | 'replaced';

/**
 * An install failure, kept as data. `code` is the portal's code verbatim (`ACCESS_DENIED`,
 * `insufficient_scope`, `WRONG_AUTH_TYPE`, ...) or a widget code (`WIDGET_…`).
 * `detail` is the portal's `error_description`, for the details disclosure only.
 */
export interface InstallError {
  readonly code: string;
  readonly origin: 'client' | 'server' | 'transport';
  readonly status?: number;
  readonly detail?: string;
  /** For `insufficient_scope`: the required scopes the app lacks (all required ones when unknown). */
  readonly missingScopes?: readonly string[];
}

export interface InstallStep {
  readonly id: InstallStepId;
  readonly state: InstallStepState;
  readonly outcome?: BindOutcome;
  readonly error?: InstallError;
}

export interface InstallResult {
  readonly ok: boolean;
  readonly steps: readonly InstallStep[];
  /** The first failure, when `ok` is false. */
  readonly error?: InstallError;
  /** The handler URL that was bound: this app's own address. */
  readonly handler: string;
}

/** One row of the DEFAULT page's install-state table. */
export interface PlacementState {
  readonly placement: InstallPlacement;
  /** Every handler the app has bound for this placement (usually one). */
  readonly handlers: readonly string[];
  /** True when exactly this app's current address is bound, with the current options. */
  readonly current: boolean;
}

export type InstallState =
  | {
      readonly ok: true;
      readonly handler: string;
      readonly placements: readonly PlacementState[];
      /** True when every placement is bound to the current address. */
      readonly healthy: boolean;
    }
  | { readonly ok: false; readonly handler: string; readonly error: InstallError };
