import { describe, expect, it } from 'vitest';
import { pickToStart } from '../../../src/core/pickToStart.ts';

const large = (id: string) => ({ id, small: false });
const small = (id: string) => ({ id, small: true });

describe('pickToStart', () => {
  it('starts files in queue order up to the free slots', () => {
    expect(pickToStart([small('a'), small('b'), small('c')], 0, 2)).toEqual(['a', 'b']);
    expect(pickToStart([large('a'), large('b'), large('c')], 1, 2)).toEqual(['a']);
    expect(pickToStart([large('a')], 2, 2)).toEqual([]);
  });

  it('keeps the last free slot for a small file that waits, whatever number of large ones come first', () => {
    expect(pickToStart([large('a'), large('b'), large('c'), small('d')], 0, 2)).toEqual(['a', 'd']);
    expect(pickToStart([large('b'), small('d')], 1, 2)).toEqual(['d']);
    expect(pickToStart([large('a'), large('b'), small('d')], 0, 3)).toEqual(['a', 'b', 'd']);
  });

  it('lets large files take every slot when no small file waits', () => {
    expect(pickToStart([large('a'), large('b')], 0, 2)).toEqual(['a', 'b']);
  });

  it('with one slot in all, takes the next file whatever its size', () => {
    expect(pickToStart([large('a'), small('b')], 0, 1)).toEqual(['a']);
  });
});
