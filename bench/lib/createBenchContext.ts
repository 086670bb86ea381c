import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServer } from '../../server/createAppServer.ts';
import type { BenchArgs } from './benchArgs.ts';
import { buildWithVite } from './buildWithVite.ts';
import { launchEngine, type EngineName, type RunningBrowser } from './launchEngine.ts';
import {
  loadEmulator,
  type BenchEmulator,
  type BenchEmulatorOptions,
  type CreateEmulator,
} from './loadEmulator.ts';
import { memoryGrowth, readPeaks, resetPeaks, type MemoryGrowth } from './processMemory.ts';
import { MiB } from './stats.ts';
import { startCollector, type Collector } from './startCollector.ts';

/** The emulator's default rate limit (brief): burst 50, drain 2 per second. */
export const RATE = { burst: 50, drainPerSecond: 2 } as const;
export const DIALOG_ID = 'chat5'; // "Marketing": user 1 is a member (seed data)

export interface Session {
  readonly browser: RunningBrowser;
  /** The page's `navigator.userAgent`. */
  readonly userAgent: string;
  close(): Promise<void>;
}

/** What every bench case gets: servers, the page, the portal, sessions, and clean-up. */
export interface BenchContext {
  readonly args: BenchArgs;
  readonly nonce: string;
  readonly tmp: string;
  readonly token: string;
  readonly collector: Collector;
  readonly createEmulator: CreateEmulator;
  /** The loopback http portal most cases use, rate limit on. */
  readonly emulator: BenchEmulator;
  /** The bench page's handler URL (the portal opens it in its frame). */
  readonly handlerUrl: string;
  log(text: string): void;
  /** Adds a line to the report's notes. */
  note(text: string): void;
  readonly notes: readonly string[];
  sleep(ms: number): Promise<void>;
  onCleanup(fn: () => Promise<void> | void): void;
  /** A portal with the bench page in it, on `options` (port, data dir and app URL filled in). */
  startPortal(name: string, options?: Partial<BenchEmulatorOptions>): Promise<BenchEmulator>;
  /**
   * Opens the portal page at `portalBase` in a fresh browser of `engine` (default Chromium;
   * `extraFlags` are Chromium's) and waits for the bench page.
   */
  openSession(
    portalBase: string,
    extraFlags?: readonly string[],
    engine?: EngineName,
  ): Promise<Session>;
  /** Peak memory growth the page's start/end marks bracketed, by case id. */
  growthOf(caseId: string): MemoryGrowth | undefined;
  /** Uploads `portal` stored for a case id (prefix match: many-file cases add `-<i>`). */
  acceptedFor(
    caseId: string,
    portal?: BenchEmulator,
  ): { count: number; sha256: string[]; sizes: number[] };
  /** Waits until the portal's rate-limit bucket (and the SDK's own) holds `requests` again. */
  refill(requests?: number): Promise<void>;
  uploadTimeoutMs(bytes: number): number;
  cleanupAll(): Promise<void>;
}

