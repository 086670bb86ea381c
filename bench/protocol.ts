/**
 * Messages between the bench runner (Node, bench/run.ts) and the bench page (browser,
 * bench/page/main.mts). Pure types: this file is type-checked by both the Node project and the
 * page project. The page pulls commands (`GET /next`) and reports back (`POST /mark`,
 * `POST /result`) to the runner's collector, so nothing drives the browser during an upload
 * (a driver's network inspection distorts uploads several-fold: docs/PERFORMANCE.md, Method).
 */

/** The two in-browser paths compared by the bench. curl is run by the runner itself. */
export const BROWSER_PATHS = ['chatdrop', 'plain'] as const;
export type BrowserPath = (typeof BROWSER_PATHS)[number];

/** One upload of one generated file. */
export interface UploadCommand {
  readonly type: 'upload';
  readonly caseId: string;
  readonly path: BrowserPath;
  readonly size: number;
  readonly dialogId: string;
  readonly name: string;
  /** Ask the page to report send progress events (slow-uplink case). */
  readonly traceProgress: boolean;
}

/** Many small files: Chat Drop's queue, or plain SDK calls one at a time. */
export interface ManyCommand {
  readonly type: 'many';
  readonly caseId: string;
  readonly path: BrowserPath;
  readonly count: number;
  readonly size: number;
  readonly dialogId: string;
  /** Chat Drop only: the engine's `concurrency`; undefined = its default. */
  readonly concurrency: number | undefined;
}

export interface DoneCommand {
  readonly type: 'done';
}

/** Encode strategies compared in the page (bench `encode` case). */
export const ENCODE_VARIANTS = [
  /** What ships: createWorkerEncoder with its defaults. */
  'shipped',
  /** The shipped encoder with 12 MiB chunks (fewer reads and parts, more memory). */
  'shipped-12MiB',
  /** The strategy before issue 13: per 3 MiB chunk native toBase64, then new Blob([string]). */
  'native-string-3MiB',
  /** Native toBase64 of the whole file in one buffer, no Blob: the floor of base64 itself. */
  'native-only',
  /** Reading the file's stream to the end, nothing else: the floor of reading. */
  'read-floor',
  /** 4 MiB Blob parts made from one ready buffer until they hold the base64's size: the floor of storing. */
  'store-floor',
] as const;
export type EncodeVariant = (typeof ENCODE_VARIANTS)[number];

/** Encode one generated file with one strategy, in a Worker; nothing is sent. */
export interface EncodeCommand {
  readonly type: 'encode';
  readonly caseId: string;
  readonly variant: EncodeVariant;
  readonly size: number;
}

export type BenchCommand = UploadCommand | ManyCommand | EncodeCommand | DoneCommand;

/** Sent by the page right before it hands the file(s) over (`start`) and right after the result. */
export interface MarkMessage {
  readonly caseId: string;
  readonly phase: 'start' | 'end';
}

export interface LongTaskSummary {
  /** Longest task in ms; 0 when none crossed the Long Tasks API's 50 ms threshold. */
  readonly longestMs: number;
  /** Tasks over 50 ms. */
  readonly over50: number;
  /** Sum of the long tasks' durations. */
  readonly totalMs: number;
  /** The five longest: start (ms after hand-over) and duration, to tell encode from send. */
  readonly top: readonly { readonly atMs: number; readonly durationMs: number }[];
}

export interface ProgressTrace {
  /** Number of send-progress callbacks. */
  readonly events: number;
  /** Longest gap between two progress callbacks while sending, ms. */
  readonly maxGapMs: number;
  /** ms from hand-over to the first send-progress event. */
  readonly firstAtMs: number | undefined;
}

/** Where the time of one Chat Drop upload went, ms after hand-over (page clock). */
export interface UploadPhases {
  /** Worker: waiting for file reads that were not hidden behind encoding. */
  readonly readWaitMs: number | undefined;
  /** Worker: base64 work. */
  readonly base64Ms: number | undefined;
  /** Worker: copying base64 into Blob parts. */
  readonly storeMs: number | undefined;
  /** The encoder's promise resolved (encode phase end). */
  readonly encodedAtMs: number;
  /** The XHR was handed to the network stack (Resource Timing startTime). */
  readonly requestAtMs: number | undefined;
  /** The last upload-progress event with every body byte sent. */
  readonly bodySentAtMs: number | undefined;
  /** The response was complete (Resource Timing responseEnd). */
  readonly responseAtMs: number | undefined;
  /** Resource Timing nextHopProtocol (`h2`, `http/1.1`), when the browser exposes it. */
  readonly protocol: string | undefined;
}

export interface UploadResult {
  readonly type: 'upload';
  readonly caseId: string;
  readonly path: BrowserPath;
  readonly size: number;
  readonly ok: boolean;
  /** Error code (Bitrix or SDK) when not ok. */
  readonly errorCode: string | undefined;
  readonly errorStatus: number | undefined;
  /** From "file handed over" to "result received". */
  readonly totalMs: number;
  /** Chat Drop only: time the Worker took to produce the base64 Blob. */
  readonly encodeMs: number | undefined;
  readonly longTasks: LongTaskSummary;
  /** performance.memory.usedJSHeapSize: max sampled minus value at hand-over (main thread only). */
  readonly heapGrowthBytes: number | undefined;
  readonly heapPeakBytes: number | undefined;
  readonly messageId: number | undefined;
  readonly progress: ProgressTrace | undefined;
  /** Chat Drop only. */
  readonly phases: UploadPhases | undefined;
}

export interface EncodeResult {
  readonly type: 'encode';
  readonly caseId: string;
  readonly variant: EncodeVariant;
  readonly size: number;
  readonly ok: boolean;
  readonly error: string | undefined;
  readonly totalMs: number;
  /** Size of the base64 Blob (or string) produced: checks every variant did the whole job. */
  readonly outputBytes: number;
  readonly longTasks: LongTaskSummary;
}

export interface ManyResult {
  readonly type: 'many';
  readonly caseId: string;
  readonly path: BrowserPath;
  readonly count: number;
  readonly size: number;
  /** As in the command (undefined = the engine's default). */
  readonly concurrency: number | undefined;
  readonly delivered: number;
  readonly failed: number;
  readonly errorCodes: readonly string[];
  readonly totalMs: number;
  readonly longTasks: LongTaskSummary;
}

/** The page reports a fatal problem (e.g. the SDK did not start). */
export interface FatalResult {
  readonly type: 'fatal';
  readonly message: string;
}

export type BenchResult = UploadResult | ManyResult | EncodeResult | FatalResult;

/** What the page says once it has started inside the portal frame. */
export interface HelloMessage {
  readonly userAgent: string;
  readonly placement: string;
  readonly hasPreciseMemory: boolean;
  readonly hasGc: boolean;
}
