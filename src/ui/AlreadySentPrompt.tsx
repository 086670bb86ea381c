import { useEffect, useId, useRef } from 'react';
import type { AlreadySent } from './findAlreadySent.ts';
import { formatAgo } from './formatAgo.ts';
import { isolate } from './isolate.ts';
import { useTranslator } from './useTranslator.ts';

export interface AlreadySentPromptProps {
  /** The held files that match a file already in the chat; at least one. */
  readonly matches: readonly AlreadySent[];
  /** The chat's name, as in the header. */
  readonly chatName: string;
  readonly now: number;
  readonly onSendAgain: () => void;
  readonly onSkip: () => void;
}

/**
 * Asks once, for the whole drop, whether files already in this chat should go again. Focus
 * lands on Skip: pressing Enter by reflex must not post a file twice, and skipping loses
 * nothing (the file is in the chat already). Send again is one click away.
 */
export function AlreadySentPrompt({
  matches,
  chatName,
  now,
  onSendAgain,
  onSkip,
}: AlreadySentPromptProps) {
  const translator = useTranslator();
  const titleId = useId();
  const textId = useId();
  const skipRef = useRef<HTMLButtonElement>(null);
  useEffect(() => skipRef.current?.focus(), []);
  const describe = ({ file, sent }: AlreadySent) => ({
    name: isolate(file.name),
    size: translator.formatSize(file.size),
    ago: formatAgo(translator.locale, now - sent.at),
  });
  const [first] = matches;
  return (
    <div
      className="cd-prompt"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      data-testid="already-sent"
    >
      <p className="cd-prompt__title" id={titleId}>
        {translator.t('alreadySentTitle')}
      </p>
      <div id={textId}>
        {matches.length === 1 && first ? (
          <p className="cd-prompt__text">
            {translator.t('alreadySentOne', { ...describe(first), chat: isolate(chatName) })}
          </p>
        ) : (
          <>
            <p className="cd-prompt__text">
              {translator.t('alreadySentMany', { count: matches.length, chat: isolate(chatName) })}
            </p>
            {/* It scrolls past about six lines (sections.css), fewer with long names: always a
                tab stop, as the names inside have none (axe scrollable-region-focusable). */}
            <ul className="cd-prompt__list" tabIndex={0}>
              {matches.map((match, index) => (
                <li key={index}>{translator.t('alreadySentEntry', describe(match))}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="cd-prompt__actions">
        <button type="button" className="cd-button" onClick={onSendAgain}>
          {translator.t('sendAgain')}
        </button>
        <button type="button" className="cd-button cd-button--ghost" ref={skipRef} onClick={onSkip}>
          {translator.t('skipAlreadySent')}
        </button>
      </div>
    </div>
  );
}
