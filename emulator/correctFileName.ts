/**
 * How Disk stores a file name (portal reference §7.1; public bitrix24-core-corp copy,
 * `modules/disk/lib/ui/text.php` `correctObjectName`, and `Internals\Path::correctFilename`):
 * trim; every emoji becomes `_`; then `<>:"|?*\/` and control bytes 0x01–0x1F become `_`.
 *
 * ASSUMED where the source is silent: an emoji sequence (ZWJ joins, skin tones, VS16) collapses
 * to one `_`; names longer than 255 characters are **cut** to 255, keeping the extension (Disk's
 * name column is 255 wide; we cut rather than refuse so that a long name still arrives).
 */
export const MAX_NAME_LENGTH = 255;

/** One pictographic code point with the modifiers, VS16 and ZWJ links that belong to it. */
const EMOJI =
  /\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])*)*/gu;
// eslint-disable-next-line no-control-regex -- control bytes are exactly what Disk replaces
const INVALID = /[<>:"|?*\\/\x01-\x1f]/g;
/** PHP trim()'s default set: space, \t, \n, \r, \0, \x0B. */
// eslint-disable-next-line no-control-regex -- PHP's trim set includes NUL and VT
const TRIM = /^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g;

export function correctFileName(name: string): string {
  const corrected = name.replace(TRIM, '').replace(EMOJI, '_').replace(INVALID, '_');
  return cut(corrected);
}

/**
 * The name a new file gets in a folder that already holds `taken` names: the name itself, else
 * `name (1).ext`, `name (2).ext`, … (im chat uploads ask Disk for `generateUniqueName`, §7.1).
 * Compared case-insensitively (ASSUMED: the portal database's default collation).
 */
export function uniqueFileName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  for (let n = 1; ; n += 1) {
    const candidate = cut(`${stem} (${n})${extension}`, extension);
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** Cuts to MAX_NAME_LENGTH code points, keeping `extension` (default: the name's own). */
function cut(name: string, extension?: string): string {
  const chars = [...name];
  if (chars.length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const ext = [...(extension ?? (dot > 0 ? name.slice(dot) : ''))];
  if (ext.length >= MAX_NAME_LENGTH) return chars.slice(0, MAX_NAME_LENGTH).join('');
  const stem = chars.slice(0, chars.length - ext.length);
  return stem.slice(0, MAX_NAME_LENGTH - ext.length).join('') + ext.join('');
}
