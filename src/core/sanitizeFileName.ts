/**
 * Control characters: C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F). They are invisible, break
 * the portal's headers (`Content-Disposition`) and logs, and no real file system needs them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * The portal keeps only the basename of `fields.name` (docs/portal-reference.md §4.5), so a name holding `/` or
 * `\` would silently lose its first part (`../../x` → `x`). Replacing them keeps every character
 * the user can see and leaves no path to traverse.
 */
const PATH_SEPARATORS = /[/\\]/g;

/**
 * The name sent to the portal for a picked file. Browsers already give a basename for a `File`;
 * this only rewrites what the portal would mangle: control characters are removed, `/` and `\`
 * become `_`. Everything else is kept exactly — Cyrillic, emoji, right-to-left text, bidi marks,
 * leading dots, no extension, only an extension, surrounding spaces — because the name is the
 * user's data. Names are never markup: the UI renders them as text.
 *
 * @example
 * sanitizeFileName('../../x.txt') // '.._.._x.txt'
 * sanitizeFileName('отчёт 📊.pdf') // 'отчёт 📊.pdf'
 */
export function sanitizeFileName(name: string): string {
  return name.replace(CONTROL_CHARACTERS, '').replace(PATH_SEPARATORS, '_');
}
