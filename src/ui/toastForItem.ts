import { lazyToast as toast } from './lazyToast.ts';
import type { PortalPort } from '../core/ports.ts';
import type { UploadItem } from '../core/types.ts';
import type { Translator } from '../i18n/createTranslator.ts';
import { describeFailure } from './describeFailure.ts';
import { openChat } from './openChat.ts';

/**
 * Failures stay longer than successes (sonner's default is 4 s) but not forever: the row keeps
 * the reason and the same actions, and a toast that never leaves would cover the list in a
 * frame that is only as tall as its content.
 */
export const FAILURE_TOAST_MS = 12_000;

/** What a toast may do besides showing text. */
export interface ToastContext {
  readonly translator: Translator;
  readonly portal: Pick<PortalPort, 'openMessage'>;
  readonly retry: (id: string) => void;
  /**
   * Whether the item's row is on screen now (the panel knows); a failure toast is shown only
   * when it is not. Absent = not known, treated as out of view.
   */
  readonly rowInView?: (itemId: string) => boolean;
}

/**
 * The toast id of an item's `attempt`-th toast. A new attempt gets a new id: sonner carries out
 * a dismiss on the next animation frame, so a dismissed id reused at once would take the new toast
 * away with it.
 */
export function toastIdFor(itemId: string, attempt = 0): string {
  return `chat-drop-file-${itemId}-${attempt}`;
}

/**
 * Shows or updates the toast of one finished file. Callable outside React (sonner keeps its own
 * store): delivered with "Open in chat", failed with the reason and Retry, unknown outcome with
 * "Check the chat". A cancelled file's toast is dismissed. Files still on their way get none:
 * their row shows the progress, and a "Sending…" toast would only cover the list.
 */
export function toastForItem(
  item: UploadItem,
  context: ToastContext,
  id: string = toastIdFor(item.id),
): void {
  const { translator, portal } = context;
  const name = item.name;
  switch (item.phase) {
    case 'queued':
    case 'reading':
    case 'sending':
    case 'waiting':
    case 'checking':
      return;
    case 'delivered': {
      const receipt = item.receipt;
      toast.success(translator.t('toastDelivered', { name }), {
        id,
        action: receipt
          ? {
              label: translator.t('openInChat'),
              onClick: () => openChat(portal, translator, receipt.dialogId, receipt.messageId),
            }
          : undefined,
      });
      return;
    }
    case 'failed': {
      const failure = describeFailure(item, translator);
      if (failure?.unknown) {
        // The file may be in the chat already: send the user there rather than resend blindly.
        toast.warning(translator.t('toastUnknown', { name }), {
          id,
          description: `${failure.reason} ${failure.hint}`.trim(),
          duration: FAILURE_TOAST_MS,
          closeButton: true,
          action: {
            label: translator.t('checkTheChat'),
            onClick: () => openChat(portal, translator, item.dialogId, 0),
          },
        });
        return;
      }
      toast.error(translator.t('toastFailed', { name }), {
        id,
        description: failure ? `${failure.reason} ${failure.hint}`.trim() : undefined,
        duration: FAILURE_TOAST_MS,
        closeButton: true,
        action: failure?.canRetry
          ? { label: translator.t('retry'), onClick: () => context.retry(item.id) }
          : undefined,
      });
      return;
    }
    case 'cancelled':
      toast.dismiss(id);
      return;
  }
}
