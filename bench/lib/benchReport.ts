import type { BundleSize } from './measureBundleSize.ts';
import type { MachineInfo } from './machineInfo.ts';
import type { EncodeVariant, UploadPhases } from '../protocol.ts';
import type { Spread } from './stats.ts';
import type { EngineName } from './launchEngine.ts';

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
  /** Chat Drop only: where the time went (see {@link PhaseSummary}). */
  readonly phases?: UploadPhases | undefined;
}

/**
 * Chat Drop's upload split into phases, medians over the measured runs, ms. read/base64/store
 * happen inside the encode phase (reads overlap encoding, so read = the wait not hidden by it).
 */
export interface PhaseSummary {
  readonly readWaitMs: number | undefined;
  readonly base64Ms: number | undefined;
  readonly storeMs: number | undefined;
  /** Hand-over → the encoder's Blob is ready. */
  readonly encodeMs: number | undefined;
  /** Blob ready → XHR handed to the network stack (SDK call, body splice). */
  readonly handOverMs: number | undefined;
  /** XHR start → every body byte sent (includes the CORS preflight). */
  readonly sendMs: number | undefined;
  /** Body sent → response complete: the portal decoding and storing. */
  readonly portalMs: number | undefined;
  /** Response complete → the transport's result. */
  readonly afterMs: number | undefined;
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
  readonly phases?: PhaseSummary | undefined;
}

/** The upload case in one more engine (`--engines`), Chat Drop vs curl. */
export interface EngineFigures {
  readonly engine: EngineName;
  /** Debian package version (dpkg-query). */
  readonly version: string;
  readonly userAgent: string | undefined;
  readonly sizes: readonly SizeResult[];
  /** Why the engine gave no figures (it did not start, the page never said hello, …). */
  readonly error?: string | undefined;
}

/** One encode strategy in the page (bench `encode` case), nothing sent. */
export interface EncodeVariantSummary {
  readonly variant: EncodeVariant;
  readonly sizeBytes: number;
  readonly totalMs: Spread | undefined;
  readonly failures: number;
  readonly error: string | undefined;
  readonly outputBytes: number;
  readonly longestTaskMs: number;
}

/** Chat Drop against curl for one scenario: medians of the measured runs and their ratio. */
export interface VersusCurl {
  readonly label: string;
  readonly chatdropMs: Spread | undefined;
  readonly curlMs: Spread | undefined;
  readonly ratio: number | undefined;
  readonly chatdropFailures: number;
  readonly curlFailures: number;
  /** Extra facts for the table (requests started, bytes sent, protocol…). */
  readonly details: readonly string[];
}

/** A case that could not run here, and why (e.g. the emulator lacks HTTPS/HTTP-2). */
export interface NotRun {
  readonly notRun: string;
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
  /** Set when the figure could not be taken in this run (then `met` is false and `value` null). */
  readonly notRun?: string;
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
    readonly transport: string;
  };
  readonly sizes: readonly SizeResult[];
  /** `--engines`: the upload case in Firefox / WebKit (Chromium's figures are `sizes`). */
  readonly engines?: readonly EngineFigures[] | undefined;
  readonly many: readonly ManyResultSummary[] | undefined;
  readonly encode: readonly EncodeVariantSummary[] | undefined;
  /** 8 MiB/s (default) throttled uplink, Chat Drop vs curl through the same proxy. */
  readonly throttled: VersusCurl | undefined;
  /** 10 × 10 MiB: Chat Drop's queue vs curl sending them one after the other. */
  readonly ten: VersusCurl | undefined;
  /** 100 MiB over HTTPS + HTTP/2, or why it did not run. */
  readonly http2: VersusCurl | NotRun | undefined;
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
