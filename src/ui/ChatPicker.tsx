import { useEffect, useId, useState } from 'react';
import type { PortalPort } from '../core/ports.ts';
import type { ChatInfo } from '../core/types.ts';
import { showBidiOverrides } from '../i18n/showBidiOverrides.ts';
import { ChatAvatar } from './ChatAvatar.tsx';
import { useTranslator } from './useTranslator.ts';

const SEARCH_DEBOUNCE_MS = 250;

type Load =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly chats: readonly ChatInfo[] }
  | { readonly state: 'error' };

export interface ChatPickerProps {
  readonly portal: Pick<PortalPort, 'listRecentChats'>;
  readonly onPick: (chat: ChatInfo) => void;
}

/** DEFAULT placement: the user's recent chats with a search; nothing is sent before a pick. */
export function ChatPicker({ portal, onPick }: ChatPickerProps) {
  const translator = useTranslator();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () => {
        portal.listRecentChats(search.trim()).then(
          (chats) => live && setLoad({ state: 'ready', chats }),
          () => live && setLoad({ state: 'error' }),
        );
      },
      search ? SEARCH_DEBOUNCE_MS : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [portal, search]);

  return (
    <section className="cd-picker" aria-labelledby={`${searchId}-title`}>
      <h1 className="cd-picker__title" id={`${searchId}-title`}>
        {translator.t('chatPickerTitle')}
      </h1>
      <label className="cd-visually-hidden" htmlFor={searchId}>
        {translator.t('chatPickerSearch')}
      </label>
      <input
        id={searchId}
        className="cd-input"
        type="search"
        value={search}
        placeholder={translator.t('chatPickerSearch')}
        onChange={(event) => setSearch(event.target.value)}
        data-testid="chat-search"
      />
      {load.state === 'loading' && <p className="cd-muted">{translator.t('chatPickerLoading')}</p>}
      {load.state === 'error' && (
        <p className="cd-notice cd-notice--error" role="alert">
          {translator.t('chatPickerError')}
        </p>
      )}
      {load.state === 'ready' && load.chats.length === 0 && (
        <p className="cd-muted">{translator.t('chatPickerEmpty')}</p>
      )}
      {load.state === 'ready' && load.chats.length > 0 && (
        <ul className="cd-picker__list">
          {load.chats.map((chat) => (
            <li key={chat.dialogId}>
              <button
                type="button"
                className="cd-picker__chat"
                data-testid="chat-option"
                data-dialog-id={chat.dialogId}
                onClick={() => onPick(chat)}
              >
                <ChatAvatar chat={chat} size={28} />
                <span className="cd-picker__name" dir="auto">
                  {showBidiOverrides(chat.name)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
