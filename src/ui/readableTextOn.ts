/** WCAG 2 relative luminance of a `#rrggbb` colour (WCAG 2.2, "relative luminance"). */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Black or white, whichever contrasts more with `background` (`#rrggbb`; anything else gets
 * white). One of the two always reaches 4.5:1 (WCAG AA): chats' colours come from the portal and
 * white initials on a light one (#55d0e0) are 1.8:1.
 */
export function readableTextOn(background: string | undefined): string {
  if (!background || !/^#[0-9a-f]{6}$/i.test(background)) return '#fff';
  const l = luminance(background);
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#fff' : '#000';
}
