import type { UploadError } from './types.ts';

/**
 * The largest file `im.v2.File.upload` accepts: 100 MiB of decoded bytes, and exactly that many is
 * still accepted (docs/portal-reference.md "Project decisions" and §4.3).
 */
export const MAX_FILE_BYTES = 104_857_600;

/**
 * The longest name accepted, in UTF-16 code units (JavaScript's `length`; an emoji counts 2).
 * 255 is the limit of common file systems (NTFS counts UTF-16 units, ext4 bytes) and of the
 * portal's disk, so a longer name could not be saved or downloaded intact.
 */
export const MAX_NAME_LENGTH = 255;

/** The part of a `File` the checks read; no byte of content is touched. */
export interface FileFacts {
  readonly name: string;
  readonly size: number;
}

/**
 * Checks a file before a byte of it is read. Pass the name already through `sanitizeFileName`.
 * Order: name, then size (empty, too large) — the first failing check wins.
 *
 * - `WIDGET_NAME_INVALID`: the name is empty, only whitespace, only dots (`.`, `..` are not file
 *   names anywhere) or longer than {@link MAX_NAME_LENGTH} UTF-16 units.
 * - `FILE_EMPTY` (origin client): 0 bytes; the portal refuses empty content (docs/portal-reference.md §4.2 row 4).
 * - `FILE_TOO_LARGE` (origin client): more than {@link MAX_FILE_BYTES}; the server's own code, as
 *   STYLE.md §3 asks for client pre-checks of server rules.
 *
 * @returns the error, or `undefined` when the file may be sent.
 */
export function validateFile(file: FileFacts): UploadError | undefined {
  const name = file.name;
  if (name.trim() === '' || /^\.+$/.test(name)) {
    return { code: 'WIDGET_NAME_INVALID', origin: 'client', detail: 'empty name' };
  }
  if (name.length > MAX_NAME_LENGTH) {
    return {
      code: 'WIDGET_NAME_INVALID',
      origin: 'client',
      detail: `name is ${name.length} UTF-16 units long (max ${MAX_NAME_LENGTH})`,
    };
  }
  if (file.size === 0) {
    return { code: 'FILE_EMPTY', origin: 'client' };
  }
  if (file.size > MAX_FILE_BYTES) {
    return {
      code: 'FILE_TOO_LARGE',
      origin: 'client',
      detail: `${file.size} bytes (max ${MAX_FILE_BYTES})`,
    };
  }
  return undefined;
}
