import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator/createEmulator.ts';
import { createBitrixTransport } from '../../../src/bitrix/createBitrixTransport.ts';
import { startTestEmulator, type TestEmulator } from '../emulator/startTestEmulator.ts';
import { fixedAuth, TestB24 } from './TestB24.ts';

/**
 * The delivery finder through the real SDK over real HTTP against the emulator: files are put in
 * the chat with the portal's own REST upload (as this user and as another member), then looked up.
 */
const ME = { userId: 1, token: 'finder-token-me' };
const OTHER = { userId: 2, token: 'finder-token-other' };

let started: TestEmulator;
let emulator: Emulator;

beforeAll(async () => {
  started = await startTestEmulator({ oauthTokens: [ME, OTHER] });
  emulator = started.emu;
});

afterAll(() => started.stop());

function transport(): ReturnType<typeof createBitrixTransport> {
  return createBitrixTransport(new TestB24(fixedAuth(emulator.url, { current: ME.token })));
}

/** Asks `finder` whether `bytes`, dropped as `name`, are in chat5 since `since`. */
function findBytes(
  finder: ReturnType<typeof createBitrixTransport>,
  name: string,
  bytes: Uint8Array<ArrayBuffer>,
  since: number,
) {
  return finder.findDelivery({
    dialogId: 'chat5',
    name,
    size: bytes.length,
    since,
    file: new Blob([bytes]),
  });
}

/** Posts a file to the chat with REST as `who`; returns the message id. */
async function post(who: { token: string }, dialogId: string, name: string, bytes: Buffer) {
  const response = await fetch(`${emulator.url}/rest/im.v2.File.upload`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: who.token,
      dialogId,
      fields: { name, content: bytes.toString('base64') },
    }),
  });
  const answer = (await response.json()) as { result: { messageId: number; file: { id: number } } };
  return answer.result;
}

describe('createDeliveryFinder over the emulator', () => {
  it('never takes one image.png for another of the same size: the stored bytes decide', async () => {
    const finder = transport();
    const since = Date.now() - 1000;
    const first = randomBytes(4096);
    const second = randomBytes(4096);
    const a = await post(ME, 'chat5', 'image.png', first);
    const b = await post(ME, 'chat5', 'image.png', second);
    const query = { dialogId: 'chat5', name: 'image.png', size: 4096, since };
    expect(await finder.findDelivery({ ...query, file: new Blob([second]) })).toMatchObject({
      messageId: b.messageId,
      fileId: b.file.id,
      // The chat's folder already holds image.png: the portal stores the second one renamed.
      storedName: 'image (1).png',
    });
    expect(await finder.findDelivery({ ...query, file: new Blob([first]) })).toMatchObject({
      messageId: a.messageId,
    });
    expect(
      await finder.findDelivery({ ...query, file: new Blob([randomBytes(4096)]) }),
    ).toBeUndefined();
    finder.dispose();
  });

  it("ignores another member's file of the same name, size and bytes", async () => {
    const finder = transport();
    const since = Date.now() - 1000;
    const bytes = randomBytes(1000);
    await post(OTHER, 'chat5', 'shared-by-anna.bin', bytes);
    expect(await findBytes(finder, 'shared-by-anna.bin', bytes, since)).toBeUndefined();
    finder.dispose();
  });

  it('finds its file behind more than a page of newer messages (explicit LAST_ID paging)', async () => {
    const finder = transport();
    const since = Date.now() - 1000;
    const bytes = randomBytes(700);
    const mine = await post(ME, 'chat5', 'deep.bin', bytes);
    for (let i = 0; i < 60; i++) await post(OTHER, 'chat5', `noise-${i}.txt`, Buffer.from(`n${i}`));
    expect(await findBytes(finder, 'deep.bin', bytes, since)).toMatchObject({
      messageId: mine.messageId,
    });
    finder.dispose();
  });

  it('says "cannot tell" (throws) rather than "not there" when the history is longer than it may read', async () => {
    const finder = createBitrixTransport(
      new TestB24(fixedAuth(emulator.url, { current: ME.token })),
      { maxHistoryPages: 1 },
    );
    const since = Date.now() - 1000;
    for (let i = 0; i < 55; i++) await post(OTHER, 'chat5', `more-${i}.txt`, Buffer.from(`m${i}`));
    await expect(
      finder.findDelivery({ dialogId: 'chat5', name: 'absent.bin', size: 3, since }),
    ).rejects.toMatchObject({ name: 'IncompleteHistoryError' });
    finder.dispose();
  });

  it('lists this user’s file messages since a moment, oldest first, for the reconciliation', async () => {
    const finder = transport();
    const since = Date.now() - 1000;
    const one = await post(ME, 'chat5', 'recon-1.txt', Buffer.from('one'));
    await post(OTHER, 'chat5', 'recon-other.txt', Buffer.from('other'));
    const two = await post(ME, 'chat5', 'recon-2.txt', Buffer.from('two!'));
    const listed = await finder.listOwnFileMessages({ dialogId: 'chat5', since });
    const recon = listed.filter((message) => message.name.startsWith('recon-'));
    expect(recon).toEqual([
      expect.objectContaining({ messageId: one.messageId, name: 'recon-1.txt', size: 3 }),
      expect.objectContaining({ messageId: two.messageId, name: 'recon-2.txt', size: 4 }),
    ]);
    for (const message of recon) expect(Math.abs(message.at - Date.now())).toBeLessThan(60_000);
    finder.dispose();
  });

  it('stops a check at once when its signal aborts (no history request left running)', async () => {
    const finder = transport();
    const controller = new AbortController();
    controller.abort();
    await expect(
      finder.findDelivery({
        dialogId: 'chat5',
        name: 'x',
        size: 1,
        since: 0,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    finder.dispose();
  });
});

describe('unread history (the portal’s default page is not the newest)', () => {
  async function say(user: number, dialogId: string, text: string): Promise<void> {
    const response = await fetch(`${emulator.url}/_emulator/ui/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user, dialogId, text }),
    });
    expect(response.ok).toBe(true);
  }

  it('finds the file although more than 50 unread messages shift the default page', async () => {
    const finder = transport();
    const since = Date.now() - 1000;
    // Sending reads the chat for the sender; then 70 messages by another member stay unread.
    const bytes = randomBytes(321);
    const mine = await post(ME, 'chat5', 'before-unread.bin', bytes);
    for (let i = 0; i < 70; i++) await say(2, 'chat5', `unread ${i}`);
    // The condition is real: the default page (no FIRST_ID/LAST_ID) does not hold the newest message.
    const defaultPage = (await (
      await fetch(`${emulator.url}/rest/im.dialog.messages.get`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ auth: ME.token, DIALOG_ID: 'chat5', LIMIT: 50 }),
      })
    ).json()) as { result: { messages: { id: number }[] } };
    const newest = Math.max(...emulator.messages(5).map((m) => m.id));
    expect(defaultPage.result.messages.map((m) => m.id)).not.toContain(newest);
    expect(await findBytes(finder, 'before-unread.bin', bytes, since)).toMatchObject({
      messageId: mine.messageId,
    });
    finder.dispose();
  });
});
