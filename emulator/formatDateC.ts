/**
 * Formats a date like PHP `date('c')`: `2026-08-11T15:28:50+02:00` — local time, numeric offset,
 * no milliseconds, never `Z` (portal reference §3.3).
 */
export function formatDateC(date: Date = new Date()): string {
  const pad = (n: number): string => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}
