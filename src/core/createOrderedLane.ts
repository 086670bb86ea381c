/**
 * Files up to this size (bytes) are sent one after another in the order they were dropped, so
 * the chat shows them in that order: the portal posts each file's message when its upload is
 * processed, so two uploads in flight may land in either order (issue 6, "in order of dropping").
 * A larger file goes on its own beside them, so a 100 MiB video does not hold up the photos
 * dropped with it (issue 6, "the small ones are not starved"); its message lands when it is done.
 */
export const ORDERED_MAX_BYTES = 8 * 1024 * 1024;

/** A place in the lane; `undefined` = outside it (a large file), always its turn. */
export type Ticket = number | undefined;

/** The ordered send lane: first come, first sent, for small files. */
export interface OrderedLane {
  /** A ticket for a file of `size` bytes (tickets are taken in queue order), or undefined above the limit. */
  take(size: number): Ticket;
  /** True when a file of `size` bytes goes through the lane (is small enough to keep its order). */
  fits(size: number): boolean;
  /** True when `ticket` may send now. */
  isTurn(ticket: Ticket): boolean;
  /** Resolves when `ticket`'s turn comes, or at once when `wake()` is called (cancel, dispose). */
  wait(ticket: Ticket): { readonly done: Promise<void>; wake(): void };
  /** The holder is done sending (delivered, failed, checking, cancelled); later tickets may go. */
  release(ticket: Ticket): void;
}

/**
 * The ordered lane: only the lowest ticket not yet released may send. Tickets are taken when a
 * file starts, and every holder is running, so the lowest one always makes progress: no
 * deadlock, whatever the concurrency. Tickets may be released out of order (a later file
 * cancelled); the lane then skips them when their turn comes.
 *
 * @example
 * const lane = createOrderedLane();
 * const ticket = lane.take(file.size);
 * await lane.wait(ticket).done;
 * try { await send() } finally { lane.release(ticket) }
 */
export function createOrderedLane(maxBytes: number = ORDERED_MAX_BYTES): OrderedLane {
  let nextTicket = 0;
  let serving = 0;
  const released = new Set<number>();
  const waiters = new Set<() => void>();

  const isTurn = (ticket: Ticket): boolean => ticket === undefined || ticket === serving;
  const fits = (size: number): boolean => size <= maxBytes;

  return {
    take: (size) => (fits(size) ? nextTicket++ : undefined),
    fits,
    isTurn,
    wait(ticket) {
      let wake!: () => void;
      const done = new Promise<void>((resolve) => {
        if (isTurn(ticket)) {
          wake = () => undefined;
          resolve();
          return;
        }
        const poll = (): void => {
          if (isTurn(ticket)) wake();
        };
        wake = () => {
          waiters.delete(poll);
          resolve();
        };
        waiters.add(poll);
      });
      return { done, wake };
    },
    release(ticket) {
      if (ticket === undefined || ticket < serving || released.has(ticket)) return;
      released.add(ticket);
      while (released.delete(serving)) serving += 1;
      for (const poll of [...waiters]) poll();
    },
  };
}
