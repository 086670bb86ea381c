import type { QueueDrainedEvent } from './UploadEvents.ts';

/** Counts of one batch, for `queue-drained`. */
export interface BatchTally {
  /** The queue got work: a batch is open from now until `close`. */
  open(): void;
  /** Counts one file in the open batch (opening one if none is). */
  count(outcome: keyof QueueDrainedEvent): void;
  /** The counts of the open batch, and a fresh start; undefined when no batch is open. */
  close(): QueueDrainedEvent | undefined;
}

/**
 * The batch summary's counts, from the moment the queue got work until it has none left (the
 * engine decides when that is). A batch is open once anything was added, retried or started, so
 * a batch of refused files alone still ends with one `queue-drained`.
 *
 * @example
 * const tally = createBatchTally();
 * tally.count('delivered');
 * tally.close(); // { delivered: 1, failed: 0, unknown: 0, rejected: 0, cancelled: 0 }
 */
export function createBatchTally(): BatchTally {
  let counts: { -readonly [K in keyof QueueDrainedEvent]: number } | undefined;
  const open = (): NonNullable<typeof counts> =>
    (counts ??= { delivered: 0, failed: 0, unknown: 0, rejected: 0, cancelled: 0 });
  return {
    open() {
      open();
    },
    count(outcome) {
      open()[outcome] += 1;
    },
    close() {
      const closed = counts;
      counts = undefined;
      return closed;
    },
  };
}
