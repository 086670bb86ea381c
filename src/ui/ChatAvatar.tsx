import type { ChatInfo } from '../core/types.ts';
import { readableTextOn } from './readableTextOn.ts';

/** Initials of a chat name ("Max Müller" → "MM"); a name made of symbols gives "#". */
function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((word) => Array.from(word).find((ch) => /\p{L}|\p{N}/u.test(ch)) ?? '')
    .filter(Boolean);
  return (letters.slice(0, 2).join('') || '#').toUpperCase();
}

/** The chat's picture, or its initials on its color (as the messenger shows chats without one). */
export function ChatAvatar({
  chat,
  size = 36,
}: {
  readonly chat: ChatInfo;
  readonly size?: number;
}) {
  const style = {
    width: size,
    height: size,
    fontSize: Math.round(size * 0.38),
    background: chat.color ?? undefined,
    color: readableTextOn(chat.color ?? undefined),
  };
  if (chat.avatarUrl) {
    return <img className="cd-avatar" src={chat.avatarUrl} alt="" width={size} height={size} />;
  }
  return (
    <span className="cd-avatar cd-avatar--initials" style={style} aria-hidden="true">
      {initials(chat.name)}
    </span>
  );
}
