import { sanitizeFileName } from '../core/index.ts';

/** A file known to be in the chat: from the ledger or from this session's delivered rows. */
export interface SentFile {
  readonly name: string;
  readonly size: number;
  /** Epoch ms when it was delivered (ledger `at`). */
  readonly at: number;
}

/** One dropped file that matches a file already in the chat. */
export interface AlreadySent {
  readonly file: File;
  readonly sent: SentFile;
}

/**
 * How far back "recently" reaches: a day. Assumed: within a working day the same name and size
 * is most often the same file dropped twice by mistake; an older one is usually a deliberate
 * resend, and asking about it would only be noise.
 */
export const ALREADY_SENT_WITHIN_MS = 24 * 60 * 60 * 1000;

/**
 * The dropped files that have the same name (as the queue will store it, see sanitizeFileName)
 * and size as a file delivered to this chat within `withinMs`; each paired with the newest such
 * delivery. Name and size only: contents are never kept, so this is a question for the user,
 * never a silent skip.
 */
export function findAlreadySent(
  files: readonly File[],
  sent: readonly SentFile[],
  now: number,
  withinMs: number = ALREADY_SENT_WITHIN_MS,
): AlreadySent[] {
  const newest = new Map<string, SentFile>();
  for (const entry of sent) {
    if (now - entry.at > withinMs) continue;
    const key = `${entry.size}|${entry.name}`;
    const known = newest.get(key);
    if (!known || known.at < entry.at) newest.set(key, entry);
  }
  const found: AlreadySent[] = [];
  for (const file of files) {
    const match = newest.get(`${file.size}|${sanitizeFileName(file.name)}`);
    if (match) found.push({ file, sent: match });
  }
  return found;
}
