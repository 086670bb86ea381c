import type { BundleSize } from './measureBundleSize.ts';
import type { MachineInfo } from './machineInfo.ts';
import type { Spread } from './stats.ts';

/** Every path measured for one file size: the two browser paths and curl. */
export const ALL_PATHS = ['chatdrop', 'plain', 'curl'] as const;
export type AnyPath = (typeof ALL_PATHS)[number];

export const PATH_LABELS = {
  chatdrop: 'Chat Drop (Worker → base64 Blob → SDK + body splice)',
  plain: 'Plain SDK (readAsDataURL → actions.v2.call.make)',
  curl: 'curl (same JSON body from a file)',
} as const satisfies Record<AnyPath, string>;

/** One measured upload (a run of one path at one size). */
export interface UploadSample {
  readonly run: number;
  readonly ok: boolean;
  readonly errorCode: string | undefined;
  readonly totalMs: number;
  readonly encodeMs: number | undefined;
  readonly longestTaskMs: number | undefined;
  readonly tasksOver50: number | undefined;
  readonly rendererPeakGrowth: number | undefined;
  readonly browserPeakGrowth: number | undefined;
  readonly heapPeakBytes: number | undefined;
  readonly heapGrowthBytes: number | undefined;
  /** Longest tasks: ms after hand-over and duration (see protocol.ts LongTaskSummary.top). */
  readonly longTasks: readonly { readonly atMs: number; readonly durationMs: number }[] | undefined;
  /** The portal stored exactly the bytes that were sent (sha256 from emulator.uploads()). */
  readonly verified: boolean | undefined;
}

export interface PathSummary {
  readonly path: AnyPath;
  readonly failures: number;
  readonly totalMs: Spread | undefined;
  readonly encodeMs: Spread | undefined;
  readonly longestTaskMs: Spread | undefined;
  readonly tasksOver50: Spread | undefined;
  readonly rendererPeakGrowth: Spread | undefined;
  readonly browserPeakGrowth: Spread | undefined;
  readonly heapPeakBytes: Spread | undefined;
  readonly samples: readonly UploadSample[];
}

export interface SizeResult {
  readonly sizeMiB: number;
  readonly sizeBytes: number;
  readonly paths: readonly PathSummary[];
  /** Median total time of the path divided by curl's median. */
  readonly ratioChatDropToCurl: number | undefined;
  readonly ratioPlainToCurl: number | undefined;
}

export interface ManyResultSummary {
  readonly path: 'chatdrop' | 'plain';
  readonly count: number;
  readonly sizeBytes: number;
  readonly delivered: number;
  readonly failed: number;
  readonly errorCodes: readonly string[];
  readonly totalMs: number;
  readonly filesPerSecond: number;
  readonly longestTaskMs: number;
  /** What the portal's rate limit alone allows: (count − burst) / drain, seconds. */
  readonly rateLimitPaceS: number;
}

/** One engine `concurrency` setting: many small files (rate limit on) and a few large ones. */
export interface ConcurrencyRow {
  readonly concurrency: number;
  readonly small: ConcurrencyCase;
  readonly large: ConcurrencyCase;
}

export interface ConcurrencyCase {
  readonly count: number;
  readonly sizeBytes: number;
  readonly delivered: number;
  readonly failed: number;
  /** Codes seen, `… (waited)` = a rate-limit refusal the engine resent after a visible wait. */
  readonly errorCodes: readonly string[];
  readonly totalMs: number;
  readonly filesPerSecond: number;
  /** Payload bytes delivered per second. */
  readonly bytesPerSecond: number;
  readonly longestTaskMs: number;
  readonly tasksOver50: number;
  readonly rendererPeakGrowth: number | undefined;
}

export interface SlowResultSummary {
  readonly path: 'chatdrop' | 'plain';
  readonly uplinkBytesPerSecond: number;
  readonly sizeBytes: number;
  readonly ok: boolean;
  readonly errorCode: string | undefined;
  readonly totalMs: number;
  /** Upload requests the proxy saw start (each SDK retry re-sends the whole body). */
  readonly requestsStarted: number;
  /** Uploads the portal accepted for this case (a duplicate would be > 1). */
  readonly accepted: number;
  readonly bytesUp: number;
  readonly progressEvents: number | undefined;
  readonly progressMaxGapMs: number | undefined;
  readonly longestTaskMs: number;
}

/**
 * One package or src area in the shipped JS. `renderedBytes` is its code before minification;
 * `gzipEstimate` is the shipped gzip total shared out pro rata: an estimate, good for ranking.
 */
export interface BundleShare {
  readonly group: string;
  readonly renderedBytes: number;
  readonly gzipEstimate: number;
}

export interface StartupSummary {
  readonly frameToReadyMs: Spread | undefined;
  readonly clickToReadyMs: Spread | undefined;
  readonly error: string | undefined;
}

export interface Target {
  readonly name: string;
  readonly value: number | null;
  readonly limit: number;
  readonly unit: string;
  readonly met: boolean;
  readonly note?: string;
  /** Set when `met` is false: why, from this run's own figures, and what would reach it. */
  readonly why?: string;
}

export interface BenchReport {
  readonly kind: 'quick' | 'full';
  readonly startedAt: string;
  readonly durationS: number;
  readonly machine: MachineInfo;
  /** 1-minute load average when the bench started and ended: other work on the machine skews figures. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly settings: {
    readonly warmup: number;
    readonly runs: number;
    readonly sizesMiB: readonly number[];
    readonly transport: 'http (loopback)';
  };
  readonly sizes: readonly SizeResult[];
  readonly many: readonly ManyResultSummary[] | undefined;
  readonly slow: readonly SlowResultSummary[] | undefined;
  /** Chat Drop's engine at several `concurrency` settings (the default is chosen from this). */
  readonly concurrency: readonly ConcurrencyRow[] | undefined;
  readonly startup: StartupSummary | undefined;
  readonly bundle:
    | (BundleSize & {
        readonly error?: string;
        /** What the JS is made of, largest first (see {@link BundleShare}). */
        readonly composition?: readonly BundleShare[];
      })
    | undefined;
  readonly targets: readonly Target[];
  readonly notes: readonly string[];
}
