import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeBase64Chunk } from '../../../src/encode/encodeBase64Chunk.ts';
import { encodeBase64Fallback } from '../../../src/encode/encodeBase64Fallback.ts';

const MiB = 1024 * 1024;
const SIZES = [0, 1, 2, 3, 4, 5, 6, 7, MiB - 1, MiB, MiB + 1];

function reference(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

describe('encodeBase64Fallback', () => {
  it.each(SIZES)('matches Buffer base64 for %i random bytes', (size) => {
    const bytes = new Uint8Array(randomBytes(size));
    expect(encodeBase64Fallback(bytes)).toBe(reference(bytes));
  });

  it('encodes every byte value 0..255 in every position of a 3-byte group', () => {
    for (let shift = 0; shift < 3; shift++) {
      const bytes = new Uint8Array(256 + shift);
      for (let i = 0; i < 256; i++) bytes[i + shift] = i;
      expect(encodeBase64Fallback(bytes)).toBe(reference(bytes));
    }
  });

  it('encodes a view into a larger buffer using only the view bytes', () => {
    const backing = new Uint8Array(randomBytes(100));
    const view = backing.subarray(7, 58);
    expect(encodeBase64Fallback(view)).toBe(reference(view));
  });
});

describe('encodeBase64Chunk', () => {
  const proto = Uint8Array.prototype as unknown as { toBase64?: (this: Uint8Array) => string };
  const original = proto.toBase64;
  afterEach(() => {
    if (original) proto.toBase64 = original;
    else delete proto.toBase64;
  });

  it.each(SIZES)('matches Buffer base64 for %i random bytes', (size) => {
    const bytes = new Uint8Array(randomBytes(size));
    expect(encodeBase64Chunk(bytes)).toBe(reference(bytes));
  });

  it('uses Uint8Array.prototype.toBase64 when the engine has it', () => {
    let calls = 0;
    proto.toBase64 = function (this: Uint8Array) {
      calls++;
      return reference(this);
    };
    const bytes = new Uint8Array(randomBytes(1000));
    expect(encodeBase64Chunk(bytes)).toBe(reference(bytes));
    expect(calls).toBe(1);
  });

  it('falls back to the table encoder when toBase64 is missing', () => {
    delete proto.toBase64;
    const bytes = new Uint8Array(randomBytes(1001));
    expect(encodeBase64Chunk(bytes)).toBe(reference(bytes));
  });
});
