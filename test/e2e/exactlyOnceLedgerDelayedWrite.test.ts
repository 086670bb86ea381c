// Issue 11 #10: the portal writes setUserOption up to 5 s late (docs/portal-reference.md §7.6), so
// an app reopened within those seconds reads an older ledger. Rule: nothing that is in the chat is
// shown as missing, and nothing that may have arrived is offered for sending again. Asserted
// against the chat's final state in the emulator (messages, SHA-256).
import { describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { chatFiles } from '../support/chatFiles.ts';
import { requestLog, uploadCallsTo } from '../support/requestLog.ts';
import { setInputFiles } from '../support/setInputFiles.ts';
import { setupE2e } from '../support/setupE2e.ts';
import { waitForPhase } from '../support/waitForPhase.ts';

const MARKETING = 5;
const { stack, harness } = setupE2e({ rateLimit: false });

describe('exactly once with a ledger the portal writes late', () => {
  test('the app reopened within 5 s of the last delivery: nothing in the chat is shown missing or offered again', async () => {
    const { page, frame, appFrame } = await harness.openWidget(stack.emulator.url);
    // Long enough that the portal has applied an early ledger write (files still on their way)
    // before the last file is delivered, and the later writes are still pending at the reopen.
    stack.emulator.setScenario('slow', { delayMs: 2_000 });
    const given = await setInputFiles(
      frame,
      Array.from({ length: 4 }, (_, i) => ({
        name: `late-ledger-${i + 1}.txt`,
        buffer: Buffer.from(`late ledger, file ${i + 1}\n`),
        mimeType: 'text/plain',
      })),
    );
    try {
      for (const file of given) await waitForPhase(appFrame, file.name, 'delivered', 60_000);
    } finally {
      stack.emulator.clearScenario();
    }
    // Reopen the app at once (a new frame, no portal page load that would apply pending writes).
    await page.getByTestId('open-im-sidebar').click();
    const again = page.getByTestId('app-frame').last().contentFrame();
    await again.getByTestId('chat-drop').waitFor({ timeout: 30_000 });
    const mark = requestLog.mark();

    const inChat = chatFiles(stack.emulator, MARKETING);
    for (const file of given) {
      expect(
        inChat.filter((f) => f.name === file.name).map((f) => f.sha256),
        file.name,
      ).toEqual([file.sha256]);
    }
    const ledger = again.getByTestId('ledger');
    await expect.poll(() => ledger.count(), { timeout: 15_000 }).toBe(1);
    // The ledger is final once it shows every file of the batch as delivered; a stale entry that
    // stays "not delivered" or "check the chat" fails this poll with the entries printed.
    const entries = () =>
      ledger.locator('li').evaluateAll((items) =>
        items.map((li) => ({
          text: (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
          buttons: Array.from(li.querySelectorAll('button')).map((b) => b.textContent ?? ''),
        })),
      );
    await expect
      .poll(
        async () =>
          (await entries())
            .filter((e) => given.some((f) => e.text.startsWith(f.name)))
            .filter((e) => !e.text.includes(en.ledgerDelivered) || e.buttons.length > 0)
            .map((e) => e.text),
        { timeout: 15_000 },
      )
      .toEqual([]);
    for (const entry of await entries()) {
      expect(entry.buttons, entry.text).not.toContain(en.addAgain);
    }
    // Reopening sent nothing again.
    await requestLog.waitUntilClosed(uploadCallsTo(stack.emulator.url));
    expect(requestLog.list(uploadCallsTo(stack.emulator.url, mark))).toHaveLength(0);
  }, 120_000);
});
