import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import type { UploadResult } from '../protocol.ts';
import {
  ALL_PATHS,
  type AnyPath,
  type PathSummary,
  type PhaseSummary,
  type SizeResult,
  type UploadSample,
} from '../lib/benchReport.ts';
import { DIALOG_ID, type BenchContext } from '../lib/createBenchContext.ts';
import type { EngineName } from '../lib/launchEngine.ts';
import { runCurlUpload, writeCurlBody } from '../lib/runCurlUpload.ts';
import { MiB, spread } from '../lib/stats.ts';

function summarizePath(path: AnyPath, samples: UploadSample[]): PathSummary {
  const ok = samples.filter((s) => s.ok);
  const pick = (f: (s: UploadSample) => number | undefined): number[] =>
    ok.map(f).filter((v): v is number => v !== undefined);
  return {
    path,
    failures: samples.length - ok.length,
    totalMs: spread(pick((s) => s.totalMs)),
    encodeMs: spread(pick((s) => s.encodeMs)),
    longestTaskMs: spread(pick((s) => s.longestTaskMs)),
    tasksOver50: spread(pick((s) => s.tasksOver50)),
    rendererPeakGrowth: spread(pick((s) => s.rendererPeakGrowth)),
    browserPeakGrowth: spread(pick((s) => s.browserPeakGrowth)),
    heapPeakBytes: spread(pick((s) => s.heapPeakBytes)),
    samples,
  };
}

/** Medians of each phase over Chat Drop's successful runs. */
export function summarizePhases(samples: readonly UploadSample[]): PhaseSummary | undefined {
  const runs = samples
    .filter((s) => s.ok && s.phases)
    .map((s) => ({ ...s.phases!, total: s.totalMs }));
  if (runs.length === 0) return undefined;
  const median = (values: (number | undefined)[]): number | undefined =>
    spread(values.filter((v): v is number => v !== undefined))?.median;
  const gap = (a: number | undefined, b: number | undefined): number | undefined =>
    a === undefined || b === undefined ? undefined : b - a;
  return {
    readWaitMs: median(runs.map((r) => r.readWaitMs)),
    base64Ms: median(runs.map((r) => r.base64Ms)),
    storeMs: median(runs.map((r) => r.storeMs)),
    encodeMs: median(runs.map((r) => r.encodedAtMs)),
    handOverMs: median(runs.map((r) => gap(r.encodedAtMs, r.requestAtMs))),
    sendMs: median(runs.map((r) => gap(r.requestAtMs, r.bodySentAtMs))),
    portalMs: median(runs.map((r) => gap(r.bodySentAtMs, r.responseAtMs))),
    afterMs: median(runs.map((r) => gap(r.responseAtMs, r.total))),
  };
}

/** Which engine the open session runs, and which paths to measure in it. */
export interface UploadSizesOptions {
  readonly engine: EngineName;
  /** Default: every path. The other engines measure Chat Drop and curl only (issue 12). */
  readonly paths?: readonly AnyPath[];
}

/**
 * Bench case `upload`: one file per size through Chat Drop's path, the plain SDK path and curl,
 * warm-up + N runs each, the order of the paths rotating every run. The session must be open.
 * Longest task is left empty outside Chromium: only Chromium has `longtask` entries.
 */
