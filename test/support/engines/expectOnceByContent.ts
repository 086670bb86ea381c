import { expect, vi } from 'vitest';
import { chatFiles } from '../chatFiles.ts';
import { sha256OfDownload } from '../sha256.ts';
import type { Emulator } from '../stackTypes.ts';

/** What a test handed to the browser: the bytes are named by their hash. */
export interface SentContent {
  readonly label: string;
  readonly size: number;
  readonly sha256: string;
}

/**
 * Asserts that chat `chatId` holds the content exactly once (one message file with that SHA-256,
 * one accepted upload) and that its download serves the same bytes. Matched by content, not by
 * name: a real portal may store a corrected name (a duplicate gets " (1)", odd characters change).
 */
export async function expectOnceByContent(
  emulator: Emulator,
  chatId: number,
  sent: SentContent,
  download = true,
): Promise<void> {
  const copies = chatFiles(emulator, chatId).filter((f) => f.sha256 === sent.sha256);
  expect(copies, `messages carrying ${sent.label}`).toHaveLength(1);
  expect(
    emulator.uploads().filter((u) => u.sha256 === sent.sha256),
    `accepted uploads of ${sent.label}`,
  ).toHaveLength(1);
  expect(copies[0]?.size, sent.label).toBe(sent.size);
  if (!download) return;
  const fetched = await sha256OfDownload(copies[0]?.urlDownload ?? '');
  expect(fetched.status, sent.label).toBe(200);
  expect(fetched.size, sent.label).toBe(sent.size);
  expect(fetched.sha256, sent.label).toBe(sent.sha256);
}

/** Waits (polling, with a deadline) until the chat holds a file with `sha256`. */
export async function waitForContent(
  emulator: Emulator,
  chatId: number,
  sha256: string,
  timeoutMs = 60_000,
): Promise<void> {
  await vi.waitFor(
    () => {
      if (!chatFiles(emulator, chatId).some((f) => f.sha256 === sha256))
        throw new Error(`no file with sha256 ${sha256.slice(0, 12)}… in chat ${chatId}`);
    },
    { timeout: timeoutMs, interval: 100 },
  );
}
