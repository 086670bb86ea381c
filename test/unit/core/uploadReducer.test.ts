import { describe, expect, it } from 'vitest';
import type { Action, QueueState } from '../../../src/core/uploadReducer.ts';
import {
  initialProgress,
  initialQueueState,
  MIN_ESTIMATE_MS,
  READ_SHARE,
  SENDING_CAP,
  uploadReducer,
} from '../../../src/core/uploadReducer.ts';
import { PHASES } from '../../../src/core/types.ts';
import type { Phase, UploadError, UploadItem } from '../../../src/core/types.ts';

const T0 = 1_000_000;
const error: UploadError = { code: 'UPLOAD_FAILED', origin: 'server', status: 400 };
const receipt = { messageId: 1, fileId: 2, chatId: 5, dialogId: 'chat5' };

function item(overrides: Partial<UploadItem> = {}): UploadItem {
  return {
    id: 'a',
    name: 'a.bin',
    size: 1_000,
    mimeType: '',
    lastModified: 0,
    dialogId: 'chat5',
    message: undefined,
    phase: 'queued',
    progress: initialProgress(1_000),
    error: undefined,
    receipt: undefined,
    attempts: 0,
    addedAt: T0,
    phaseStartedAt: T0,
    ...overrides,
  };
}

function stateWith(...items: UploadItem[]): QueueState {
  return { ...initialQueueState, items };
}

function run(state: QueueState, ...actions: Action[]): QueueState {
  return actions.reduce(uploadReducer, state);
}

const only = (state: QueueState): UploadItem => {
  const first = state.items[0];
  if (!first) throw new Error('empty');
  return first;
};

/** Each per-item action with the phases it may start from, and the phase it leads to. */
const TRANSITIONS: { action: Action; from: Phase[]; to: Phase }[] = [
  { action: { type: 'read-started', id: 'a', at: T0 }, from: ['queued'], to: 'reading' },
  {
    action: { type: 'read-progress', id: 'a', bytesRead: 10, at: T0 },
    from: ['reading'],
    to: 'reading',
  },
  {
    action: { type: 'encoded', id: 'a', contentSize: 1_336, at: T0 },
    from: ['reading'],
    to: 'sending',
  },
  {
    action: { type: 'send-progress', id: 'a', sent: 10, total: 1_336, at: T0 },
    from: ['sending'],
    to: 'sending',
  },
  {
    action: { type: 'waiting', id: 'a', error, retryAt: T0 + 1, at: T0 },
    from: ['sending', 'waiting'],
    to: 'waiting',
  },
  { action: { type: 'resent', id: 'a', at: T0 }, from: ['waiting'], to: 'sending' },
  { action: { type: 'checking', id: 'a', error, at: T0 }, from: ['sending'], to: 'checking' },
  {
    action: { type: 'delivered', id: 'a', receipt, at: T0 },
    from: ['sending', 'checking'],
    to: 'delivered',
  },
  {
    action: { type: 'failed', id: 'a', error, at: T0 },
    from: ['queued', 'reading', 'sending', 'waiting', 'checking'],
    to: 'failed',
  },
  {
    action: { type: 'cancelled', id: 'a', at: T0 },
    from: ['queued', 'reading', 'sending', 'waiting', 'checking'],
    to: 'cancelled',
  },
  { action: { type: 'retried', id: 'a', at: T0 }, from: ['failed', 'cancelled'], to: 'queued' },
];

