import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETED_MESSAGE_TEXT } from '../../../emulator/rest/messageMethods.ts';
import { postJson, startTestEmulator } from './startTestEmulator.ts';
import type { TestEmulator } from './startTestEmulator.ts';

interface Page {
  messages: { id: number; text: string; params: unknown }[];
  files: { id: number }[];
}

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.stop();
});

const upload = async (
  name: string,
): Promise<{ messageId: number; fileId: number; url: string }> => {
  const res = await postJson(`${t.hook}im.v2.File.upload`, {
    dialogId: 'chat5',
    fields: { name, content: Buffer.from('duplicate bytes').toString('base64') },
  });
  expect(res.status).toBe(200);
  const result = res.json.result as {
    messageId: number;
    file: { id: number; urlDownload: string };
  };
  return { messageId: result.messageId, fileId: result.file.id, url: result.file.urlDownload };
};
const page = async (): Promise<Page> =>
  (await postJson(`${t.hook}im.dialog.messages.get`, { DIALOG_ID: 'chat5', LIMIT: 50 })).json
    .result as Page;
/** The REST call as the docs write it: POST to the webhook URL, MESSAGE_ID in the body. */
const remove = (params: Record<string, unknown>): ReturnType<typeof postJson> =>
  postJson(`${t.hook}im.message.delete`, params);

describe('im.message.delete (portal reference §5.10)', () => {
  it('the author deletes their own file message: true, a deleted placeholder, the file gone from the chat', async () => {
    const kept = await upload('kept.txt');
    const twin = await upload('twin.txt');
    const done = await remove({ MESSAGE_ID: twin.messageId });
    expect(done.status).toBe(200);
    expect(done.json.result).toBe(true);

    const after = await page();
    const placeholder = after.messages.find((m) => m.id === twin.messageId);
    expect(placeholder).toMatchObject({ text: DELETED_MESSAGE_TEXT, params: { IS_DELETED: 'Y' } });
    expect(placeholder?.params).not.toHaveProperty('FILE_ID');
    expect(after.files.map((f) => f.id)).toContain(kept.fileId);
    expect(after.files.map((f) => f.id)).not.toContain(twin.fileId);
    // The chat's file list and the Disk file itself: the twin is no longer there.
    const chatFiles = t.emu.messages(5).flatMap((m) => m.files.map((f) => f.id));
    expect(chatFiles).toContain(kept.fileId);
    expect(chatFiles).not.toContain(twin.fileId);
    const path = new URL(twin.url);
    expect((await fetch(`${t.emu.url}${path.pathname}${path.search}`)).status).toBe(404);
    // A deleted message cannot be deleted again.
    const again = await remove({ MESSAGE_ID: twin.messageId });
    expect(again.status).toBe(403);
    expect(again.json.error).toBe('CANT_EDIT_MESSAGE');
  });

  it("another user's message is refused with 403 CANT_EDIT_MESSAGE and stays as it was", async () => {
    const said = await postJson(`${t.emu.url}/_emulator/ui/messages`, {
      user: 2,
      dialogId: 'chat5',
      text: 'not yours',
    });
    const id = Number(said.json.id);
    const res = await remove({ MESSAGE_ID: id });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({
      error: 'CANT_EDIT_MESSAGE',
      error_description: "Time has expired for modification or you don't have access",
    });
    expect(t.emu.messages(5).find((m) => m.id === id)?.text).toBe('not yours');
  });

  it('an unknown id is refused with 403 CANT_EDIT_MESSAGE; a missing or non-numeric id with 400 MESSAGE_ID_ERROR', async () => {
    const unknown = await remove({ MESSAGE_ID: 999_999 });
    expect(unknown.status).toBe(403);
    expect(unknown.json.error).toBe('CANT_EDIT_MESSAGE');
    for (const params of [{}, { MESSAGE_ID: 'abc' }, { MESSAGE_ID: 0 }]) {
      const bad = await remove(params);
      expect(bad.status).toBe(400);
      expect(bad.json).toEqual({
        error: 'MESSAGE_ID_ERROR',
        error_description: "Message ID can't be empty",
      });
    }
  });
});
