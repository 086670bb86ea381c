import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { makeTestFile } from './makeTestFile.ts';
import { sha256 } from './sha256.ts';

/** A file to hand to the picker input: given bytes, a size of random bytes, or a file on disk. */
export type InputFile =
  | { readonly name: string; readonly buffer: Buffer; readonly mimeType?: string }
  | { readonly name: string; readonly size: number; readonly mimeType?: string }
  | {
      readonly name: string;
      readonly path: string;
      readonly size: number;
      readonly sha256: string;
    };

/** What was handed to the browser, to compare with what the chat received. */
export interface GivenFile {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

/** In-memory payloads above this go through temp files (Playwright copies payloads over its pipe). */
const IN_MEMORY_LIMIT = 8 * 1024 * 1024;

/**
 * Sets the files of the widget's hidden `input[type=file][data-testid=file-input]` with
 * Playwright's `setInputFiles`, which fires the same `change` event a file picker does. This is
 * the picker path, not a drop: a real drop is `dragPaths` (test/support/dragPaths.ts).
 * Big files are written to temp files and passed by path, so the test process never holds them
 * twice; odd names (path separators, control characters) need in-memory payloads and small sizes.
 */
export async function setInputFiles(
  frame: FrameLocator,
  files: readonly InputFile[],
): Promise<GivenFile[]> {
  const input = frame.locator('input[type="file"][data-testid="file-input"]');
  const needsPaths = files.some(
    (f) => 'path' in f || ('size' in f && !('buffer' in f) && f.size > IN_MEMORY_LIMIT),
  );
  if (!needsPaths) {
    const payloads = files.map((f) => {
      const buffer = 'buffer' in f ? f.buffer : randomBytes((f as { size: number }).size);
      return {
        name: f.name,
        mimeType: ('mimeType' in f && f.mimeType) || 'application/octet-stream',
        buffer,
      };
    });
    await input.setInputFiles(payloads);
    return payloads.map((p) => ({
      name: p.name,
      size: p.buffer.byteLength,
      sha256: sha256(p.buffer),
    }));
  }
  const onDisk = await Promise.all(
    files.map(async (f) => {
      if ('path' in f) return f;
      if ('buffer' in f) {
        const path = join(await mkdtemp(join(tmpdir(), 'chat-drop-file-')), f.name);
        await writeFile(path, f.buffer);
        return { name: f.name, path, size: f.buffer.byteLength, sha256: sha256(f.buffer) };
      }
      return makeTestFile(f.name, f.size);
    }),
  );
  await input.setInputFiles(onDisk.map((f) => f.path));
  return onDisk.map((f) => ({ name: f.name, size: f.size, sha256: f.sha256 }));
}
