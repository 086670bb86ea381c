import { MAX_NAME_LENGTH } from '../../src/core/validateFile.ts';

/** File names that must arrive as data, never as paths or markup: `[what is odd, the name]`. */
const ODD_NAMES: readonly (readonly [string, string])[] = [
  ['Cyrillic', 'Отчёт за квартал.txt'],
  ['emoji', 'party 🎉🚀.txt'],
  ['right-to-left', 'تقرير مالي.txt'],
  ['255 characters', `${'n'.repeat(MAX_NAME_LENGTH - 4)}.txt`],
  ['no extension', 'README'],
  ['only an extension', '.env'],
  ['a relative path', '../../x.txt'],
  ['a backslash path', 'a\\b.txt'],
  ['control characters', 'tab\there\u0007bell.txt'],
  ['HTML', '<img src=x onerror=alert(1)>.txt'],
];

/**
 * The odd names whose labels are `labels` (all of them when none is given), in the list's order.
 * Throws on a label the list does not have.
 */
export function oddFileNames(...labels: readonly string[]): readonly (readonly [string, string])[] {
  for (const label of labels)
    if (!ODD_NAMES.some(([known]) => known === label)) throw new Error(`no odd name "${label}"`);
  return labels.length === 0 ? ODD_NAMES : ODD_NAMES.filter(([label]) => labels.includes(label));
}
