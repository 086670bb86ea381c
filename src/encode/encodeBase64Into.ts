/**
 * Standard base64 (RFC 4648 §4, with `=` padding) written as ASCII bytes into a caller's buffer.
 *
 * Why bytes and not `Uint8Array.prototype.toBase64`: the base64 must end up in a Blob, and a Blob
 * made from a JS string re-encodes that string to UTF-8 character by character. Measured in
 * Chromium 156 (bench `encode` case, docs/PERFORMANCE.md): native `toBase64` then
 * `new Blob([string])` costs several times more than this table encoder writing the bytes the Blob
 * copies directly. So the encoder does not depend on `toBase64`, and engines that lack it (older
 * Firefox ESR and Safari) run the very same code.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SINGLE: Uint8Array = new TextEncoder().encode(ALPHABET);
const PAD = 0x3d; // '='

/**
 * Two output characters per 12 input bits, as one 16-bit store: halves the stores of the hot loop.
 * Built for the platform's byte order so the two characters land in text order either way.
 */
const PAIRS: Uint16Array = (() => {
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const table = new Uint16Array(4096);
  for (let i = 0; i < 4096; i++) {
    const first = SINGLE[i >>> 6]!;
    const second = SINGLE[i & 63]!;
    table[i] = littleEndian ? first | (second << 8) : (first << 8) | second;
  }
  return table;
})();

/** Characters of the base64 text of `byteLength` bytes (4 per started group of 3). */
export function base64Length(byteLength: number): number {
  return Math.ceil(byteLength / 3) * 4;
}

/**
 * Writes the base64 of `bytes` to the start of `out` and returns the number of bytes written
 * (`base64Length(bytes.length)`).
 *
 * @throws RangeError when `out` is shorter than `base64Length(bytes.length)`.
 */
export function encodeBase64Into(bytes: Uint8Array, out: Uint8Array): number {
  const length = bytes.length;
  const written = base64Length(length);
  if (out.length < written) {
    throw new RangeError(`base64 output needs ${written} bytes, got ${out.length}`);
  }
  const whole = length - (length % 3);
  // 16-bit view over `out` (2-byte aligned), else fall back to single-byte stores.
  const aligned = out.byteOffset % 2 === 0;
  const pairs = aligned
    ? new Uint16Array(out.buffer, out.byteOffset, Math.floor(out.length / 2))
    : undefined;
  let o = 0;
  if (pairs) {
    let p = 0;
    for (let i = 0; i < whole; i += 3) {
      // In range by construction; `!` only satisfies noUncheckedIndexedAccess.
      const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
      pairs[p] = PAIRS[n >>> 12]!;
      pairs[p + 1] = PAIRS[n & 4095]!;
      p += 2;
    }
    o = p * 2;
  } else {
    for (let i = 0; i < whole; i += 3) {
      const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
      out[o] = SINGLE[n >>> 18]!;
      out[o + 1] = SINGLE[(n >>> 12) & 63]!;
      out[o + 2] = SINGLE[(n >>> 6) & 63]!;
      out[o + 3] = SINGLE[n & 63]!;
      o += 4;
    }
  }
  const rest = length - whole;
  if (rest > 0) {
    const n = (bytes[whole]! << 16) | (rest === 2 ? bytes[whole + 1]! << 8 : 0);
    out[o] = SINGLE[n >>> 18]!;
    out[o + 1] = SINGLE[(n >>> 12) & 63]!;
    out[o + 2] = rest === 2 ? SINGLE[(n >>> 6) & 63]! : PAD;
    out[o + 3] = PAD;
  }
  return written;
}
