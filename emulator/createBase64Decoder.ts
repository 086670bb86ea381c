/**
 * Streaming strict Base64 decoder with PHP `base64_decode($s, true)` semantics, which the
 * reference assumes for `fields.content` (portal reference §4.3, §6.5):
 * - alphabet A–Z a–z 0–9 + / ; space, \t, \r, \n are skipped;
 * - `=` only as trailing padding (at most 2, and then the total length is a multiple of 4);
 *   missing padding is accepted; a final group of exactly one character is invalid;
 * - anything else (URL-safe `-`/`_`, a `data:` prefix, non-ASCII) makes the input invalid.
 * Chunks are fed as raw bytes, so a 140 MB string never has to exist in memory at once.
 */

export interface Base64Decoder {
  /** Decoded bytes of this chunk, or null once the input is known to be invalid. */
  write(chunk: Buffer | string): Buffer | null;
  /** The remaining bytes, or null when the input as a whole is invalid. */
  end(): Buffer | null;
}

const ALPHABET_ONLY = /^[A-Za-z0-9+/]*$/;
const WHITESPACE = /[ \t\r\n]/g;
const PADDING_ONLY = /^=*$/;

export function createBase64Decoder(): Base64Decoder {
  let carry = '';
  let dataCount = 0;
  let padding = 0;
  let invalid = false;

  function fail(): null {
    invalid = true;
    carry = '';
    return null;
  }

  function take(data: string): Buffer {
    dataCount += data.length;
    const joined = carry + data;
    const usable = joined.length - (joined.length % 4);
    carry = joined.slice(usable);
    return usable === 0 ? Buffer.alloc(0) : Buffer.from(joined.slice(0, usable), 'base64');
  }

  return {
    write(chunk) {
      if (invalid) return null;
      // latin1 keeps one char per byte, so any byte >= 0x80 stays outside the alphabet (as does
      // any non-ASCII char of a string chunk).
      let text = typeof chunk === 'string' ? chunk : chunk.toString('latin1');
      if (padding === 0 && ALPHABET_ONLY.test(text)) return take(text);
      text = text.replace(WHITESPACE, '');
      if (padding > 0) {
        if (!PADDING_ONLY.test(text)) return fail();
        padding += text.length;
        return padding > 2 ? fail() : Buffer.alloc(0);
      }
      const eq = text.indexOf('=');
      const head = eq === -1 ? text : text.slice(0, eq);
      if (!ALPHABET_ONLY.test(head)) return fail();
      if (eq !== -1) {
        const tail = text.slice(eq);
        if (!PADDING_ONLY.test(tail)) return fail();
        padding = tail.length;
        if (padding > 2) return fail();
      }
      return take(head);
    },
    end() {
      if (invalid) return null;
      const rest = dataCount % 4;
      if (rest === 1) return fail();
      if (padding > 0 && rest + padding !== 4) return fail();
      const out = carry.length === 0 ? Buffer.alloc(0) : Buffer.from(carry, 'base64');
      carry = '';
      return out;
    },
  };
}