export async function runUploadSizes(
  ctx: BenchContext,
  options: UploadSizesOptions = { engine: 'chromium' },
): Promise<SizeResult[]> {
  const { engine } = options;
  const measuredPaths = options.paths ?? ALL_PATHS;
  const tag = engine === 'chromium' ? '' : `-${engine}`;
  const { args, collector, emulator, log } = ctx;
  const results: SizeResult[] = [];
  for (const sizeMiB of args.sizesMiB) {
    const sizeBytes = Math.round(sizeMiB * MiB);
    const name = `bench-${sizeMiB}MiB.bin`;
    const body = await writeCurlBody(ctx.tmp, sizeBytes, {
      dialogId: DIALOG_ID,
      name,
      token: ctx.token,
    });
    const samples: Record<AnyPath, UploadSample[]> = { chatdrop: [], plain: [], curl: [] };
    const browserSha = new Set<string>();
    for (let run = 0; run < args.warmup + args.runs; run++) {
      const measured = run >= args.warmup;
      // Rotate the order every run so no path always runs first (caches, GC, disk).
      const order = measuredPaths.map(
        (_, i) => measuredPaths[(i + run) % measuredPaths.length] as AnyPath,
      );
      for (const path of order) {
        const caseId = `${ctx.nonce}${tag}-${path}-${sizeMiB}-${run}`;
        let sample: UploadSample;
        if (path === 'curl') {
          const result = await runCurlUpload(
            `${emulator.url}/rest/im.v2.File.upload?bx24_request_id=${caseId}`,
            body,
            join(ctx.tmp, `${caseId}.response.json`),
            ctx.uploadTimeoutMs(sizeBytes),
          );
          const accepted = ctx.acceptedFor(caseId);
          sample = {
            run,
            ok: result.ok,
            errorCode: result.errorCode,
            totalMs: result.totalMs,
            encodeMs: undefined,
            longestTaskMs: undefined,
            tasksOver50: undefined,
            rendererPeakGrowth: undefined,
            browserPeakGrowth: undefined,
            heapPeakBytes: undefined,
            heapGrowthBytes: undefined,
            longTasks: undefined,
            verified: accepted.count === 1 && accepted.sha256[0] === body.sha256,
          };
        } else {
          collector.send({
            type: 'upload',
            caseId,
            path,
            size: sizeBytes,
            dialogId: DIALOG_ID,
            name,
            traceProgress: false,
          });
          const result = (await collector.waitResult(
            caseId,
            ctx.uploadTimeoutMs(sizeBytes),
          )) as UploadResult;
          const growth = ctx.growthOf(caseId);
          const accepted = ctx.acceptedFor(caseId);
          for (const sha of accepted.sha256) browserSha.add(sha);
          sample = {
            run,
            ok: result.ok,
            errorCode: result.errorCode,
            totalMs: result.totalMs,
            encodeMs: result.encodeMs,
            longestTaskMs: engine === 'chromium' ? result.longTasks.longestMs : undefined,
            tasksOver50: engine === 'chromium' ? result.longTasks.over50 : undefined,
            rendererPeakGrowth: growth?.rendererPeakGrowth,
            browserPeakGrowth: growth?.browserPeakGrowth,
            heapPeakBytes: result.heapPeakBytes,
            heapGrowthBytes: result.heapGrowthBytes,
            longTasks: engine === 'chromium' ? result.longTasks.top : undefined,
            verified: accepted.count === 1 && accepted.sizes[0] === sizeBytes,
            phases: result.phases,
          };
        }
        log(
          `${engine === 'chromium' ? '' : `${engine} `}${sizeMiB} MiB ${path.padEnd(8)} ${measured ? `run ${run - args.warmup + 1}` : 'warm-up'}: ${sample.ok ? 'ok' : `FAILED ${sample.errorCode ?? ''}`} ${Math.round(sample.totalMs)} ms` +
            (sample.encodeMs === undefined ? '' : `, encode ${Math.round(sample.encodeMs)} ms`) +
            (sample.longestTaskMs === undefined
              ? ''
              : `, longest task ${Math.round(sample.longestTaskMs)} ms`) +
            (sample.rendererPeakGrowth === undefined
              ? ''
              : `, renderer +${(sample.rendererPeakGrowth / MiB).toFixed(0)} MiB`),
        );
        if (measured) samples[path].push(sample);
        await ctx.sleep(500); // let the portal finish writing the file before the next case starts
      }
    }
    await rm(body.file, { force: true });
    const paths = measuredPaths.map((path) => summarizePath(path, samples[path]));
    const medianOf = (path: AnyPath): number | undefined =>
      paths.find((p) => p.path === path)?.totalMs?.median;
    const curlMedian = medianOf('curl');
    results.push({
      sizeMiB,
      sizeBytes,
      paths,
      ratioChatDropToCurl: curlMedian ? (medianOf('chatdrop') ?? NaN) / curlMedian : undefined,
      ratioPlainToCurl:
        curlMedian && measuredPaths.includes('plain')
          ? (medianOf('plain') ?? NaN) / curlMedian
          : undefined,
      phases: summarizePhases(samples.chatdrop),
    });
    if (browserSha.size > 1) {
      ctx.note(
        `${engine} ${sizeMiB} MiB: the two browser paths stored different bytes (${browserSha.size} distinct sha256) — the bodies are not identical.`,
      );
    }
  }
  return results;
}
