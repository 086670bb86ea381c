/**
 * `npm run bench` (= `tsx bench/run.ts`): Chat Drop's upload path vs the plain SDK path vs curl,
 * against the emulator, one module per case in bench/cases/. See bench/README.md and
 * docs/PERFORMANCE.md for what is measured and how.
 *
 *   npm run bench -- --quick                      100 MiB upload + encode cases, 1 warm-up + 3 runs
 *   npm run bench -- --out latest.json            every case (~20 min on an idle 2-CPU machine)
 *   npm run bench -- --only throttled,ten         some cases
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import { runConcurrencySweep } from './cases/concurrencySweep.ts';
import { runEncodeVariants } from './cases/encodeVariants.ts';
import { runHttp2Tls } from './cases/http2Tls.ts';
import { runManySmall } from './cases/manySmall.ts';
import { runStartupAndBundle } from './cases/startupAndBundle.ts';
import { evaluateTargets } from './cases/targets.ts';
import { runTenLarge } from './cases/tenLarge.ts';
import { runThrottledUplink } from './cases/throttledUplink.ts';
import { runUploadSizes } from './cases/uploadSizes.ts';
import { parseBenchArgs } from './lib/benchArgs.ts';
import type { BenchReport } from './lib/benchReport.ts';
import { createBenchContext, type BenchContext } from './lib/createBenchContext.ts';
import { engineVersion } from './lib/launchEngine.ts';
import { machineInfo } from './lib/machineInfo.ts';
import { renderMarkdown } from './lib/renderMarkdown.ts';

const args = parseBenchArgs(process.argv.slice(2));
const log = (text: string): void => void process.stderr.write(`bench: ${text}\n`);
let context: BenchContext | undefined;

/** The whole run may not take longer than this. */
const GLOBAL_TIMEOUT = setTimeout(
  () => {
    log('global timeout reached, cleaning up');
    void (context?.cleanupAll() ?? Promise.resolve()).finally(() => process.exit(124));
  },
  (args.quick ? 15 : 45) * 60_000,
);
GLOBAL_TIMEOUT.unref();

async function main(): Promise<void> {
  const started = Date.now();
  const machine = machineInfo();
  log(
    `${machine.nproc} CPU ${machine.cpuModel}, ${(machine.ramBytes / 1024 ** 3).toFixed(1)} GiB, ${machine.chromium}, Node ${machine.node}`,
  );
  const loadStart = loadavg()[0] ?? 0;
  log(`1-min load average at start: ${loadStart.toFixed(2)} on ${machine.nproc} CPUs`);
  const ctx = await createBenchContext(args);
  context = ctx;
  const runs = (name: Parameters<typeof args.skip.has>[0]): boolean => !args.skip.has(name);

  // Cases sharing one browser on the loopback portal.
  const loopback = ['upload', 'encode', 'many', 'concurrency', 'ten'] as const;
  let figures: Omit<BenchReport, 'targets' | 'notes' | 'kind' | 'startedAt' | 'durationS'> = {
    machine,
    loadAverage: { start: loadStart, end: loadStart },
    settings: {
      warmup: args.warmup,
      runs: args.runs,
      sizesMiB: args.sizesMiB,
      transport: 'http/1.1 over loopback (the emulator)',
    },
    sizes: [],
    encode: undefined,
    many: undefined,
    concurrency: undefined,
    ten: undefined,
    throttled: undefined,
    http2: undefined,
    startup: undefined,
    bundle: undefined,
  };
  if (loopback.some(runs)) {
    const session = await ctx.openSession(ctx.emulator.url);
    if (runs('upload')) figures = { ...figures, sizes: await runUploadSizes(ctx) };
    if (runs('encode')) figures = { ...figures, encode: await runEncodeVariants(ctx) };
    if (runs('many')) figures = { ...figures, many: await runManySmall(ctx) };
    if (runs('concurrency')) figures = { ...figures, concurrency: await runConcurrencySweep(ctx) };
    if (runs('ten')) figures = { ...figures, ten: await runTenLarge(ctx) };
    await session.close();
  }
  if (runs('upload')) {
    const engines = [];
    for (const engine of args.engines.filter((e) => e !== 'chromium')) {
      const version = engineVersion(engine);
      try {
        const session = await ctx.openSession(ctx.emulator.url, [], engine);
        try {
          const sizes = await runUploadSizes(ctx, { engine, paths: ['chatdrop', 'curl'] });
          engines.push({ engine, version, userAgent: session.userAgent, sizes });
        } finally {
          await session.close();
        }
      } catch (error) {
        log(`${engine}: ${String(error)}`);
        engines.push({ engine, version, userAgent: undefined, sizes: [], error: String(error) });
      }
    }
    if (engines.length > 0) figures = { ...figures, engines };
  }
  if (runs('throttled')) figures = { ...figures, throttled: await runThrottledUplink(ctx) };
  if (runs('http2')) figures = { ...figures, http2: await runHttp2Tls(ctx) };
  if (runs('startup') || runs('bundle')) {
    figures = { ...figures, ...(await runStartupAndBundle(ctx)) };
  }

  const loadEnd = loadavg()[0] ?? 0;
  log(`1-min load average at end: ${loadEnd.toFixed(2)}`);
  figures = { ...figures, loadAverage: { start: loadStart, end: loadEnd } };
  const busy =
    Math.max(loadStart, loadEnd) > machine.nproc / 2
      ? `1-min load average ${loadStart.toFixed(1)} → ${loadEnd.toFixed(1)} on ${machine.nproc} CPUs`
      : undefined;
  const targets = evaluateTargets(figures, busy);
  const notes = [...ctx.notes];
  for (const t of targets) if (t.why) notes.push(`Missed — ${t.name}: ${t.why}`);
  if (busy) {
    notes.push(
      `The machine was busy with other work (${busy}): absolute times, long tasks and memory peaks are inflated; compare ratios within this run.`,
    );
  }
  notes.push(
    'Timings come from the page itself (performance.now, Resource Timing for the request) and curl (-w time_total); Chromium runs without a driver during uploads.',
    'JS heap peak is sampled every 20 ms on the main thread and cannot see inside a long task: a lower bound. Renderer peak (VmHWM) is the real figure.',
    'curl time excludes encoding: its body is prepared on disk beforehand; it is the wire-and-server floor.',
  );
  const report: BenchReport = {
    kind: args.quick ? 'quick' : 'full',
    startedAt: new Date(started).toISOString(),
    durationS: (Date.now() - started) / 1000,
    ...figures,
    targets,
    notes,
  };
  const markdown = renderMarkdown(report, process.argv.slice(2));
  await mkdir(dirname(args.out), { recursive: true });
  await writeFile(args.out, `${JSON.stringify(report, null, 2)}\n`);
  const mdPath = args.out.replace(/\.json$/i, '') + '.md';
  await writeFile(mdPath, markdown);
  process.stdout.write(`${markdown}\n`);
  log(`wrote ${args.out} and ${mdPath}`);
}

main()
  .then(async () => {
    await context?.cleanupAll();
    clearTimeout(GLOBAL_TIMEOUT);
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await context?.cleanupAll();
    process.exit(1);
  });
