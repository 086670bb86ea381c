import type { TypeB24 } from '@bitrix24/b24jssdk';
import type { DeliveryQuery, HistoryQuery, OwnFileMessage } from '../core/ports.ts';
import type { DeliveryReceipt } from '../core/types.ts';
import { BitrixCallError } from './BitrixCallError.ts';
import { callRest, type RestAnswer } from './callRest.ts';
import type { UploadInterceptor } from './createUploadInterceptor.ts';
import { isSameUploadName } from './isSameUploadName.ts';
import { readOwnFileHistory } from './readOwnFileHistory.ts';
import { sameStoredBytes } from './sameStoredBytes.ts';
import { toInt } from './toInt.ts';

export interface DeliveryFinderOptions {
  /**
   * How much earlier than the attempt's start (corrected to the server clock) a message may be
   * dated and still count. Covers the server's whole-second dates. Default 5 s.
   */
  readonly clockSkewMs?: number;
  /** Pages of 50 messages read at most in each direction. Default 4. */
  readonly maxHistoryPages?: number;
  readonly now?: () => number;
}

export interface DeliveryFinder {
  findDelivery(query: DeliveryQuery): Promise<DeliveryReceipt | undefined>;
  listOwnFileMessages(query: HistoryQuery): Promise<readonly OwnFileMessage[]>;
  deleteMessage(messageId: number, signal?: AbortSignal): Promise<void>;
}

function abortError(): DOMException {
  return new DOMException('Aborted', 'AbortError');
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Reads the chat to learn what arrived: `findDelivery` (did this attempt land?), the history list
 * for the per-batch reconciliation, and `deleteMessage` (`im.message.delete`, scope im, any user
 * for own messages; REST docs `api-reference/chats/messages/im-message-delete.md`). Every call is
 * abortable: its abort signal travels to axios through the upload interceptor, keyed by the
 * call's `bx24_request_id`.
 *
 * A file counts as this attempt's delivery only when the message is by this user, dated at or
 * after the attempt began, not already another file's receipt, the stored name is the sent name
 * as the portal corrects it (core/diskStoredName.ts), the size is equal, and — when the query
 * carries the file — the stored bytes are the same (sameStoredBytes.ts): two `image.png` of
 * equal size are never confused. The earliest such message wins.
 */
export function createDeliveryFinder(
  b24: TypeB24,
  interceptor: UploadInterceptor,
  options: DeliveryFinderOptions = {},
): DeliveryFinder {
  const clockSkewMs = options.clockSkewMs ?? 5_000;
  const maxPages = Math.max(1, options.maxHistoryPages ?? 4);
  const now = options.now ?? Date.now;
  let currentUserId: Promise<number> | undefined;

  const restWith =
    (signal: AbortSignal | undefined) =>
    async <T>(method: string, params: Record<string, unknown>): Promise<RestAnswer<T>> => {
      if (signal?.aborted) throw abortError();
      if (!signal) return callRest<T>(b24, method, params);
      const requestId = `chatdrop-read-${randomToken()}`;
      interceptor.register(requestId, { signal });
      try {
        return await callRest<T>(b24, method, params, requestId);
      } catch (error) {
        if (signal.aborted) throw abortError();
        throw error;
      } finally {
        interceptor.unregister(requestId);
      }
    };

  function userId(signal: AbortSignal | undefined): Promise<number> {
    currentUserId ??= restWith(undefined)<{ ID?: unknown }>('profile', {}).then(({ result }) => {
      const id = toInt(result.ID);
      if (id === undefined) throw new Error('[chat-drop] profile without ID');
      return id;
    });
    // Do not cache a failure: the next check asks again.
    currentUserId.catch(() => {
      currentUserId = undefined;
    });
    if (!signal) return currentUserId;
    return Promise.race([
      currentUserId,
      new Promise<never>((_, reject) => {
        if (signal.aborted) reject(abortError());
        signal.addEventListener('abort', () => reject(abortError()), { once: true });
      }),
    ]);
  }

  async function listOwnFileMessages(query: HistoryQuery): Promise<readonly OwnFileMessage[]> {
    const rest = restWith(query.signal);
    const me = await userId(query.signal);
    return readOwnFileHistory(rest, {
      dialogId: query.dialogId,
      me,
      since: query.since,
      clockSkewMs,
      maxPages,
      now,
    });
  }

  async function findDelivery(query: DeliveryQuery): Promise<DeliveryReceipt | undefined> {
    const excluded = new Set(query.excludeMessageIds ?? []);
    const history = await listOwnFileMessages(query);
    const candidates = history.filter(
      (message) =>
        !excluded.has(message.messageId) &&
        message.size === query.size &&
        isSameUploadName(message.name, query.name),
    );
    const rest = restWith(query.signal);
    for (const candidate of candidates) {
      if (query.file) {
        const same = await sameStoredBytes(
          b24,
          async (method, params) => (await rest(method, params)).result,
          { dialogId: query.dialogId, fileId: candidate.fileId, size: candidate.size },
          query.file,
          query.signal,
        );
        if (!same) continue;
      }
      return {
        messageId: candidate.messageId,
        fileId: candidate.fileId,
        chatId: candidate.chatId,
        dialogId: query.dialogId,
        storedName: candidate.name,
      };
    }
    return undefined;
  }

  async function deleteMessage(messageId: number, signal?: AbortSignal): Promise<void> {
    const { result } = await restWith(signal)<unknown>('im.message.delete', {
      MESSAGE_ID: messageId,
    });
    if (result !== true) {
      throw new BitrixCallError({
        code: 'WIDGET_UNEXPECTED_ANSWER',
        origin: 'server',
        detail: 'im.message.delete did not answer true',
      });
    }
  }

  return { findDelivery, listOwnFileMessages, deleteMessage };
}
