import { lazyToast as toast } from './lazyToast.ts';
import type { PortalPort } from '../core/ports.ts';
import type { Translator } from '../i18n/createTranslator.ts';

/** The toast id of "could not open the chat": one at a time, however often it is clicked. */
export const OPEN_CHAT_FAILED_TOAST_ID = 'chat-drop-open-chat-failed';

/**
 * Opens a chat (at a message when `messageId` is known, else 0) in the portal's messenger. Called
 * from click handlers that cannot await: a refusal (the frame gone, the SDK rejecting) becomes a
 * localized toast instead of an unhandled rejection, and a synchronous throw is caught the same way.
 */
export function openChat(
  portal: Pick<PortalPort, 'openMessage'>,
  translator: Translator,
  dialogId: string,
  messageId: number,
): void {
  Promise.resolve()
    .then(() => portal.openMessage(dialogId, messageId))
    .catch(() => {
      toast.error(translator.t('openChatFailed'), { id: OPEN_CHAT_FAILED_TOAST_ID });
    });
}
