/**
 * Wraps user text (a file or chat name) in Unicode first-strong isolates (U+2068 … U+2069) so
 * that, inside a sentence of the other direction, it keeps its own direction and does not pull
 * the punctuation around it along (Unicode UAX #9, "Explicit Directional Isolates").
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
