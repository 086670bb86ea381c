import { describe, expect, it } from 'vitest';
import { createOrderedLane, ORDERED_MAX_BYTES } from '../../../src/core/createOrderedLane.ts';

/** True once `promise` has settled (after pending callbacks ran). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('createOrderedLane', () => {
  it('sends small files in the order their tickets were taken', async () => {
    const lane = createOrderedLane();
    const [a, b, c] = [lane.take(1), lane.take(1), lane.take(1)];
    expect(lane.isTurn(a)).toBe(true);
    const waitB = lane.wait(b).done;
    const waitC = lane.wait(c).done;
    expect(await settled(waitB)).toBe(false);
    lane.release(a);
    expect(await settled(waitB)).toBe(true);
    expect(await settled(waitC)).toBe(false);
    lane.release(b);
    expect(await settled(waitC)).toBe(true);
  });

  it('lets a file above the limit go at once, beside the lane', () => {
    const lane = createOrderedLane();
    lane.take(1);
    const big = lane.take(ORDERED_MAX_BYTES + 1);
    expect(big).toBeUndefined();
    expect(lane.isTurn(big)).toBe(true);
  });

  it('skips tickets released out of order (a later file cancelled) when their turn comes', async () => {
    const lane = createOrderedLane();
    const [a, b, c] = [lane.take(1), lane.take(1), lane.take(1)];
    lane.release(b);
    const waitC = lane.wait(c).done;
    expect(await settled(waitC)).toBe(false);
    lane.release(a);
    expect(await settled(waitC)).toBe(true);
    expect(lane.isTurn(c)).toBe(true);
  });

  it('ends a wait early on wake (cancel), without giving the turn away', async () => {
    const lane = createOrderedLane();
    const [a, b] = [lane.take(1), lane.take(1)];
    const wait = lane.wait(b);
    wait.wake();
    expect(await settled(wait.done)).toBe(true);
    expect(lane.isTurn(b)).toBe(false);
    expect(lane.isTurn(a)).toBe(true);
  });

  it('ignores a second release of the same ticket', () => {
    const lane = createOrderedLane();
    const [a, b, c] = [lane.take(1), lane.take(1), lane.take(1)];
    lane.release(a);
    lane.release(a);
    expect(lane.isTurn(b)).toBe(true);
    expect(lane.isTurn(c)).toBe(false);
  });
});
