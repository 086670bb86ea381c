import { chatFiles, type ChatFile } from './chatFiles.ts';
import type { Emulator } from './stackTypes.ts';

/**
 * Waits until chat `chatId` holds at least one file with each of `names` (read from the
 * emulator, not from the widget). Returns the chat's files with those names; duplicates are kept
 * so the caller can assert "exactly once".
 */
export async function waitForChatFiles(
  emulator: Emulator,
  chatId: number,
  names: readonly string[],
  timeoutMs = 60_000,
): Promise<ChatFile[]> {
  const wanted = new Set(names);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = chatFiles(emulator, chatId).filter((f) => wanted.has(f.name));
    const present = new Set(files.map((f) => f.name));
    if (present.size === wanted.size) return files;
    if (Date.now() > deadline) {
      const missing = [...wanted].filter((n) => !present.has(n));
      throw new Error(
        `waitForChatFiles: ${missing.length} of ${wanted.size} file(s) not in chat ${chatId} after ${timeoutMs} ms: ${missing.slice(0, 10).join(', ')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