describe('uploadReducer', () => {
  describe.each(TRANSITIONS)('$action.type', ({ action, from, to }) => {
    it.each([...PHASES])(
      'from %s: applies only from its legal phases, else returns the same state',
      (phase) => {
        const before = stateWith(
          item({ phase, progress: { ...initialProgress(1_000), sendTotal: 1_336 } }),
        );
        const after = uploadReducer(before, action);
        if (from.includes(phase)) {
          expect(after).not.toBe(before);
          expect(only(after).phase).toBe(to);
        } else {
          expect(after).toBe(before);
        }
      },
    );
  });

  it('ignores actions for an unknown id', () => {
    const before = stateWith(item({ phase: 'reading' }));
    expect(uploadReducer(before, { type: 'read-progress', id: 'zzz', bytesRead: 5, at: T0 })).toBe(
      before,
    );
  });

  it('adds items once per id, in order', () => {
    const a = item({ id: 'a' });
    const b = item({ id: 'b' });
    const state = run(
      initialQueueState,
      { type: 'added', items: [a, b] },
      { type: 'added', items: [a] },
    );
    expect(state.items.map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('removes an item in any phase', () => {
    for (const phase of PHASES) {
      const state = uploadReducer(stateWith(item({ phase })), { type: 'removed', id: 'a' });
      expect(state.items).toEqual([]);
    }
  });

  it('cleared-finished drops delivered and cancelled items and keeps failed and active ones', () => {
    const phases: Phase[] = ['delivered', 'cancelled', 'failed', 'sending', 'queued'];
    const state = uploadReducer(stateWith(...phases.map((phase) => item({ id: phase, phase }))), {
      type: 'cleared-finished',
    });
    expect(state.items.map((i) => i.id)).toEqual(['failed', 'sending', 'queued']);
    expect(uploadReducer(state, { type: 'cleared-finished' })).toBe(state);
  });

  it(`splits the bar: reading fills the first ${READ_SHARE * 100} %, sending up to ${SENDING_CAP} %, delivery 100 %`, () => {
    let state = run(stateWith(item()), { type: 'read-started', id: 'a', at: T0 });
    state = uploadReducer(state, { type: 'read-progress', id: 'a', bytesRead: 500, at: T0 + 10 });
    expect(only(state).progress.percentage).toBeCloseTo(READ_SHARE * 50);
    state = uploadReducer(state, { type: 'encoded', id: 'a', contentSize: 1_336, at: T0 + 20 });
    expect(only(state).progress).toEqual(
      expect.objectContaining({
        bytesRead: 1_000,
        sendTotal: 1_336,
        bytesSent: 0,
        percentage: READ_SHARE * 100,
      }),
    );
    expect(only(state).attempts).toBe(1);
    state = uploadReducer(state, {
      type: 'send-progress',
      id: 'a',
      sent: 668,
      total: 1_400,
      at: T0 + 30,
    });
    expect(only(state).progress.sendTotal).toBe(1_400);
    expect(only(state).progress.percentage).toBeCloseTo(
      (READ_SHARE + (1 - READ_SHARE) * (668 / 1_400)) * 100,
    );
    state = uploadReducer(state, {
      type: 'send-progress',
      id: 'a',
      sent: 1_400,
      total: 1_400,
      at: T0 + 40,
    });
    expect(only(state).progress.percentage).toBe(SENDING_CAP);
    state = uploadReducer(state, { type: 'delivered', id: 'a', receipt, at: T0 + 50 });
    expect(only(state).progress.percentage).toBe(100);
    expect(only(state).receipt).toEqual(receipt);
  });

  it('never moves progress backwards and never above the total', () => {
    let state = run(stateWith(item()), { type: 'read-started', id: 'a', at: T0 });
    state = run(
      state,
      { type: 'read-progress', id: 'a', bytesRead: 800, at: T0 },
      { type: 'read-progress', id: 'a', bytesRead: 100, at: T0 },
    );
    expect(only(state).progress.bytesRead).toBe(800);
    state = uploadReducer(state, { type: 'read-progress', id: 'a', bytesRead: 99_999, at: T0 });
    expect(only(state).progress.bytesRead).toBe(1_000);
    state = run(
      state,
      { type: 'encoded', id: 'a', contentSize: 1_336, at: T0 },
      { type: 'send-progress', id: 'a', sent: 1_000, total: 1_336, at: T0 },
      { type: 'send-progress', id: 'a', sent: 10, total: 1_336, at: T0 },
    );
    expect(only(state).progress.bytesSent).toBe(1_000);
    state = uploadReducer(state, {
      type: 'send-progress',
      id: 'a',
      sent: 5_000,
      total: 1_336,
      at: T0,
    });
    expect(only(state).progress.bytesSent).toBe(1_336);
    expect(only(state).progress.percentage).toBeLessThanOrEqual(100);
  });

  it('keeps the bar where it was when a rate-limited file is sent again', () => {
    let state = run(
      stateWith(item({ phase: 'reading' })),
      { type: 'encoded', id: 'a', contentSize: 1_000, at: T0 },
      { type: 'send-progress', id: 'a', sent: 1_000, total: 1_000, at: T0 },
    );
    const before = only(state).progress.percentage ?? 0;
    state = run(
      state,
      { type: 'waiting', id: 'a', error, retryAt: T0 + 5_000, at: T0 },
      { type: 'resent', id: 'a', at: T0 + 5_000 },
    );
    expect(only(state).retryAt).toBeUndefined();
    expect(only(state).attempts).toBe(2);
    expect(only(state).progress.bytesSent).toBe(0);
    expect(only(state).progress.percentage).toBe(before);
  });

  it('leaves speed and time left undefined until the phase has run 0.5 s with some bytes', () => {
    let state = run(stateWith(item()), { type: 'read-started', id: 'a', at: T0 });
    state = uploadReducer(state, {
      type: 'read-progress',
      id: 'a',
      bytesRead: 100,
      at: T0 + MIN_ESTIMATE_MS - 1,
    });
    expect(only(state).progress.speed).toBeUndefined();
    expect(only(state).progress.secondsLeft).toBeUndefined();
    state = uploadReducer(state, {
      type: 'read-progress',
      id: 'a',
      bytesRead: 500,
      at: T0 + 1_000,
    });
    expect(only(state).progress.speed).toBe(500);
    expect(only(state).progress.secondsLeft).toBe(1);
  });

  it('measures sending speed from the send phase only, in bytes of the original file', () => {
    let state = run(
      stateWith(item({ phase: 'reading' })),
      { type: 'encoded', id: 'a', contentSize: 2_000, at: T0 + 10_000 },
      { type: 'send-progress', id: 'a', sent: 0, total: 2_000, at: T0 + 10_100 },
    );
    expect(only(state).progress.speed).toBeUndefined();
    state = uploadReducer(state, {
      type: 'send-progress',
      id: 'a',
      sent: 1_000,
      total: 2_000,
      at: T0 + 12_000,
    });
    // half the body in 2 s = half the file (500 bytes) in 2 s
    expect(only(state).progress.speed).toBe(250);
    expect(only(state).progress.secondsLeft).toBe(2);
  });

  it('clears speed when a phase stops, and a retry starts a new attempt from zero', () => {
    let state = run(
      stateWith(item({ phase: 'reading' })),
      { type: 'encoded', id: 'a', contentSize: 1_000, at: T0 },
      { type: 'send-progress', id: 'a', sent: 500, total: 1_000, at: T0 + 1_000 },
      { type: 'failed', id: 'a', error, at: T0 + 1_001 },
    );
    expect(only(state).progress.speed).toBeUndefined();
    expect(only(state).error).toEqual(error);
    state = uploadReducer(state, { type: 'retried', id: 'a', at: T0 + 2_000 });
    expect(only(state)).toEqual(
      expect.objectContaining({
        phase: 'queued',
        error: undefined,
        attempts: 1,
        progress: initialProgress(1_000),
      }),
    );
  });

  it('does not deliver a failed or cancelled file afterwards (a late answer is ignored)', () => {
    const failed = stateWith(item({ phase: 'failed', error }));
    expect(uploadReducer(failed, { type: 'delivered', id: 'a', receipt, at: T0 })).toBe(failed);
  });
});
