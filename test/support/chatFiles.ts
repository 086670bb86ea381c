import type { Emulator } from './stackTypes.ts';

/** A file as it sits in the emulator's chat, with the message that carries it. */
export interface ChatFile {
  readonly messageId: number;
  readonly messageText: string;
  readonly authorId: number;
  readonly id: number;
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
  /** Absolute download URL. */
  readonly urlDownload: string;
}

/** Every file in chat `chatId`, oldest message first, read from the emulator's state. */
export function chatFiles(emulator: Emulator, chatId: number): ChatFile[] {
  return emulator.messages(chatId).flatMap((message) =>
    message.files.map((file) => ({
      messageId: message.id,
      messageText: message.text,
      authorId: message.authorId,
      id: file.id,
      name: file.name,
      size: file.size,
      sha256: file.sha256,
      urlDownload: new URL(file.urlDownload, emulator.url).href,
    })),
  );
}
