/**
 * Whether the row of queue item `itemId` inside `root` is wholly on screen: inside the window and
 * inside the long list's own scroll area. A row with no layout box (virtualized away, or a
 * document without layout) is not.
 */
export function isRowInView(root: HTMLElement | null, itemId: string): boolean {
  const row = root?.querySelector<HTMLElement>(`[data-item-id=${JSON.stringify(itemId)}]`);
  if (!row) return false;
  const rect = row.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return false;
  const inside = (outer: { top: number; bottom: number }): boolean =>
    rect.top >= outer.top && rect.bottom <= outer.bottom;
  if (!inside({ top: 0, bottom: window.innerHeight })) return false;
  const scroller = row.closest('.cd-list-scroll');
  return !scroller || inside(scroller.getBoundingClientRect());
}
