import type { BrowserPath, ManyResult } from '../protocol.ts';
import { DIALOG_ID, type BenchContext } from './createBenchContext.ts';

/** Sends `count` generated files of `size` bytes through one browser path and waits for the result. */
export async function runManyInPage(
  ctx: BenchContext,
  caseId: string,
  options: {
    readonly path: BrowserPath;
    readonly count: number;
    readonly size: number;
    /** Chat Drop only: the engine's `concurrency`; undefined = its default. */
    readonly concurrency?: number;
  },
): Promise<ManyResult> {
  ctx.collector.send({
    type: 'many',
    caseId,
    path: options.path,
    count: options.count,
    size: options.size,
    dialogId: DIALOG_ID,
    concurrency: options.concurrency,
  });
  return (await ctx.collector.waitResult(caseId, 15 * 60_000)) as ManyResult;
}
