import type { LedgerStorage } from './ports.ts';
import type { LedgerEntry } from './types.ts';

/** Entries kept per chat; the oldest go first. Enough for "what happened to my last files". */
export const LEDGER_MAX_ENTRIES = 50;
/** Writes are coalesced for this long (ms); progress never writes, only phase changes. */
export const LEDGER_DEBOUNCE_MS = 500;

export interface LedgerOptions {
  readonly storage: LedgerStorage;
  readonly maxEntriesPerChat?: number;
  readonly debounceMs?: number;
}

/** The per-chat delivery ledger: what was sent where, never contents or tokens. */
export interface Ledger {
  /** The chat's entries, newest first: earlier sessions' and this session's. Never rejects. */
  load(dialogId: string): Promise<readonly LedgerEntry[]>;
  /** Adds or replaces (by `id`) an entry; written later, debounced. */
  record(dialogId: string, entry: LedgerEntry): void;
  /** Drops an entry (a file the user cancelled or removed). */
  forget(dialogId: string, id: string): void;
  /** Writes everything pending now. Never rejects. */
  flush(): Promise<void>;
}

const STATES: readonly LedgerEntry['state'][] = ['delivered', 'failed', 'unfinished', 'unknown'];

/** Storage is outside our control (older versions, other tabs, hand edits): keep only sound entries. */
function isEntry(value: unknown): value is LedgerEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.id === 'string' &&
    typeof e.name === 'string' &&
    typeof e.size === 'number' &&
    typeof e.lastModified === 'number' &&
    typeof e.at === 'number' &&
    STATES.includes(e.state as LedgerEntry['state']) &&
    (e.messageId === undefined || e.messageId === null || typeof e.messageId === 'number') &&
    (e.errorCode === undefined || e.errorCode === null || typeof e.errorCode === 'string')
  );
}

/** Only the ledger's own fields, so nothing else (contents, tokens) can ride along into storage. */
function pick(entry: LedgerEntry): LedgerEntry {
  return {
    id: entry.id,
    name: entry.name,
    size: entry.size,
    lastModified: entry.lastModified,
    state: entry.state,
    messageId: entry.messageId ?? undefined,
    errorCode: entry.errorCode ?? undefined,
    at: entry.at,
  };
}

/**
 * Keeps the per-chat ledger through a {@link LedgerStorage}. A chat's stored entries are loaded
 * once and merged with this session's, so a write never drops an earlier session's history.
 * Writes are debounced and capped at `maxEntriesPerChat` (newest kept); every storage error is
 * swallowed — in a cross-site frame storage often throws (browsers partition or block storage in third-party frames; assumed), and a
 * ledger must never break an upload.
 *
 * @example
 * const ledger = createLedger({ storage });
 * ledger.record('chat5', { id, name, size, lastModified, state: 'delivered', messageId: 42, errorCode: undefined, at: Date.now() });
 * const entries = await ledger.load('chat5');
 */
export function createLedger(options: LedgerOptions): Ledger {
  const { storage } = options;
  const max = options.maxEntriesPerChat ?? LEDGER_MAX_ENTRIES;
  const debounceMs = options.debounceMs ?? LEDGER_DEBOUNCE_MS;
  const chats = new Map<string, Promise<Map<string, LedgerEntry>>>();
  const dirty = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  function chat(dialogId: string): Promise<Map<string, LedgerEntry>> {
    let entries = chats.get(dialogId);
    if (!entries) {
      entries = (async () => {
        try {
          const stored: unknown = await storage.load(dialogId);
          const list = Array.isArray(stored) ? stored.filter(isEntry).map(pick) : [];
          return new Map(list.map((entry) => [entry.id, entry]));
        } catch {
          return new Map<string, LedgerEntry>();
        }
      })();
      chats.set(dialogId, entries);
    }
    return entries;
  }

  function newestFirst(entries: Map<string, LedgerEntry>): LedgerEntry[] {
    return [...entries.values()].sort((a, b) => b.at - a.at).slice(0, max);
  }

  function schedule(dialogId: string): void {
    dirty.add(dialogId);
    if (timer === undefined) {
      timer = setTimeout(() => {
        timer = undefined;
        void flush();
      }, debounceMs);
    }
  }

  function change(dialogId: string, apply: (entries: Map<string, LedgerEntry>) => void): void {
    const pending = chat(dialogId).then((entries) => {
      apply(entries);
      schedule(dialogId);
    });
    writing = writing.then(() => pending);
  }

  async function flush(): Promise<void> {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    await writing;
    const ids = [...dirty];
    dirty.clear();
    await Promise.all(
      ids.map(async (dialogId) => {
        try {
          const entries = await chat(dialogId);
          const kept = newestFirst(entries);
          // Trim the cache too, so memory stays as bounded as storage.
          if (kept.length < entries.size) {
            const keep = new Set(kept.map((entry) => entry.id));
            for (const id of entries.keys()) if (!keep.has(id)) entries.delete(id);
          }
          await storage.save(dialogId, kept);
        } catch {
          // Swallowed on purpose: see the factory's doc comment.
        }
      }),
    );
  }

  return {
    async load(dialogId) {
      await writing;
      return newestFirst(await chat(dialogId));
    },
    record(dialogId, entry) {
      const clean = pick(entry);
      change(dialogId, (entries) => entries.set(clean.id, clean));
    },
    forget(dialogId, id) {
      change(dialogId, (entries) => {
        entries.delete(id);
      });
    },
    flush,
  };
}
