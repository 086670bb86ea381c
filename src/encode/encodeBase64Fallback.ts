/**
 * Table-based base64 for engines without `Uint8Array.prototype.toBase64` (Node 20, Firefox < 133,
 * Safari < 18.2). Writes ASCII bytes into one preallocated buffer and decodes it once, so a
 * 3 MiB chunk costs one allocation instead of millions of string concatenations.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const TABLE: Uint8Array = new TextEncoder().encode(ALPHABET);
const PAD = 0x3d; // '='
// Base64 output is pure ASCII, which every TextDecoder label maps 1:1.
const DECODER = new TextDecoder('latin1');

/** Standard base64 (RFC 4648 §4, with `=` padding) of `bytes`, without any native helper. */
export function encodeBase64Fallback(bytes: Uint8Array): string {
  const length = bytes.length;
  if (length === 0) return '';
  const out = new Uint8Array(Math.ceil(length / 3) * 4);
  const table = TABLE;
  const whole = length - (length % 3);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    // Indexes are in range by construction; `!` only satisfies noUncheckedIndexedAccess.
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o] = table[n >>> 18]!;
    out[o + 1] = table[(n >>> 12) & 63]!;
    out[o + 2] = table[(n >>> 6) & 63]!;
    out[o + 3] = table[n & 63]!;
    o += 4;
  }
  const rest = length - whole;
  if (rest === 1) {
    const n = bytes[whole]! << 16;
    out[o] = table[n >>> 18]!;
    out[o + 1] = table[(n >>> 12) & 63]!;
    out[o + 2] = PAD;
    out[o + 3] = PAD;
  } else if (rest === 2) {
    const n = (bytes[whole]! << 16) | (bytes[whole + 1]! << 8);
    out[o] = table[n >>> 18]!;
    out[o + 1] = table[(n >>> 12) & 63]!;
    out[o + 2] = table[(n >>> 6) & 63]!;
    out[o + 3] = PAD;
  }
  return DECODER.decode(out);
}
