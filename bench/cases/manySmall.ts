import type { ManyResultSummary } from '../lib/benchReport.ts';
import { RATE, type BenchContext } from '../lib/createBenchContext.ts';
import { runManyInPage } from '../lib/runManyInPage.ts';
import { summarizeManyRun } from '../lib/summarizeManyRun.ts';

/**
 * Bench case `many`: `--many-count` × `--many-kib` files with the portal's rate limit on, Chat
 * Drop's queue (default concurrency) vs plain SDK calls one at a time. The session must be open.
 */
export async function runManySmall(ctx: BenchContext): Promise<ManyResultSummary[]> {
  const count = ctx.args.manyCount;
  const size = ctx.args.manyKiB * 1024;
  const pace = Math.max(0, count - RATE.burst) / RATE.drainPerSecond;
  const out: ManyResultSummary[] = [];
  for (const path of ['chatdrop', 'plain'] as const) {
    // Both the portal's bucket and the SDK's own client-side bucket must be full again.
    ctx.log(`many files (${path}): waiting for the rate-limit buckets to refill…`);
    await ctx.refill();
    const result = await runManyInPage(ctx, `${ctx.nonce}-many-${path}`, { path, count, size });
    const summary: ManyResultSummary = {
      path,
      ...summarizeManyRun(result, count, size),
      rateLimitPaceS: pace,
    };
    ctx.log(
      `many files (${path}): ${summary.delivered}/${count} in ${(summary.totalMs / 1000).toFixed(1)} s (${summary.filesPerSecond.toFixed(2)} files/s), failed ${summary.failed} ${summary.errorCodes.join(',')}`,
    );
    out.push(summary);
  }
  return out;
}
