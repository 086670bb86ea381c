const STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', Number.POSITIVE_INFINITY],
];

/**
 * "5 minutes ago" in `lang` through `Intl.RelativeTimeFormat` (so each language words it its
 * own way: "vor 5 Minuten", "5 минут назад"); under a second counts as one second.
 */
export function formatAgo(lang: string, elapsedMs: number): string {
  // "always" for seconds: 'auto' says "now", which reads oddly in "was sent to Marketing now".
  const exact = new Intl.RelativeTimeFormat(lang, { numeric: 'always' });
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  let value = Math.max(1, Math.round(elapsedMs / 1000));
  for (const [unit, size] of STEPS) {
    if (value < size) return (unit === 'second' ? exact : format).format(-value, unit);
    value = Math.floor(value / size);
  }
  return format.format(-value, 'day');
}
