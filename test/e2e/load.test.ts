// Issue 6 (load): many files, a big file among small ones, and a thousand files at once. Every
// test reads the chat's final state from the emulator (names, counts, sha256), not only the rows.
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { chatFiles } from '../support/chatFiles.ts';
import { setInputFiles, type GivenFile } from '../support/setInputFiles.ts';
import { longTaskProbe } from '../support/longTaskProbe.ts';
import { makeTestFile } from '../support/makeTestFile.ts';
import { openWidget } from '../support/openWidget.ts';
import { startStack } from '../support/startStack.ts';
import type { Emulator } from '../support/stackTypes.ts';
// Aliased: useBrowser registers Vitest hooks; it is not a React hook.
import { useBrowser as setupBrowser } from '../support/useBrowser.ts';
import { waitForChatFiles } from '../support/waitForChatFiles.ts';
import { readRows, waitForPhase } from '../support/waitForPhase.ts';

const LIMIT = 104_857_600;
const MARKETING = 5;
const harness = setupBrowser();

function expectEachOnce(emulator: Emulator, dropped: readonly GivenFile[]): void {
  const files = chatFiles(emulator, MARKETING);
  for (const d of dropped) {
    const copies = files.filter((f) => f.name === d.name);
    expect(copies, d.name).toHaveLength(1);
    expect(copies[0]?.sha256, d.name).toBe(d.sha256);
  }
}

function smallFiles(prefix: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    name: `${prefix}-${String(i + 1).padStart(4, '0')}.txt`,
    buffer: Buffer.from(`${prefix} file ${i + 1}\n`),
    mimeType: 'text/plain',
  }));
}

