/**
 * This app's handler address: the page's own URL without the portal's query string
 * (`DOMAIN`, `APP_SID`, ... change on every open) and without a fragment.
 *
 * A static app's install wizard runs from `install.html` (b24restdocs
 * `settings/app-installation/local-apps/installation-master.md`); its widgets must open the
 * `index.html` next to it, so that name is swapped.
 *
 * @example
 * installHandlerUrl(window.location); // 'https://apps.example.com/chat-drop/'
 */
export function installHandlerUrl(location: {
  readonly origin: string;
  readonly pathname: string;
}): string {
  const path = location.pathname.replace(/(^|\/)install\.html$/i, '$1index.html');
  return `${location.origin}${path}`;
}
