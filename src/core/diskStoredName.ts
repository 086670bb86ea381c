/**
 * An emoji as one unit: a pictographic code point with its variation selector and skin-tone
 * modifiers, and ZWJ-joined followers. How the portal collapses such a sequence is not known
 * (assumed: one `_` per sequence; matching code accepts one or more, see `storedNamePattern`).
 */
const EMOJI =
  /\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])*)*/gu;

/** Characters a Disk name may not hold, and the C0 controls 0x01–0x1F. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID = /[<>:"|?*\\/\u0001-\u001f]/g;

/**
 * The name Bitrix24's Disk stores for a file uploaded as `name` (public source: the Disk module's
 * `Bitrix\Disk\Ui\Text::correctFilename` in `modules/disk/lib/ui/text.php`; the im.v2 upload
 * controller itself is not public, so its use there is inferred): surrounding whitespace trimmed,
 * each emoji → `_`, each of `<>:"|?*\/` and 0x01–0x1F → `_`. A name already taken in the chat's
 * folder gets a counter on top of this (`report (1).pdf`), which only the portal's answer tells.
 *
 * @example
 * diskStoredName('Отчёт: Q3 "итог"?.pdf') // 'Отчёт_ Q3 _итог__.pdf'
 * diskStoredName('📊 plan.xlsx') // '_ plan.xlsx'
 */
export function diskStoredName(name: string): string {
  return name.trim().replace(EMOJI, '_').replace(INVALID, '_');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern for every name the portal may have stored for a file sent as `sent`: the corrected
 * name (an emoji sequence as one or more `_`), optionally with Disk's uniqueness counter
 * `stem (N).ext` (the extension is what follows the last dot: `a.tar.gz` → `a.tar (1).gz`).
 */
export function storedNamePattern(sent: string): RegExp {
  const marked = sent.trim().replace(EMOJI, '\u0000').replace(INVALID, '_');
  const dot = marked.lastIndexOf('.');
  const stem = dot > 0 ? marked.slice(0, dot) : marked;
  const extension = dot > 0 ? marked.slice(dot) : '';
  const source = (part: string): string => part.split('\u0000').map(escapeRegExp).join('_+');
  return new RegExp(`^${source(stem)}(?: \\(\\d{1,6}\\))?${source(extension)}$`, 'u');
}
