import type { ConcurrencyCase, ConcurrencyRow } from '../lib/benchReport.ts';
import type { BenchContext } from '../lib/createBenchContext.ts';
import { runManyInPage } from '../lib/runManyInPage.ts';
import { MiB } from '../lib/stats.ts';
import { summarizeManyRun } from '../lib/summarizeManyRun.ts';

/**
 * Bench case `concurrency`: Chat Drop's queue at each `--concurrency` level, 10 × 10 MiB (full
 * bucket) and many small files (rate limit on). The session must be open.
 */
export async function runConcurrencySweep(ctx: BenchContext): Promise<ConcurrencyRow[]> {
  const levels = ctx.args.concurrency;
  const run = async (
    caseId: string,
    count: number,
    size: number,
    level: number,
  ): Promise<ConcurrencyCase> => {
    const result = await runManyInPage(ctx, caseId, {
      path: 'chatdrop',
      count,
      size,
      concurrency: level,
    });
    const out: ConcurrencyCase = {
      ...summarizeManyRun(result, count, size),
      bytesPerSecond: (result.delivered * size) / (result.totalMs / 1000),
      tasksOver50: result.longTasks.over50,
      rendererPeakGrowth: ctx.growthOf(caseId)?.rendererPeakGrowth,
    };
    ctx.log(
      `concurrency ${level}: ${count} × ${(size / 1024).toFixed(0)} KiB: ${out.delivered}/${count} in ${(out.totalMs / 1000).toFixed(1)} s, longest task ${Math.round(out.longestTaskMs)} ms ${out.errorCodes.join(',')}`,
    );
    return out;
  };
  // Warm-up, not recorded: the first batch of large files in a session ran 3–4× slower than
  // the same batch later (seen in every sweep), which would be blamed on whichever level ran first.
  await ctx.refill();
  await run(`${ctx.nonce}-conc-warmup`, 10, 10 * MiB, levels[0] ?? 2);
  const rows: ConcurrencyRow[] = [];
  for (const level of levels) {
    // A full bucket before the large files (they stay under the burst) …
    await ctx.refill();
    const large = await run(`${ctx.nonce}-conc-${level}-large`, 10, 10 * MiB, level);
    // … and again before the small ones, which run into the limit on purpose.
    await ctx.refill(10);
    const small = await run(
      `${ctx.nonce}-conc-${level}-small`,
      ctx.args.manyCount,
      ctx.args.manyKiB * 1024,
      level,
    );
    rows.push({ concurrency: level, small, large });
  }
  return rows;
}
