import type { UploadError, UploadItem } from './types.ts';

/** Phases of a file that has not gone out (or waits to go again). */
const NOT_SENT = new Set<UploadItem['phase']>(['queued', 'reading', 'waiting']);

/**
 * Access to a chat is gone (removed from it, chat deleted; errorPolicy.ts `isChatGone`): the
 * chat's other files that have not gone out are failed with the same reason, without being sent.
 * `fail` stops a file and returns its failed row (undefined when it had already ended). Files
 * already delivered stay delivered; a file on its way ends with its own answer.
 *
 * @example
 * const stopped = stopLostChat(items, first, error, (id, notSent) => failRow(id, notSent));
 */
export function stopLostChat(
  items: readonly UploadItem[],
  first: UploadItem,
  error: UploadError,
  fail: (id: string, notSent: UploadError) => UploadItem | undefined,
): UploadItem[] {
  const notSent: UploadError = { ...error, detail: 'not sent: the chat refused an earlier file' };
  const stopped: UploadItem[] = [];
  for (const item of items) {
    if (item.dialogId !== first.dialogId || item.id === first.id || !NOT_SENT.has(item.phase))
      continue;
    const failed = fail(item.id, notSent);
    if (failed) stopped.push(failed);
  }
  return stopped;
}
