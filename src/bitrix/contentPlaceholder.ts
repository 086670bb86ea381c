/**
 * Sixteen printable ASCII characters that are not in any base64 alphabet (standard or URL-safe)
 * and that `JSON.stringify` leaves as they are (no `"` or `\`).
 */
const SYMBOLS = "!#$%&'()*,.:;?@~";

/**
 * A unique stand-in for `fields.content` that the SDK serializes instead of the file (the upload
 * interceptor swaps the file in). Made only of characters outside base64, so that should it ever
 * leave unswapped, a strict decoder refuses it and a lenient one decodes it to zero bytes, which
 * the portal refuses as empty: a placeholder can never be stored as someone's file.
 */
export function contentPlaceholder(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let text = '';
  for (const byte of bytes) text += SYMBOLS[byte >> 4]! + SYMBOLS[byte & 15]!;
  return text;
}
