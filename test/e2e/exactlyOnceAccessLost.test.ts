// Issue 11 #9: access to the chat is lost midway (ACCESS_DENIED, the faithful portal answers 400).
// Rule: the files delivered before stay delivered once; the refused file is not in the chat; the
// chat's remaining files stop without each being sent. Asserted on the chat's final state in the
// emulator (messages, SHA-256) and on the emulator's request log, not only on the panel.
import { describe, expect, test } from 'vitest';
import { chatFiles } from '../support/chatFiles.ts';
import { requestLog, uploadCallsTo } from '../support/requestLog.ts';
import { setInputFiles } from '../support/setInputFiles.ts';
import { setupE2e } from '../support/setupE2e.ts';
import { readRows, waitForPhase } from '../support/waitForPhase.ts';

const MARKETING = 5;
const { stack, harness } = setupE2e({ rateLimit: false });

describe('exactly once when access to the chat is lost midway', () => {
  test('access lost on a later file: the delivered stay delivered once, the rest of the chat stop without being sent', async () => {
    const { guard, frame, appFrame } = await harness.openWidget(stack.emulator.url);
    guard.allowFailedResponses([400, 403], 'no-access answers ACCESS_DENIED');
    // Slow answers keep the ordered lane busy, so access can be taken away in the middle.
    stack.emulator.setScenario('slow', { delayMs: 600 });
    const mark = requestLog.mark();
    const given = await setInputFiles(
      frame,
      Array.from({ length: 5 }, (_, i) => ({
        name: `lost-${i + 1}.txt`,
        buffer: Buffer.from(`access lost, file ${i + 1}\n`),
        mimeType: 'text/plain',
      })),
    );
    try {
      await waitForPhase(appFrame, given[1]!.name, 'delivered');
      stack.emulator.setScenario('no-access');
      // The file after the delivered one may already be on its way when access goes (then it is
      // delivered); the one after that is sent once access is gone. The last file never is: it
      // stops with the chat. The rows are read below.
      await waitForPhase(appFrame, given[given.length - 1]!.name, 'failed');
    } finally {
      stack.emulator.clearScenario();
    }
    await requestLog.waitUntilClosed(uploadCallsTo(stack.emulator.url, mark));

    const rows = await readRows(appFrame);
    const firstFailed = given.findIndex(
      (f) => rows.find((r) => r.name === f.name)?.phase === 'failed',
    );
    expect(firstFailed).toBeGreaterThanOrEqual(2);
    expect(firstFailed).toBeLessThan(given.length - 1);
    const inChat = chatFiles(stack.emulator, MARKETING);
    given.forEach((file, index) => {
      const copies = inChat.filter((f) => f.name === file.name);
      if (index < firstFailed) {
        expect(
          copies.map((c) => c.sha256),
          file.name,
        ).toEqual([file.sha256]);
      } else {
        expect(copies, file.name).toHaveLength(0);
        expect(rows.find((r) => r.name === file.name)?.text).toContain('ACCESS_DENIED');
      }
    });
    // One request per file up to the refused one; none for the files after it.
    const uploads = stack.emulator.uploads().filter((u) => u.name.startsWith('lost-'));
    expect(uploads.map((u) => u.name).sort()).toEqual(
      given
        .slice(0, firstFailed)
        .map((f) => f.name)
        .sort(),
    );
    const posts = requestLog.list(uploadCallsTo(stack.emulator.url, mark));
    expect(posts).toHaveLength(firstFailed + 1);
  });
});
