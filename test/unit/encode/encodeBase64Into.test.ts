import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64Length, encodeBase64Into } from '../../../src/encode/encodeBase64Into.ts';

const MiB = 1024 * 1024;
const SIZES = [0, 1, 2, 3, 4, 5, 6, 7, MiB - 1, MiB, MiB + 1];

function reference(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function encode(bytes: Uint8Array, out = new Uint8Array(base64Length(bytes.length))): string {
  const written = encodeBase64Into(bytes, out);
  return Buffer.from(out.buffer, out.byteOffset, written).toString('latin1');
}

describe('encodeBase64Into', () => {
  it.each(SIZES)('writes the same text as Buffer base64 for %i random bytes', (size) => {
    const bytes = new Uint8Array(randomBytes(size));
    expect(encode(bytes)).toBe(reference(bytes));
  });

  it('encodes every byte value 0..255 in every position of a 3-byte group', () => {
    for (let shift = 0; shift < 3; shift++) {
      const bytes = new Uint8Array(256 + shift);
      for (let i = 0; i < 256; i++) bytes[i + shift] = i;
      expect(encode(bytes)).toBe(reference(bytes));
    }
  });

  it('encodes a view into a larger buffer using only the view bytes', () => {
    const backing = new Uint8Array(randomBytes(100));
    const view = backing.subarray(7, 58);
    expect(encode(view)).toBe(reference(view));
  });

  it('writes correctly into an output view at an odd offset (no 16-bit stores there)', () => {
    const bytes = new Uint8Array(randomBytes(301));
    const backing = new Uint8Array(base64Length(301) + 3);
    expect(encode(bytes, backing.subarray(1, 1 + base64Length(301)))).toBe(reference(bytes));
  });

  it('returns the base64 length and leaves the rest of a larger output untouched', () => {
    const bytes = new Uint8Array(randomBytes(10));
    const out = new Uint8Array(64).fill(0x21);
    expect(encodeBase64Into(bytes, out)).toBe(16);
    expect(out.subarray(16).every((b) => b === 0x21)).toBe(true);
  });

  it('refuses an output buffer that is too short with a RangeError', () => {
    expect(() => encodeBase64Into(new Uint8Array(4), new Uint8Array(7))).toThrow(RangeError);
  });
});
