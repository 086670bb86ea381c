import type { LedgerStorage } from '../core/ports.ts';
import type { LedgerEntry } from '../core/types.ts';
import type { UserOptionStore } from './startFrame.ts';

/** Guarded access to a Web Storage; `undefined` when the browser forbids it. */
type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export interface UserOptionLedgerStorageOptions {
  /** The portal's per-user app options (`startFrame().context.userOptions`); absent outside a portal. */
  readonly userOptions?: UserOptionStore;
  /** Default: `window.localStorage`, read inside try/catch. */
  readonly localStorage?: () => StorageLike | undefined;
  /**
   * Largest stored value in UTF-8 bytes; older entries are dropped to fit. Default 2000: Bitrix
   * option values are capped at 2000 characters (COption::SetOptionString docs), and the real
   * limit for app user options is not documented.
   */
  readonly maxBytes?: number;
}

const STATES = [
  'delivered',
  'failed',
  'unfinished',
  'unknown',
] as const satisfies readonly LedgerEntry['state'][];
const STATE_CODES = {
  delivered: 'd',
  failed: 'f',
  unfinished: 'u',
  unknown: 'k',
} as const satisfies Record<LedgerEntry['state'], string>;

/** Compact row: [id, name, size, lastModified, state, messageId|0, errorCode|'', at]. */
type Row = [string, string, number, number, string, number, string, number];

function keyFor(dialogId: string): string {
  return `ledger.${dialogId}`;
}

function defaultLocalStorage(): StorageLike | undefined {
  try {
    // The getter itself throws SecurityError in a cross-site frame (docs/ENGINES.md, storage).
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

function toRow(entry: LedgerEntry): Row {
  // Whitelisted fields only: nothing else (never contents, never tokens) can reach storage.
  return [
    entry.id,
    entry.name,
    entry.size,
    entry.lastModified,
    STATE_CODES[entry.state],
    entry.messageId ?? 0,
    entry.errorCode ?? '',
    entry.at,
  ];
}

function fromRow(row: unknown): LedgerEntry | undefined {
  if (!Array.isArray(row) || row.length !== 8) return undefined;
  const [id, name, size, lastModified, code, messageId, errorCode, at] = row as unknown[];
  const state = STATES.find((candidate) => STATE_CODES[candidate] === code);
  if (
    typeof id !== 'string' ||
    typeof name !== 'string' ||
    typeof size !== 'number' ||
    typeof lastModified !== 'number' ||
    state === undefined ||
    typeof messageId !== 'number' ||
    typeof errorCode !== 'string' ||
    typeof at !== 'number'
  ) {
    return undefined;
  }
  return {
    id,
    name,
    size,
    lastModified,
    state,
    messageId: messageId > 0 ? messageId : undefined,
    errorCode: errorCode === '' ? undefined : errorCode,
    at,
  };
}

function parse(text: string | null | undefined): LedgerEntry[] | undefined {
  if (!text) return undefined;
  try {
    const rows: unknown = JSON.parse(text);
    if (!Array.isArray(rows)) return undefined;
    return rows.map(fromRow).filter((entry): entry is LedgerEntry => entry !== undefined);
  } catch {
    return undefined;
  }
}

const encoder = new TextEncoder();

/** Newest entries that fit in `maxBytes`, serialized; order of the input is kept. */
function serialize(
  entries: readonly LedgerEntry[],
  maxBytes: number,
): { text: string; kept: LedgerEntry[] } {
  const newestFirst = [...entries].sort((a, b) => b.at - a.at);
  const kept: LedgerEntry[] = [];
  let bytes = 2; // "[]"
  for (const entry of newestFirst) {
    const size = encoder.encode(JSON.stringify(toRow(entry))).length + (kept.length > 0 ? 1 : 0);
    if (bytes + size > maxBytes) continue;
    bytes += size;
    kept.push(entry);
  }
  const ordered = entries.filter((entry) => kept.includes(entry));
  return { text: JSON.stringify(ordered.map(toRow)), kept: ordered };
}

/**
 * Keeps the per-chat delivery ledger where it survives a reload of a cross-site frame: in the
 * portal's per-user app options (key `ledger.<dialogId>`, read back from `USER_OPTIONS` at start),
 * and also in `localStorage` when the browser allows it (it throws in cross-site frames and
 * with third-party storage blocked). Values are compact and capped (`maxBytes`), oldest entries
 * dropped first. Never throws: a storage error only means the ledger is not remembered.
 */
export function createUserOptionLedgerStorage(
  options: UserOptionLedgerStorageOptions = {},
): LedgerStorage {
  const { userOptions } = options;
  const getLocalStorage = options.localStorage ?? defaultLocalStorage;
  const maxBytes = options.maxBytes ?? 2000;
  const memory = new Map<string, readonly LedgerEntry[]>();
  const localKey = (dialogId: string): string => `chat-drop.${keyFor(dialogId)}`;

  return {
    async load(dialogId) {
      const remembered = memory.get(dialogId);
      if (remembered) return remembered;
      let fromOptions: LedgerEntry[] | undefined;
      try {
        fromOptions = parse(userOptions?.get(keyFor(dialogId)));
      } catch {
        fromOptions = undefined;
      }
      if (fromOptions) return fromOptions;
      try {
        return parse(getLocalStorage()?.getItem(localKey(dialogId))) ?? [];
      } catch {
        return [];
      }
    },

    async save(dialogId, entries) {
      const { text, kept } = serialize(entries, maxBytes);
      memory.set(dialogId, kept);
      try {
        getLocalStorage()?.setItem(localKey(dialogId), text);
      } catch {
        // QuotaExceededError / SecurityError: the portal copy below is the one that matters.
      }
      try {
        await userOptions?.set(keyFor(dialogId), text);
      } catch {
        // Not remembered across reloads; the widget keeps working.
      }
    },
  };
}
