/** A file waiting in the queue, as the scheduler sees it. */
export interface WaitingFile {
  readonly id: string;
  /** Goes through the ordered lane (createOrderedLane.ts `fits`): small enough to keep its order. */
  readonly small: boolean;
}

/**
 * Which waiting files start now, in queue order, given `running` files of at most `concurrency`.
 * The last free slot is kept for a small file while one waits, so large files never hold up the
 * small ones dropped with them, however many large ones there are (the ordered lane's promise,
 * createOrderedLane.ts); with no small file waiting, large files take every slot.
 */
export function pickToStart(
  waiting: readonly WaitingFile[],
  running: number,
  concurrency: number,
): string[] {
  const smallWaits = concurrency > 1 && waiting.some((file) => file.small);
  const picked: string[] = [];
  for (const file of waiting) {
    const slots = concurrency - running - picked.length;
    if (slots <= 0) break;
    if (file.small || !smallWaits || slots > 1) picked.push(file.id);
  }
  return picked;
}
