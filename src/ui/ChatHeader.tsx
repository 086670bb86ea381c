import type { ChatInfo } from '../core/types.ts';
import { showBidiOverrides } from '../i18n/showBidiOverrides.ts';
import { ChatAvatar } from './ChatAvatar.tsx';
import { useTranslator } from './useTranslator.ts';

export interface ChatHeaderProps {
  readonly chat: ChatInfo | undefined;
  /** Set in the DEFAULT placement, where the user picked the chat and may pick another. */
  readonly onChangeChat?: () => void;
  readonly failed?: boolean;
}

/** Which chat the files go to: avatar and name. */
export function ChatHeader({ chat, onChangeChat, failed }: ChatHeaderProps) {
  const translator = useTranslator();
  const shown = chat && showBidiOverrides(chat.name);
  return (
    <header className="cd-header">
      {chat && <ChatAvatar chat={chat} />}
      <div className="cd-header__text">
        <span className="cd-header__label">{translator.t('chatHeaderLabel')}</span>
        <h1 className="cd-header__name" data-testid="chat-header" dir="auto" title={shown}>
          {shown ?? (failed ? translator.t('chatLoadError') : translator.t('loading'))}
        </h1>
      </div>
      {onChangeChat && (
        <button type="button" className="cd-button cd-button--ghost" onClick={onChangeChat}>
          {translator.t('changeChat')}
        </button>
      )}
    </header>
  );
}
