import type { DeliveryReceipt, Phase, UploadError, UploadItem } from './types.ts';
import {
  initialProgress,
  nextPercentage,
  READ_SHARE,
  readProgress,
  sendProgress,
  stopped,
} from './fileProgress.ts';

export { initialProgress, MIN_ESTIMATE_MS, READ_SHARE, SENDING_CAP } from './fileProgress.ts';

/** The queue's state: changed only by {@link uploadReducer}. */
export interface QueueState {
  readonly items: readonly UploadItem[];
}

/** Everything that can happen to the queue. `at` is epoch ms from the engine's clock. */
export type Action =
  | { readonly type: 'added'; readonly items: readonly UploadItem[] }
  | { readonly type: 'read-started'; readonly id: string; readonly at: number }
  | {
      readonly type: 'read-progress';
      readonly id: string;
      readonly bytesRead: number;
      readonly at: number;
    }
  | {
      readonly type: 'encoded';
      readonly id: string;
      readonly contentSize: number;
      readonly at: number;
    }
  | {
      readonly type: 'send-progress';
      readonly id: string;
      readonly sent: number;
      readonly total: number | undefined;
      readonly at: number;
    }
  | {
      readonly type: 'waiting';
      readonly id: string;
      readonly error: UploadError;
      readonly retryAt: number;
      readonly at: number;
    }
  | { readonly type: 'resent'; readonly id: string; readonly at: number }
  | {
      readonly type: 'checking';
      readonly id: string;
      readonly error: UploadError;
      readonly at: number;
    }
  | {
      readonly type: 'delivered';
      readonly id: string;
      readonly receipt: DeliveryReceipt;
      readonly at: number;
    }
  | {
      readonly type: 'failed';
      readonly id: string;
      readonly error: UploadError;
      readonly at: number;
    }
  | { readonly type: 'cancelled'; readonly id: string; readonly at: number }
  | { readonly type: 'retried'; readonly id: string; readonly at: number }
  | { readonly type: 'removed'; readonly id: string }
  | { readonly type: 'cleared-finished' };

/** The names of all actions. */
export type ActionType = Action['type'];

/** Phases in which the engine is still working on an item. */
export const ACTIVE_PHASES = ['queued', 'reading', 'sending', 'waiting', 'checking'] as const;
/** Phases `cleared-finished` removes: done with, nothing left to decide. Failed rows stay. */
export const CLEARABLE_PHASES = ['delivered', 'cancelled'] as const;

/** Which phases each per-item action may start from; any other is ignored. */
const FROM = {
  'read-started': ['queued'],
  'read-progress': ['reading'],
  encoded: ['reading'],
  'send-progress': ['sending'],
  // From `waiting` too: a paused method moves its next probe, and every waiting row shows it.
  waiting: ['sending', 'waiting'],
  resent: ['waiting'],
  checking: ['sending'],
  delivered: ['sending', 'checking'],
  failed: ['queued', 'reading', 'sending', 'waiting', 'checking'],
  cancelled: ['queued', 'reading', 'sending', 'waiting', 'checking'],
  retried: ['failed', 'cancelled'],
} as const satisfies Record<
  Exclude<ActionType, 'added' | 'removed' | 'cleared-finished'>,
  readonly Phase[]
>;

/** The empty queue. */
export const initialQueueState: QueueState = { items: [] };

/** True when the engine still has work to do for the item. */
export function isActivePhase(phase: Phase): boolean {
  return (ACTIVE_PHASES as readonly Phase[]).includes(phase);
}

function startSending(item: UploadItem, contentSize: number | undefined, at: number): UploadItem {
  const p = item.progress;
  return {
    ...item,
    phase: 'sending',
    attempts: item.attempts + 1,
    error: undefined,
    retryAt: undefined,
    phaseStartedAt: at,
    progress: {
      ...p,
      bytesRead: p.bytesTotal,
      bytesSent: 0,
      sendTotal: contentSize ?? p.sendTotal,
      percentage: nextPercentage(p.percentage, READ_SHARE * 100),
      speed: undefined,
      secondsLeft: undefined,
    },
  };
}

function transition(item: UploadItem, action: Action): UploadItem {
  switch (action.type) {
    case 'read-started':
      return { ...item, phase: 'reading', phaseStartedAt: action.at };
    case 'read-progress':
      return { ...item, progress: readProgress(item, action.bytesRead, action.at) };
    case 'encoded':
      return startSending(item, action.contentSize, action.at);
    case 'send-progress': {
      const progress = sendProgress(item, action.sent, action.total, action.at);
      return progress === item.progress ? item : { ...item, progress };
    }
    case 'waiting':
      return {
        ...item,
        phase: 'waiting',
        error: action.error,
        retryAt: action.retryAt,
        phaseStartedAt: action.at,
        progress: stopped(item.progress),
      };
    case 'resent':
      return startSending(item, undefined, action.at);
    case 'checking':
      return {
        ...item,
        phase: 'checking',
        error: action.error,
        phaseStartedAt: action.at,
        progress: stopped(item.progress),
      };
    case 'delivered':
      return {
        ...item,
        phase: 'delivered',
        error: undefined,
        receipt: action.receipt,
        retryAt: undefined,
        phaseStartedAt: action.at,
        progress: {
          ...stopped(item.progress),
          bytesRead: item.progress.bytesTotal,
          bytesSent: item.progress.sendTotal ?? item.progress.bytesSent,
          percentage: 100,
        },
      };
    case 'failed':
      return {
        ...item,
        phase: 'failed',
        error: action.error,
        retryAt: undefined,
        phaseStartedAt: action.at,
        progress: stopped(item.progress),
      };
    case 'cancelled':
      return {
        ...item,
        phase: 'cancelled',
        retryAt: undefined,
        phaseStartedAt: action.at,
        progress: stopped(item.progress),
      };
    case 'retried':
      return {
        ...item,
        phase: 'queued',
        error: undefined,
        receipt: undefined,
        retryAt: undefined,
        phaseStartedAt: action.at,
        progress: initialProgress(item.size),
      };
    default:
      return item;
  }
}

/**
 * The only way the queue's state changes. Pure: no clock, no ids, no I/O — time comes in the
 * action. An action that does not fit the item's phase (a late progress event after a cancel, a
 * retry of a delivered file, an unknown id) is ignored and the same state object is returned, so
 * subscribers are not notified.
 */
export function uploadReducer(state: QueueState, action: Action): QueueState {
  switch (action.type) {
    case 'added': {
      const known = new Set(state.items.map((item) => item.id));
      const fresh = action.items.filter((item) => !known.has(item.id));
      return fresh.length === 0 ? state : { ...state, items: [...state.items, ...fresh] };
    }
    case 'removed': {
      const items = state.items.filter((item) => item.id !== action.id);
      return items.length === state.items.length ? state : { ...state, items };
    }
    case 'cleared-finished': {
      const clearable: readonly Phase[] = CLEARABLE_PHASES;
      const items = state.items.filter((item) => !clearable.includes(item.phase));
      return items.length === state.items.length ? state : { ...state, items };
    }
    default: {
      const index = state.items.findIndex((item) => item.id === action.id);
      const item = state.items[index];
      const allowed: readonly Phase[] = FROM[action.type];
      if (item === undefined || !allowed.includes(item.phase)) return state;
      const next = transition(item, action);
      if (next === item) return state;
      const items = state.items.slice();
      items[index] = next;
      return { ...state, items };
    }
  }
}
