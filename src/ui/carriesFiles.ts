/** True when a drag or paste carries files (not only a link or text). */
export function carriesFiles(data: DataTransfer | null | undefined): boolean {
  if (!data) return false;
  const types = Array.from(data.types ?? []);
  if (types.includes('Files') || types.includes('application/x-moz-file')) return true;
  return Array.from(data.items ?? []).some((item) => item.kind === 'file');
}
