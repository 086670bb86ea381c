import type { toast as sonnerToast } from 'sonner';

type SonnerToast = typeof sonnerToast;

/** The part of sonner's `toast` the panel uses; calls never return ids (the panel sets its own). */
export interface LazyToast {
  success(...args: Parameters<SonnerToast['success']>): void;
  info(...args: Parameters<SonnerToast['info']>): void;
  warning(...args: Parameters<SonnerToast['warning']>): void;
  error(...args: Parameters<SonnerToast['error']>): void;
  dismiss(...args: Parameters<SonnerToast['dismiss']>): void;
}

let loaded: SonnerToast | undefined;
let loading: Promise<SonnerToast> | undefined;
/** Calls made before sonner arrived, replayed in order once it has. */
const waiting: ((toast: SonnerToast) => void)[] = [];

/**
 * Loads sonner (once; again after a failed fetch). The toasts are a separate chunk with the
 * Toaster (LazyPanelToaster.tsx): nothing shows a toast before the first paint (issue 13's startup
 * budget, docs/PERFORMANCE.md). Rejects when the chunk cannot be fetched.
 */
export function preloadToasts(): Promise<SonnerToast> {
  loading ??= import('sonner').then(
    ({ toast }) => {
      loaded = toast;
      for (const call of waiting.splice(0)) call(toast);
      return toast;
    },
    (error: unknown) => {
      loading = undefined; // the next toast tries again, and replays what is waiting
      throw error;
    },
  );
  return loading;
}

function call(show: (toast: SonnerToast) => void): void {
  if (loaded) {
    show(loaded);
    return;
  }
  waiting.push(show);
  // A toast only repeats what the rows and the live region already say: when its code cannot be
  // fetched (offline after an app upgrade) the panel goes on without it.
  preloadToasts().catch(() => console.error('[chat-drop] the toasts could not be loaded'));
}

/**
 * sonner's `toast`, usable before sonner's chunk is here: once it is, calls go straight through;
 * before, they wait and run in order when it arrives (sonner's Toaster shows toasts created
 * before it subscribed, sonner `src/state.ts` `subscribe`).
 */
export const lazyToast: LazyToast = {
  success: (...args) => call((toast) => toast.success(...args)),
  info: (...args) => call((toast) => toast.info(...args)),
  warning: (...args) => call((toast) => toast.warning(...args)),
  error: (...args) => call((toast) => toast.error(...args)),
  dismiss: (...args) => call((toast) => toast.dismiss(...args)),
};
