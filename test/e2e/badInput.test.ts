// Issue 6 (bad input): odd files and odd names get a clear reason or arrive intact; names reach
// the chat exactly as the file had them, or as sanitizeFileName (src/core) documents.
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sanitizeFileName } from '../../src/core/sanitizeFileName.ts';
import { MAX_NAME_LENGTH } from '../../src/core/validateFile.ts';
import { en } from '../../src/i18n/en.ts';
import { chatFiles } from '../support/chatFiles.ts';
import { dragData, dragPaths } from '../support/dragPaths.ts';
import { setInputFiles } from '../support/setInputFiles.ts';
import { makeTestFile } from '../support/makeTestFile.ts';
import { sha256 } from '../support/sha256.ts';
import { oddFileNames } from '../support/oddFileNames.ts';
import { setupE2e } from '../support/setupE2e.ts';
import { readRows, waitForPhase } from '../support/waitForPhase.ts';
import { requestLog, uploadCallsTo } from '../support/requestLog.ts';

const MARKETING = 5;
const { stack, harness } = setupE2e();

const ODD_NAMES = oddFileNames();

describe('names', () => {
  test('odd file names deliver each file once, and the rows show the names as the file had them or as sanitizeFileName rewrites them', async () => {
    const { guard, frame, appFrame } = await harness.openWidget(stack.emulator.url);
    const files = ODD_NAMES.map(([label, name]) => ({
      name,
      buffer: Buffer.from(`content of ${label}`),
      mimeType: 'text/plain',
    }));
    await setInputFiles(frame, files);
    const expected = files.map((f) => ({
      ...f,
      sent: sanitizeFileName(f.name),
      sha256: sha256(f.buffer),
    }));
    // Matched by content: the portal may store a corrected name (its own name rules).
    await expect
      .poll(
        () => {
          const stored = new Set(chatFiles(stack.emulator, MARKETING).map((f) => f.sha256));
          return expected.filter((f) => !stored.has(f.sha256)).map((f) => f.sent);
        },
        { timeout: 60_000 },
      )
      .toEqual([]);
    const inChat = chatFiles(stack.emulator, MARKETING);
    for (const f of expected)
      expect(
        inChat.filter((c) => c.sha256 === f.sha256),
        f.name,
      ).toHaveLength(1);
    // Rows show the names as text: the HTML name made no element and ran nothing.
    expect(await appFrame.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
    expect(guard.dialogs()).toEqual([]);
    const rows = await readRows(appFrame);
    for (const f of expected) {
      expect(
        rows.some((r) => r.name === f.name || r.name === f.sent),
        f.name,
      ).toBe(true);
    }
  });

  test('a name longer than 255 characters is refused with its reason before sending', async () => {
    const { frame, appFrame } = await harness.openWidget(stack.emulator.url);
    const name = `${'l'.repeat(MAX_NAME_LENGTH)}.txt`;
    await setInputFiles(frame, [{ name, buffer: Buffer.from('long'), mimeType: 'text/plain' }]);
    const row = await waitForPhase(appFrame, name, 'failed', 15_000);
    expect(row.text).toContain('WIDGET_NAME_INVALID');
    expect(stack.emulator.uploads().filter((u) => u.name.startsWith('llll'))).toEqual([]);
  });
});

describe('contents', () => {
  test('an empty file is refused as FILE_EMPTY and never sent', async () => {
    const { frame, appFrame } = await harness.openWidget(stack.emulator.url);
    await setInputFiles(frame, [
      { name: 'empty.txt', buffer: Buffer.alloc(0), mimeType: 'text/plain' },
    ]);
    const row = await waitForPhase(appFrame, 'empty.txt', 'failed', 15_000);
    expect(row.text).toContain('FILE_EMPTY');
    expect(stack.emulator.uploads().filter((u) => u.name === 'empty.txt')).toEqual([]);
    expect(chatFiles(stack.emulator, MARKETING).filter((f) => f.name === 'empty.txt')).toEqual([]);
  });

  test('the same file dropped twice: the chat holds exactly as many copies as rows say delivered', async () => {
    const { frame, appFrame } = await harness.openWidget(stack.emulator.url);
    const file = { name: 'twice.txt', buffer: Buffer.from('same bytes'), mimeType: 'text/plain' };
    await setInputFiles(frame, [file]);
    await setInputFiles(frame, [file]);
    await expect
      .poll(
        async () =>
          (await readRows(appFrame))
            .filter((r) => r.name === 'twice.txt')
            .map((r) => r.phase)
            .sort(),
        { timeout: 60_000 },
      )
      .toSatisfy(
        (phases: string[]) =>
          phases.length >= 1 &&
          phases.every((p) => ['delivered', 'failed', 'cancelled'].includes(p)),
      );
    // Every row is final; once no upload call is open the chat's count is final too.
    await requestLog.waitUntilClosed(uploadCallsTo(stack.emulator.url));
    const delivered = (await readRows(appFrame)).filter(
      (r) => r.name === 'twice.txt' && r.phase === 'delivered',
    ).length;
    // By content: the portal stores the second copy under a corrected name ('twice (1).txt').
    const copies = chatFiles(stack.emulator, MARKETING).filter(
      (f) => f.sha256 === sha256(file.buffer),
    );
    expect(copies).toHaveLength(delivered);
    for (const c of copies) expect(c.sha256).toBe(sha256(file.buffer));
  });

  test('a file that becomes unreadable between drop and read fails with WIDGET_READ_FAILED and sends nothing', async () => {
    const { frame, appFrame } = await harness.openWidget(stack.emulator.url);
    const file = await makeTestFile('vanishing.bin', 30 * 1024 * 1024);
    await setInputFiles(frame, [file]);
    // Changing the file on disk invalidates the browser's snapshot of it: reads now fail.
    await writeFile(file.path, 'changed');
    const row = await waitForPhase(appFrame, 'vanishing.bin', 'failed', 60_000);
    expect(row.text).toContain('WIDGET_READ_FAILED');
    expect(stack.emulator.uploads().filter((u) => u.name === 'vanishing.bin')).toEqual([]);
  });

  test('a file rewritten in place while it is read is refused with WIDGET_READ_FAILED, never delivered torn', async () => {
    const { frame, appFrame } = await harness.openWidget(stack.emulator.url);
    const MiB = 1024 * 1024;
    const file = await makeTestFile('rewritten.bin', 100 * MiB);
    await setInputFiles(frame, [file]);
    await appFrame.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('[data-testid="upload-row"][data-name="rewritten.bin"]')
          ?.dataset.phase === 'reading',
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    // Same size, other bytes near the start and the end: read as one stream without a check, the
    // copy would be the old start joined to the new end, a file that never existed.
    const handle = await open(file.path, 'r+');
    await handle.write(Buffer.alloc(MiB, 0xaa), 0, MiB, 0);
    await handle.write(Buffer.alloc(MiB, 0xaa), 0, MiB, 96 * MiB);
    await handle.close();
    const settled = await appFrame.waitForFunction(
      () => {
        const phase = document.querySelector<HTMLElement>(
          '[data-testid="upload-row"][data-name="rewritten.bin"]',
        )?.dataset.phase;
        return phase === 'failed' || phase === 'delivered' ? phase : false;
      },
      undefined,
      { polling: 100, timeout: 60_000 },
    );
    const [row] = (await readRows(appFrame)).filter((r) => r.name === 'rewritten.bin');
    const stored = stack.emulator.uploads().filter((u) => u.name === 'rewritten.bin');
    expect(['failed', 'delivered']).toContain(await settled.jsonValue());
    if (row?.phase === 'failed') {
      expect(row.text).toContain('WIDGET_READ_FAILED');
      expect(stored).toEqual([]);
    } else {
      // The rewrite landed after the last read: what arrived must be the file as picked.
      expect(stored.map((u) => u.sha256)).toEqual([file.sha256]);
    }
  });

  test('a dropped folder sends each file inside it once, and an empty folder is reported, not silently dropped', async () => {
    const { page, frame, appFrame } = await harness.openWidget(stack.emulator.url);
    const root = await mkdtemp(join(tmpdir(), 'chat-drop-folder-'));
    try {
      const full = join(root, 'holiday photos');
      const empty = join(root, 'nothing here');
      await mkdir(full);
      await mkdir(empty);
      const inside = [
        { name: 'folder-one.txt', buffer: Buffer.from('first file in the folder') },
        { name: 'folder-two.txt', buffer: Buffer.from('second file in the folder') },
      ];
      for (const f of inside) await writeFile(join(full, f.name), f.buffer);

      await dragPaths(page, frame, [full]);
      for (const f of inside) await waitForPhase(appFrame, f.name, 'delivered', 30_000);
      for (const f of inside) {
        const copies = chatFiles(stack.emulator, MARKETING).filter((c) => c.name === f.name);
        expect(copies, f.name).toHaveLength(1);
        expect(copies[0]?.sha256, f.name).toBe(sha256(f.buffer));
      }

      const rowsBefore = (await readRows(appFrame)).length;
      const uploadsBefore = stack.emulator.uploads().length;
      await dragPaths(page, frame, [empty]);
      await expect
        .poll(() => frame.getByTestId('notice').innerText(), { timeout: 10_000 })
        .toBe(en.dropFolderEmpty);
      expect(await readRows(appFrame)).toHaveLength(rowsBefore);
      expect(stack.emulator.uploads()).toHaveLength(uploadsBefore);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  test('a dragged link or text is not sent and the panel says only files can be dropped', async () => {
    const { page, frame, appFrame } = await harness.openWidget(stack.emulator.url);
    await dragData(page, frame, {
      items: [
        { mimeType: 'text/uri-list', data: 'https://example.com/' },
        { mimeType: 'text/plain', data: 'https://example.com/' },
      ],
    });
    await expect
      .poll(() => frame.locator('body').innerText(), { timeout: 10_000 })
      .toContain(en.dropNoFiles);
    expect(await readRows(appFrame)).toEqual([]);
    expect(stack.emulator.uploads().filter((u) => u.name.includes('example.com'))).toEqual([]);
  });
});
