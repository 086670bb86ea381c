/**
 * What the im module does to a message text when it is read back over REST (portal reference
 * §7.5; public kotopheiop/bitrix-core copy of `modules/im/classes/general/im_rest.php` and
 * `modules/im/lib/chat.php`): HTML entities are unescaped, bare URLs become
 * `[URL=…]…[/URL]`, and an empty mention `[USER=5][/USER]` gets the user's name.
 * The exact URL pattern is ASSUMED (http/https up to whitespace or a BB-code bracket).
 */
export function rewriteMessageText(text: string, userName: (id: number) => string): string {
  const unescaped = text
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  const mentions = unescaped.replace(
    /\[USER=(\d+)\]\[\/USER\]/gi,
    (_all, id: string) => `[USER=${id}]${userName(Number(id))}[/USER]`,
  );
  // Bare URLs only: not already inside [URL=…] or [URL]…[/URL].
  return mentions.replace(
    /(\[URL(?:=[^\]]*)?\][^[]*\[\/URL\])|(https?:\/\/[^\s[\]<>"]+)/gi,
    (all, linked: string | undefined, bare: string | undefined) =>
      linked !== undefined || bare === undefined ? all : `[URL=${bare}]${bare}[/URL]`,
  );
}
