import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { RestError } from '../RestError.ts';
import { getParamCI, paramText } from '../params.ts';
import type { CallContext, MethodTable } from './restTypes.ts';

/**
 * The placeholder text a soft-deleted message keeps. The real text is the language string
 * `IM_MESSAGE_DELETED` of the im module; its English wording is ASSUMED (no public lang file found).
 */
export const DELETED_MESSAGE_TEXT = 'This message has been deleted.';

/** Messenger methods that change a message (portal reference §5.10). */
export const messageMethods: MethodTable = {
  'im.message.delete': { scope: ['im'], run: messageDelete },
};

/** The storage names the emulator makes (`<id>-<16 hex>.bin`, see fileMethods). */
const STORAGE_NAME = /^\d+-[0-9a-f]{16}\.bin$/;

/** PHP `intval` of a request value: leading digits count, anything else is 0. */
function phpIntval(text: string): number {
  const match = /^\s*([+-]?\d+)/.exec(text);
  return match ? Number(match[1]) : 0;
}

/**
 * im.message.delete (portal reference §5.10; DOCS `api-reference/chats/messages/im-message-delete.md`,
 * CORE-BUS `modules/im/classes/general/{im_rest,im_messenger,im_disk}.php`).
 *
 * `MESSAGE_ID` (alias `ID`) ≤ 0 ⇒ 400 `MESSAGE_ID_ERROR`. Only the author may delete; an unknown
 * id, someone else's message, a system message or one already deleted ⇒ 403 `CANT_EDIT_MESSAGE`.
 * On success the message stays as a placeholder (text replaced, params `IS_DELETED=Y`, no files)
 * and its files are deleted from the chat's folder (the author owns them). Answer: `true`.
 */
function messageDelete(call: CallContext): unknown {
  const raw = getParamCI(call.params, 'MESSAGE_ID') ?? getParamCI(call.params, 'ID');
  const id = phpIntval(paramText(raw));
  if (id <= 0) throw new RestError(400, 'MESSAGE_ID_ERROR', "Message ID can't be empty");
  const { store } = call.emu;
  const state = store.state;
  const message = state.messages.find((m) => m.id === id);
  // CheckPossibilityUpdateMessage: the message must exist, not be deleted, and be the caller's.
  // Its admin exception (inactive authors, connectors, the general chat) has no counterpart in
  // the emulator's seed, so it is not emulated.
  if (!message || message.params?.IS_DELETED === 'Y' || message.authorId !== call.user.id) {
    throw new RestError(
      403,
      'CANT_EDIT_MESSAGE',
      "Time has expired for modification or you don't have access",
    );
  }
  // CIMDisk::DeleteFile: the author's own file is deleted from the chat's Disk folder.
  const gone = new Set(message.fileIds);
  for (const file of state.files.filter((f) => gone.has(f.id))) {
    // state.json is read back from disk: remove only storage names the emulator itself made.
    if (STORAGE_NAME.test(file.storageName)) {
      rmSync(join(store.filesDir, file.storageName), { force: true });
    }
  }
  state.files = state.files.filter((f) => !gone.has(f.id));
  message.text = DELETED_MESSAGE_TEXT;
  message.fileIds = [];
  message.params = { IS_DELETED: 'Y' };
  store.save();
  return true;
}
