import { storedNamePattern } from '../core/diskStoredName.ts';

/**
 * Whether a file the portal stored as `stored` may be the file sent as `sent`: the same name after
 * the portal's corrections (core/diskStoredName.ts: trim, emoji and forbidden characters → `_`),
 * optionally with a uniqueness counter `stem (N).ext`. A name alone proves nothing: the caller
 * compares the size, and the bytes where it can (createDeliveryFinder.ts).
 */
export function isSameUploadName(stored: string, sent: string): boolean {
  return stored.trim() === sent.trim() || storedNamePattern(sent).test(stored.trim());
}
