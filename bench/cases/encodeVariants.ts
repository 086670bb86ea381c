import { ENCODE_VARIANTS, type EncodeResult } from '../protocol.ts';
import type { EncodeVariantSummary } from '../lib/benchReport.ts';
import type { BenchContext } from '../lib/createBenchContext.ts';
import { MiB, spread } from '../lib/stats.ts';

/**
 * Bench case `encode`: the shipped encoder against the strategies it replaced, in the page's
 * Workers, 100 MiB (the largest `--sizes` value), nothing sent. Shows what each choice in
 * src/encode buys (docs/PERFORMANCE.md). The session must be open.
 */
export async function runEncodeVariants(ctx: BenchContext): Promise<EncodeVariantSummary[]> {
  const { args, collector, log } = ctx;
  const sizeBytes = Math.round(Math.max(...args.sizesMiB) * MiB);
  const results = new Map<string, EncodeResult[]>();
  for (let run = 0; run < args.warmup + args.runs; run++) {
    const order = ENCODE_VARIANTS.map(
      (_, i) => ENCODE_VARIANTS[(i + run) % ENCODE_VARIANTS.length]!,
    );
    for (const variant of order) {
      const caseId = `${ctx.nonce}-encode-${variant}-${run}`;
      collector.send({ type: 'encode', caseId, variant, size: sizeBytes });
      const result = (await collector.waitResult(caseId, 120_000)) as EncodeResult;
      log(
        `encode ${variant.padEnd(18)} ${run < args.warmup ? 'warm-up' : `run ${run - args.warmup + 1}`}: ${result.ok ? `${Math.round(result.totalMs)} ms` : `FAILED ${result.error ?? ''}`}`,
      );
      if (run >= args.warmup) results.set(variant, [...(results.get(variant) ?? []), result]);
    }
  }
  return ENCODE_VARIANTS.map((variant) => {
    const runs = results.get(variant) ?? [];
    const ok = runs.filter((r) => r.ok);
    return {
      variant,
      sizeBytes,
      totalMs: spread(ok.map((r) => r.totalMs)),
      failures: runs.length - ok.length,
      error: runs.find((r) => !r.ok)?.error,
      outputBytes: ok[0]?.outputBytes ?? 0,
      longestTaskMs: Math.max(0, ...runs.map((r) => r.longTasks.longestMs)),
    };
  });
}
