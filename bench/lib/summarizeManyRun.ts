import type { ManyResult } from '../protocol.ts';
import type { ManyResultSummary } from './benchReport.ts';

/** The figures every "many files" row reports, whichever case ran them. */
export type ManyRunFigures = Pick<
  ManyResultSummary,
  | 'count'
  | 'sizeBytes'
  | 'delivered'
  | 'failed'
  | 'errorCodes'
  | 'totalMs'
  | 'filesPerSecond'
  | 'longestTaskMs'
>;

/**
 * One {@link ManyResult} of `count` files of `size` bytes as report figures: files per second
 * counts delivered files over the whole run's wall time; the longest main-thread task in ms.
 */
export function summarizeManyRun(result: ManyResult, count: number, size: number): ManyRunFigures {
  return {
    count,
    sizeBytes: size,
    delivered: result.delivered,
    failed: result.failed,
    errorCodes: result.errorCodes,
    totalMs: result.totalMs,
    filesPerSecond: result.delivered / (result.totalMs / 1000),
    longestTaskMs: result.longTasks.longestMs,
  };
}
