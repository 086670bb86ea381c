import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_UNREAD_ANNOUNCEMENTS } from '../../../emulator/seedState.ts';
import { postJson, startTestEmulator } from './startTestEmulator.ts';
import type { TestEmulator } from './startTestEmulator.ts';

interface Message {
  id: number;
  author_id: number;
  text: string;
  unread: boolean;
  params: unknown;
}

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.stop();
});

const get = async (params: Record<string, unknown>): Promise<Message[]> => {
  const res = await postJson(`${t.hook}im.dialog.messages.get`, params);
  expect(res.status).toBe(200);
  return (res.json.result as { messages: Message[] }).messages;
};
const ids = (list: Message[]): number[] => list.map((m) => m.id);
/** Posts as another user through the messenger page's endpoint. */
const say = async (user: number, dialogId: string, text: string): Promise<number> =>
  Number((await postJson(`${t.emu.url}/_emulator/ui/messages`, { user, dialogId, text })).json.id);

describe('im.dialog.messages.get unread rules (portal reference §7.5)', () => {
  it('with more unread than LIMIT, the page starts at the last read message, not at the newest', async () => {
    const all = t.emu.messages(11);
    expect(all.length).toBe(SEED_UNREAD_ANNOUNCEMENTS + 1);
    const page = await get({ DIALOG_ID: 'chat11', LIMIT: 20 });
    const newest = all[all.length - 1]!.id;
    expect(ids(page)).not.toContain(newest);
    // The last read message (the join) and the first 20 unread after it, newest first.
    const expected = all
      .slice(0, 21)
      .map((m) => m.id)
      .reverse();
    expect(ids(page)).toEqual(expected);
    expect(page.filter((m) => m.unread)).toHaveLength(20);
  });

  it('with 0 < unread ≤ LIMIT, the page holds LIMIT + unread messages', async () => {
    for (let i = 0; i < 2; i += 1) await say(2, 'chat5', `unread ${i}`);
    const all = t.emu.messages(5);
    const page = await get({ DIALOG_ID: 'chat5', LIMIT: 2 });
    expect(all.length).toBeGreaterThan(4);
    expect(ids(page)).toEqual(
      all
        .slice(-4)
        .map((m) => m.id)
        .reverse(),
    );
    // Writing in the chat reads it: the counter is back to 0 and LIMIT alone counts.
    await postJson(`${t.hook}im.v2.File.upload`, {
      dialogId: 'chat5',
      fields: { name: 'read.txt', content: 'YWJj' },
    });
    expect(await get({ DIALOG_ID: 'chat5', LIMIT: 2 })).toHaveLength(2);
  });

  it('FIRST_ID answers newer messages in ascending order; LAST_ID older ones newest first', async () => {
    const all = t.emu.messages(11);
    const first = all[5]!.id;
    expect(ids(await get({ DIALOG_ID: 'chat11', FIRST_ID: first, LIMIT: 3 }))).toEqual([
      first + 1,
      first + 2,
      first + 3,
    ]);
    expect(ids(await get({ DIALOG_ID: 'chat11', LAST_ID: first, LIMIT: 2 }))).toEqual([
      first - 1,
      first - 2,
    ]);
  });

  it('chats hold system messages (author 0, params.CODE) and texts are rewritten on read', async () => {
    const page = await get({ DIALOG_ID: 'chat9', LIMIT: 50 });
    const join = page.find((m) => m.author_id === 0);
    expect(join?.params).toMatchObject({ CODE: 'CHAT_JOIN' });
    expect(join?.text).toBe(
      '[USER=3]Max Müller[/USER] invited [USER=1]John Smith[/USER], [USER=4]Lena Koch[/USER] to the chat',
    );
    const link = page.find((m) => m.text.startsWith('New mockups'));
    expect(link?.text).toBe(
      'New mockups are coming: [URL=https://example.com/mockups]https://example.com/mockups[/URL] & notes',
    );
  });
});
