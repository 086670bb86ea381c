const STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', Number.POSITIVE_INFINITY],
];

/**
 * "5 minutes ago" in `lang` through `Intl.RelativeTimeFormat` (so each language words it its
 * own way: "vor 5 Minuten", "5 минут назад"); `elapsedMs` is clamped at zero.
 */
export function formatAgo(lang: string, elapsedMs: number): string {
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  let value = Math.max(0, Math.round(elapsedMs / 1000));
  for (const [unit, size] of STEPS) {
    if (value < size) return format.format(-value, unit);
    value = Math.floor(value / size);
  }
  return format.format(-value, 'day');
}
