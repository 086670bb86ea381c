import type { InstallPlacement } from '../core/installTypes.ts';

/** Title and description the portal shows for a widget, per interface language. */
interface PlacementText {
  readonly TITLE: string;
  readonly DESCRIPTION: string;
}

/**
 * Titles in the languages the widget ships. `placement.bind` stores `LANG_ALL` per language and
 * falls back to `TITLE`/`DESCRIPTION` (b24restdocs `api-reference/widgets/placement-bind.md`).
 */
const TEXTS = {
  en: { TITLE: 'Chat Drop', DESCRIPTION: 'Drop files here to send them to this chat' },
  ru: { TITLE: 'Chat Drop', DESCRIPTION: 'Перетащите файлы сюда, чтобы отправить их в этот чат' },
  de: {
    TITLE: 'Chat Drop',
    DESCRIPTION: 'Dateien hierher ziehen, um sie in diesen Chat zu senden',
  },
} as const satisfies Record<'en' | 'ru' | 'de', PlacementText>;

/**
 * `OPTIONS` per placement. Only keys the placement knows survive `placement.bind`
 * (portal reference §5.1): both take `iconName` (a Font Awesome 4 name, required), `context`
 * (`ALL` = private chats, group chats, open lines, CRM chats) and `extranet` (`N`: hidden from
 * extranet users, who cannot see the portal's chats list anyway); only IM_TEXTAREA takes the
 * popup's `width`/`height` in pixels.
 */
const OPTIONS = {
  IM_SIDEBAR: { iconName: 'fa-cloud-upload', context: 'ALL', extranet: 'N' },
  IM_TEXTAREA: {
    iconName: 'fa-cloud-upload',
    context: 'ALL',
    extranet: 'N',
    width: 440,
    height: 560,
  },
} as const satisfies Record<InstallPlacement, Readonly<Record<string, string | number>>>;

/**
 * Parameters of `placement.bind` for one of Chat Drop's placements. A type alias, not an
 * interface, so that it is assignable to a plain params record.
 */
export type PlacementBindParams = {
  readonly PLACEMENT: InstallPlacement;
  readonly HANDLER: string;
  readonly TITLE: string;
  readonly DESCRIPTION: string;
  readonly LANG_ALL: Readonly<Record<string, PlacementText>>;
  readonly OPTIONS: Readonly<Record<string, string | number>>;
};

/**
 * Builds the `placement.bind` parameters for `placement` pointing at `handler`.
 *
 * @example
 * installPlacementParams('IM_SIDEBAR', 'https://apps.example.com/chat-drop/');
 */
export function installPlacementParams(
  placement: InstallPlacement,
  handler: string,
): PlacementBindParams {
  return {
    PLACEMENT: placement,
    HANDLER: handler,
    TITLE: TEXTS.en.TITLE,
    DESCRIPTION: TEXTS.en.DESCRIPTION,
    LANG_ALL: TEXTS,
    OPTIONS: OPTIONS[placement],
  };
}

/**
 * True when `stored` (the `options` of a `placement.get` row) carries every option Chat Drop
 * binds with. Compared as strings: the portal coerces values to int/string and returns `[]` for
 * an empty set.
 */
export function hasInstallOptions(placement: InstallPlacement, stored: unknown): boolean {
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return false;
  const record = stored as Record<string, unknown>;
  return Object.entries(OPTIONS[placement]).every(
    ([key, value]) => String(record[key] ?? '') === String(value),
  );
}