describe('load', () => {
  test('200 small files dropped at once are each delivered once, in drop order, through the rate limit, without long tasks', async () => {
    // A server bucket smaller than the SDK's own client bucket (50) so the portal's limit is
    // really hit; the SDK's limiter alone would keep every call under the default portal limit.
    const stack = await startStack({ rateLimit: { burst: 20, drainPerSecond: 4 } });
    const { page, context, guard } = await harness.newPage();
    try {
      guard.allowFailedResponses([503], 'the portal rate limit answers 503 QUERY_LIMIT_EXCEEDED');
      let refusedByLimit = 0;
      page.on('response', (r: Response) => {
        if (r.status() === 503 && r.url().includes('/rest/')) refusedByLimit += 1;
      });
      await longTaskProbe.install(context);
      const { frame, appFrame } = await openWidget(page, stack.emulator.url);
      const files = smallFiles('load', 200);
      const since = await longTaskProbe.now(appFrame);
      const dropped = await setInputFiles(frame, files);
      await waitForChatFiles(
        stack.emulator,
        MARKETING,
        files.map((f) => f.name),
        240_000,
      );
      expectEachOnce(stack.emulator, dropped);
      expect(stack.emulator.uploads().filter((u) => u.name.startsWith('load-'))).toHaveLength(200);
      // The limit was really hit...
      expect(refusedByLimit).toBeGreaterThan(0);
      // ...and survived without a user-visible error: no failed row, the batch bar counts no failure.
      await expect
        .poll(() => frame.getByTestId('batch-bar').innerText(), { timeout: 10_000 })
        .toContain('200 delivered');
      expect(await frame.getByTestId('batch-bar').innerText()).not.toMatch(/failed/);
      expect((await readRows(appFrame)).filter((r) => r.phase === 'failed')).toEqual([]);
      expect(await frame.getByTestId('notice').count()).toBe(0);
      const longTasks = (await longTaskProbe.read(appFrame, since)).filter((t) => t.duration > 200);
      // Soft: a long task and a wrong order are separate rules; report both when both fail.
      expect.soft(longTasks, 'main-thread tasks over 200 ms in the frame').toEqual([]);
      // Last, so a wrong order does not hide the rules above: the chat shows them as dropped.
      const order = chatFiles(stack.emulator, MARKETING)
        .filter((f) => f.name.startsWith('load-'))
        .map((f) => f.name);
      expect
        .soft(order, 'the chat shows the files in drop order')
        .toEqual(files.map((f) => f.name));
    } finally {
      // The page first: its messenger polls the portal, which must not vanish under it.
      await context.close();
      await stack.close();
    }
  }, 300_000);

  test('a 100 MiB file dropped with 20 small ones: all delivered, and the small ones are not starved behind it', async () => {
    const stack = await startStack();
    const big = await makeTestFile('big-first.bin', LIMIT);
    const { context, frame, appFrame } = await harness.openWidget(stack.emulator.url);
    try {
      const small = await Promise.all(
        Array.from({ length: 20 }, (_, i) => makeTestFile(`beside-big-${i + 1}.txt`, 1024)),
      );
      // The big file first: a queue that sends strictly one after another would starve the rest.
      const dropped = await setInputFiles(frame, [big, ...small]);
      await waitForPhase(appFrame, 'big-first.bin', 'delivered', 240_000);
      const files = chatFiles(stack.emulator, MARKETING);
      const bigAt = files.findIndex((f) => f.name === 'big-first.bin');
      // Every small file is already in the chat when the big one lands.
      for (const s of small) {
        const at = files.findIndex((f) => f.name === s.name);
        expect(at, `${s.name} waited behind the 100 MiB file`).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThan(bigAt);
      }
      expectEachOnce(stack.emulator, dropped);
      expect(files.find((f) => f.name === 'big-first.bin')?.size).toBe(LIMIT);
      await Promise.all(small.map((s) => rm(s.path, { force: true })));
    } finally {
      // The page first: its messenger polls the portal, which must not vanish under it.
      await context.close();
      await stack.close();
      await rm(big.path, { force: true });
    }
  }, 300_000);

  test('1,000 files dropped: the panel stays usable, empty and oversized files are refused with their reason, the rest delivered', async () => {
    // The portal's own rate limit is switched off here: the 50 deliverable files would otherwise
    // take ~25 s of 2 calls/s for nothing this test measures (the 200-file test covers the limit).
    // The SDK's client limiter still applies.
    const stack = await startStack({ rateLimit: false });
    const dir = await mkdtemp(join(tmpdir(), 'chat-drop-thousand-'));
    const { context, frame, appFrame } = await harness.openWidget(stack.emulator.url);
    try {
      // 1,000 files in one drop: 50 good, 50 one byte over the limit (sparse, never written),
      // 900 empty. The files are tiny on disk; only the count matters.
      const good: string[] = [];
      const empty: string[] = [];
      const tooLarge: string[] = [];
      const paths: { name: string; path: string; size: number; sha256: string }[] = [];
      for (let i = 1; i <= 1000; i++) {
        const kind = i % 20 === 0 ? 'good' : i % 20 === 10 ? 'large' : 'empty';
        const name = `k${String(i).padStart(4, '0')}-${kind}.bin`;
        const path = join(dir, name);
        if (kind === 'good') {
          await writeFile(path, `file ${i}`);
          good.push(name);
        } else if (kind === 'large') {
          await writeFile(path, '');
          await truncate(path, LIMIT + 1);
          tooLarge.push(name);
        } else {
          await writeFile(path, '');
          empty.push(name);
        }
        paths.push({ name, path, size: 0, sha256: '' });
      }
      await setInputFiles(frame, paths);
      // Usable while the queue runs: typing into the message field works, and the frame's event
      // loop answers quickly (measured inside the frame, so Playwright's own round trips on a
      // busy CI machine do not count).
      await frame.getByTestId('message-input').fill('still responsive');
      expect(await frame.getByTestId('message-input').inputValue()).toBe('still responsive');
      const worstLagMs = await appFrame.evaluate(async () => {
        let worst = 0;
        for (let i = 0; i < 10; i++) {
          const t = performance.now();
          await new Promise((r) => setTimeout(r, 0));
          worst = Math.max(worst, performance.now() - t);
          await new Promise((r) => setTimeout(r, 100));
        }
        return worst;
      });
      expect(worstLagMs, 'worst event-loop delay in the frame (ms)').toBeLessThan(1_000);
      await waitForChatFiles(stack.emulator, MARKETING, good, 180_000);
      const files = chatFiles(stack.emulator, MARKETING);
      for (const name of good)
        expect(
          files.filter((f) => f.name === name),
          name,
        ).toHaveLength(1);
      // Refused files never left the browser.
      expect(stack.emulator.uploads().filter((u) => !good.includes(u.name))).toEqual([]);
      await expect
        .poll(() => frame.getByTestId('batch-bar').innerText(), { timeout: 30_000 })
        .toMatch(/1,?000 files · 50 delivered, 950 failed/);
      // Refusals carry their reason (the visible part of the virtualized list is enough to check).
      const rows = await readRows(appFrame);
      const refused = rows.filter((r) => empty.includes(r.name) || tooLarge.includes(r.name));
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) {
        expect(r.phase, r.name).toBe('failed');
        if (tooLarge.includes(r.name)) {
          expect(r.text, r.name).toContain(en.error_fileTooLarge);
          expect(r.text, r.name).toContain('FILE_TOO_LARGE');
        } else {
          expect(r.text, r.name).toContain(en.error_fileEmpty);
          expect(r.text, r.name).toContain('FILE_EMPTY');
        }
      }
    } finally {
      // The page first: its messenger polls the portal, which must not vanish under it.
      await context.close();
      await stack.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
