/**
 * Whether a file the portal stored as `stored` may be the file sent as `sent`. Besides the exact
 * name it accepts what a portal may do to a name on the way: trim surrounding whitespace, or give
 * a name already taken in the chat's folder a counter, `stem (N).ext` (Bitrix's disk names
 * duplicates like this; the extension is what follows the last dot, so `a.tar.gz` becomes
 * `a.tar (1).gz`). The size is compared by the caller: a name alone proves nothing.
 */
export function isSameUploadName(stored: string, sent: string): boolean {
  const have = stored.trim();
  const want = sent.trim();
  if (have === want) return true;
  const dot = want.lastIndexOf('.');
  const stem = dot > 0 ? want.slice(0, dot) : want;
  const extension = dot > 0 ? want.slice(dot) : '';
  if (!have.startsWith(stem) || !have.endsWith(extension)) return false;
  const middle = have.slice(stem.length, have.length - extension.length);
  return /^ \(\d{1,6}\)$/.test(middle);
}
