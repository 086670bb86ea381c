import type { Translator } from '../i18n/createTranslator.ts';
import { describeQueueNotice, onQueueNotice } from './onQueueNotice.ts';
import { lazyToast as toast } from './lazyToast.ts';
import { FAILURE_TOAST_MS } from './toastForItem.ts';
import type { UploadQueueLike } from './UploadQueueLike.ts';

/** The one toast of a pause of the upload method; updated in place when the portal says more. */
const PAUSED_TOAST_ID = 'chat-drop-paused';

/**
 * Toasts for the queue-wide notices (see {@link onQueueNotice}). Rows show each file's own state;
 * these say what no single row can. A found duplicate offers its removal in the toast, because
 * only the person can decide when the widget could not remove it itself.
 */
export function watchQueueNotices(
  queue: Pick<UploadQueueLike, 'events' | 'store' | 'removeDuplicate'>,
  translator: Translator,
): () => void {
  return onQueueNotice(queue, (notice) => {
    if (notice.kind === 'resumed') {
      toast.dismiss(PAUSED_TOAST_ID);
      return;
    }
    const text = describeQueueNotice(notice, translator);
    switch (notice.kind) {
      case 'paused':
        toast.warning(text, { id: PAUSED_TOAST_ID, duration: FAILURE_TOAST_MS });
        return;
      case 'access-lost':
        toast.error(text, { id: `chat-drop-access-${notice.dialogId}`, closeButton: true });
        return;
      case 'duplicate-removed':
        toast.info(text);
        return;
      case 'duplicate-found': {
        const { name, messageId } = notice;
        toast.warning(text, {
          id: `chat-drop-duplicate-${messageId}`,
          duration: Infinity,
          closeButton: true,
          action: {
            label: translator.t('removeDuplicate'),
            onClick: () => {
              void queue.removeDuplicate(messageId).then((removed) => {
                if (removed) toast.success(translator.t('duplicateRemoved', { name }));
                else toast.error(translator.t('duplicateRemoveFailed', { name }));
              });
            },
          },
        });
        return;
      }
    }
  });
}
