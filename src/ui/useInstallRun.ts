import { useCallback, useState } from 'react';
import type { InstallResult, InstallStep } from '../core/installTypes.ts';

/** Runs an install or repair, reporting every step change; never rejects for portal errors. */
export type InstallRun = (
  onProgress: (steps: readonly InstallStep[]) => void,
) => Promise<InstallResult>;

export interface InstallRunState {
  readonly steps: readonly InstallStep[];
  /** The last run's result; undefined before the first run and while one runs. */
  readonly result: InstallResult | undefined;
  readonly busy: boolean;
  /** Starts a run (nothing without an action). */
  readonly start: () => void;
}

/**
 * Runs an {@link InstallRun}, keeping its live steps and final result; `onDone` runs after a
 * finished run (the manager reads the state again).
 */
export function useInstallRun(
  action: InstallRun | undefined,
  onDone?: () => Promise<void>,
): InstallRunState {
  const [steps, setSteps] = useState<readonly InstallStep[]>([]);
  const [result, setResult] = useState<InstallResult | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const start = useCallback(() => {
    if (!action) return;
    setBusy(true);
    setResult(undefined);
    action(setSteps).then(
      (outcome) => {
        setSteps(outcome.steps);
        setResult(outcome);
        setBusy(false);
        void onDone?.();
      },
      (error: unknown) => {
        // The actions do not reject for portal errors; this is a bug, still shown, not thrown.
        setResult({
          ok: false,
          steps: [],
          handler: '',
          error: { code: 'WIDGET_INSTALL_FAILED', origin: 'client', detail: String(error) },
        });
        setBusy(false);
      },
    );
  }, [action, onDone]);
  return { steps, result, busy, start };
}