/** Kills every browser the bench started even on a synchronous exit. */
const browsers = new Set<RunningBrowser>();
process.on('exit', () => {
  for (const browser of browsers) {
    try {
      process.kill(-browser.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

/**
 * Starts the collector, builds the bench page (Vite) and starts the loopback portal. Every
 * server, browser and temp dir registered here is closed by `cleanupAll` (also on Ctrl-C).
 */
export async function createBenchContext(args: BenchArgs): Promise<BenchContext> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const log = (text: string): void => void process.stderr.write(`bench: ${text}\n`);
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  const onCleanup = (fn: () => Promise<void> | void): void => void cleanups.push(fn);
  const cleanupAll = async (): Promise<void> => {
    for (const fn of cleanups.splice(0).reverse()) {
      try {
        await fn();
      } catch (error) {
        log(`cleanup failed: ${String(error)}`);
      }
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}, cleaning up`);
      void cleanupAll().finally(() => process.exit(130));
    });
  }

  const notes: string[] = [];
  const nonce = randomBytes(3).toString('hex');
  const tmp = await mkdtemp(join(tmpdir(), 'chat-drop-bench-'));
  onCleanup(() => rm(tmp, { recursive: true, force: true }));
  const collector = await startCollector();
  onCleanup(() => collector.close());

  log('building the bench page (Vite)…');
  const pageDist = join(tmp, 'bench-page');
  await buildWithVite('bench', pageDist);
  const pageServer = await createAppServer({ root: pageDist, port: 0, host: '127.0.0.1' });
  onCleanup(() => pageServer.close());
  // The collector's URL travels in the handler URL; the portal appends DOMAIN/APP_SID to it.
  const handlerUrl = `${pageServer.url}?collector=${encodeURIComponent(collector.url)}`;

  const createEmulator = await loadEmulator();
  const token = randomBytes(35).toString('hex'); // 70 hex chars, like the portal's tokens
  const startPortal: BenchContext['startPortal'] = async (name, options = {}) => {
    const portal = await createEmulator({
      port: 0,
      dataDir: join(tmp, `portal-${name}`),
      appUrl: handlerUrl,
      oauthTokens: [{ userId: 1, token }],
      rateLimit: RATE,
      // The portal's operating limit (480 s of processing per method per 10 minutes) is a budget a
      // full bench spends by design (dozens of 100 MiB uploads); it is not what is measured here.
      // Raising the limit is not enough: the SDK reads the used time from every answer and holds
      // the method back by itself for up to 10 minutes once it nears 480 s (its OperatingLimiter,
      // docs/portal-reference.md §7.3). So the billed processing is scaled down too.
      operatingLimitSeconds: 1_000_000,
      processingScale: 1e-6,
      ...options,
    });
    onCleanup(() => portal.close());
    return portal;
  };
  const emulator = await startPortal('main');
  log(`emulator at ${emulator.url}, bench page at ${pageServer.url}`);

  // Memory baselines per case, taken when the page says "start" (see protocol.ts MarkMessage).
  let memoryRoot = 0;
  const baselines = new Map<string, ReturnType<typeof resetPeaks>>();
  const growths = new Map<string, MemoryGrowth>();
  collector.onMark((mark) => {
    if (mark.phase === 'start') baselines.set(mark.caseId, resetPeaks(memoryRoot));
    else
      growths.set(
        mark.caseId,
        memoryGrowth(baselines.get(mark.caseId) ?? [], readPeaks(memoryRoot)),
      );
  });

  const openSession: BenchContext['openSession'] = async (
    portalBase,
    extraFlags = [],
    engine = 'chromium',
  ) => {
    collector.reset();
    const browser = await launchEngine(
      engine,
      `${portalBase}/marketplace/app/1/?user=1&lang=en`,
      extraFlags,
    );
    browsers.add(browser);
    const close = async (): Promise<void> => {
      await browser.close();
      browsers.delete(browser);
    };
    onCleanup(close);
    // Firefox and WebKit start more slowly than Chromium, more so on a loaded machine.
    const hello = await collector.waitHello(engine === 'chromium' ? 60_000 : 120_000);
    memoryRoot = browser.pid;
    log(
      `${engine}: page up in ${hello.placement} (${hello.userAgent.match(/(Chrome|Firefox|Version)\/[\d.]+/)?.[0] ?? '?'}; gc=${hello.hasGc}, precise memory=${hello.hasPreciseMemory})`,
    );
    return {
      browser,
      userAgent: hello.userAgent,
      async close() {
        collector.send({ type: 'done' });
        await sleep(200);
        await close();
      },
    };
  };

  return {
    args,
    nonce,
    tmp,
    token,
    collector,
    createEmulator,
    emulator,
    handlerUrl,
    log,
    note: (text) => void notes.push(text),
    notes,
    sleep,
    onCleanup,
    startPortal,
    openSession,
    growthOf: (caseId) => growths.get(caseId),
    acceptedFor(caseId, portal = emulator) {
      const entries = portal.uploads().filter((u) => u.requestId.startsWith(caseId));
      return {
        count: entries.length,
        sha256: entries.map((e) => e.sha256),
        sizes: entries.map((e) => e.size),
      };
    },
    refill: (requests = RATE.burst) => sleep((requests / RATE.drainPerSecond + 2) * 1000),
    // Generous: the plain path alone may take ~100 s with retries on a slow link.
    uploadTimeoutMs: (bytes) => 120_000 + (bytes / MiB) * 3_000,
    cleanupAll,
  };
}
