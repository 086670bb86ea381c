import type { OwnFileMessage } from '../core/ports.ts';
import type { RestAnswer } from './callRest.ts';
import { toInt } from './toInt.ts';

interface HistoryMessage {
  readonly id: unknown;
  readonly chat_id?: unknown;
  readonly author_id: unknown;
  readonly date: string;
  readonly text?: unknown;
  /** `{FILE_ID: [ids]}`, or `[]` when empty (PHP). */
  readonly params?: unknown;
}
interface HistoryFile {
  readonly id: unknown;
  readonly name: unknown;
  readonly size: unknown;
}
export interface HistoryPage {
  readonly chat_id?: unknown;
  readonly messages?: readonly HistoryMessage[];
  readonly files?: readonly HistoryFile[] | Record<string, HistoryFile>;
}

export type RestCall = <T>(
  method: string,
  params: Record<string, unknown>,
) => Promise<RestAnswer<T>>;

/** Thrown when the history could not be read back far enough: nothing may be concluded. */
export class IncompleteHistoryError extends Error {
  override readonly name = 'IncompleteHistoryError';
}

export interface HistoryReadOptions {
  readonly dialogId: string;
  readonly me: number;
  /** Epoch ms, client clock. */
  readonly since: number;
  readonly clockSkewMs: number;
  readonly maxPages: number;
  readonly now: () => number;
}

const PAGE = 50; // im.dialog.messages.get LIMIT maximum

function fileIdsOf(params: unknown): readonly unknown[] {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return [];
  const ids = (params as { FILE_ID?: unknown }).FILE_ID;
  return Array.isArray(ids) ? ids : [];
}

/**
 * Every message by `me` carrying a file in the chat since `since`, oldest first, read with
 * explicit paging: without FIRST_ID/LAST_ID the portal's first page is not the newest when the
 * caller has unread messages (it starts at the last read one). So: the chat's newest message id
 * from `im.dialog.get`, pages going back with `LAST_ID` (ID DESC) until a page reaches before
 * `since`, then pages forward with `FIRST_ID` for messages posted meanwhile (no ORDER BY there:
 * sorted here). Dates are the server's: the answer's `time.date_start` gives the server − client
 * offset (never over-estimated), and `clockSkewMs` covers whole-second dates.
 *
 * @throws {@link IncompleteHistoryError} when `maxPages` pages did not reach back to `since`, or a
 *   page is not in the promised order; a BitrixCallError when a call fails.
 */
export async function readOwnFileHistory(
  rest: RestCall,
  options: HistoryReadOptions,
): Promise<OwnFileMessage[]> {
  const { dialogId, me } = options;
  const dialog = await rest<{ last_message_id?: unknown; last_id?: unknown }>('im.dialog.get', {
    DIALOG_ID: dialogId,
  });
  const newest = toInt(dialog.result.last_message_id) ?? toInt(dialog.result.last_id) ?? 0;
  const found = new Map<string, OwnFileMessage>();
  let threshold = Number.NEGATIVE_INFINITY;

  const take = (answer: RestAnswer<HistoryPage>): number[] => {
    const serverStart = Date.parse(answer.serverDateStart ?? '');
    const offset = Number.isNaN(serverStart) ? 0 : serverStart - options.now();
    threshold = options.since + offset - options.clockSkewMs;
    const { result } = answer;
    const files = Array.isArray(result.files) ? result.files : Object.values(result.files ?? {});
    const ids: number[] = [];
    for (const message of result.messages ?? []) {
      const messageId = toInt(message.id);
      if (messageId === undefined) continue;
      ids.push(messageId);
      const date = Date.parse(message.date);
      if (toInt(message.author_id) !== me || Number.isNaN(date) || date < threshold) continue;
      for (const rawId of fileIdsOf(message.params)) {
        const fileId = toInt(rawId);
        const file = files.find((candidate) => toInt(candidate.id) === fileId);
        const size = toInt(file?.size);
        if (fileId === undefined || !file || typeof file.name !== 'string' || size === undefined)
          continue;
        found.set(`${messageId}:${fileId}`, {
          messageId,
          fileId,
          chatId: toInt(message.chat_id) ?? toInt(result.chat_id) ?? 0,
          name: file.name,
          size,
          text: typeof message.text === 'string' ? message.text : '',
          at: date - offset,
        });
      }
    }
    return ids;
  };
  const page = (params: Record<string, unknown>): Promise<RestAnswer<HistoryPage>> =>
    rest<HistoryPage>('im.dialog.messages.get', { DIALOG_ID: dialogId, LIMIT: PAGE, ...params });

  let lastId = newest + 1;
  let reachedBack = newest === 0;
  for (let n = 0; n < options.maxPages && !reachedBack; n++) {
    const answer = await page({ LAST_ID: lastId });
    const ids = take(answer);
    if (ids.some((id) => id >= lastId)) throw new IncompleteHistoryError('page not below LAST_ID');
    const messages = answer.result.messages ?? [];
    const oldest = messages.at(-1);
    if (ids.length < PAGE || !oldest || Date.parse(oldest.date) < threshold) reachedBack = true;
    else lastId = Math.min(...ids);
  }
  if (!reachedBack)
    throw new IncompleteHistoryError(`history not read back in ${options.maxPages} pages`);
  // Messages posted after im.dialog.get answered (e.g. an upload the portal was still storing).
  let firstId = newest;
  for (let n = 0; n < options.maxPages; n++) {
    const ids = take(await page({ FIRST_ID: firstId }));
    if (ids.some((id) => id <= firstId))
      throw new IncompleteHistoryError('page not above FIRST_ID');
    if (ids.length < PAGE) break;
    firstId = Math.max(...ids);
  }
  return [...found.values()].sort((a, b) => a.messageId - b.messageId || a.fileId - b.fileId);
}
