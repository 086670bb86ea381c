/** An integer from a REST answer, where ids come as numbers or as digit strings; else undefined. */
export function toInt(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}
