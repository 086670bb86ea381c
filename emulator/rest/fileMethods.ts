import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createBase64Decoder } from '../createBase64Decoder.ts';
import { correctFileName, uniqueFileName } from '../correctFileName.ts';
import { formatDateC } from '../formatDateC.ts';
import { RestError } from '../RestError.ts';
import { SpilledString } from '../SpilledString.ts';
import { isParams, paramText } from '../params.ts';
import type { ParamValue } from '../params.ts';
import type { FileRecord } from '../types.ts';
import { faultKeyOf } from './faultKeyOf.ts';
import type { CallContext, MethodTable } from './restTypes.ts';

/** "Maximum size — 100 MB", applied to decoded bytes as MiB (portal reference, project decisions). */
export const MAX_FILE_BYTES = 104_857_600;
const CHUNK_CHARS = 1 << 20;

/** `im.v2.File.upload` and `im.v2.File.download` (portal reference §4). */
export const fileMethods: MethodTable = {
  'im.v2.file.upload': { scope: ['im'], run: upload },
  'im.v2.file.download': { scope: ['im'], run: download },
};

function missing(name: string): RestError {
  return new RestError(400, 100, `Could not find value for parameter {${name}}`);
}

/**
 * `dialogId` as the engine binder takes it: a string. A JSON number is refused with code 100
 * (portal reference §7.7, INFERRED from the binder's type check); form posts give strings.
 */
function dialogIdParam(value: ParamValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (value === undefined) return undefined;
  throw new RestError(
    400,
    100,
    `Invalid value {${paramText(value)}} to match with parameter {dialogId}. Should be value of type string.`,
  );
}

async function upload(call: CallContext): Promise<unknown> {
  const { emu, params, user, origin } = call;
  const { portal, scenarios, store } = emu;
  const key = faultKeyOf(call);
  const fault = (name: Parameters<typeof scenarios.fire>[0]): boolean =>
    scenarios.fire(name, key.method) !== null;
  // Fault: a server error before anything is stored (HTTP 500 is what makes the SDK retry).
  if (fault('upload-500')) {
    throw new RestError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  }
  // §4.2 step 1: the engine binder checks required parameters first.
  if (params.dialogId === undefined) throw missing('dialogId');
  const dialogId = dialogIdParam(params.dialogId);
  const fields = params.fields;
  if (fields === undefined) throw missing('fields');
  if (!isParams(fields) && !Array.isArray(fields)) {
    throw new RestError(
      400,
      100,
      `Invalid value {${paramText(fields)}} to match with parameter {fields}. Should be value of type array.`,
    );
  }
  // §4.2 steps 2–3: the chat, then the caller's access to it.
  const lookup = portal.resolveDialog(user.id, dialogId ?? '', key);
  if (lookup.kind === 'not-found') throw new RestError(400, 'CHAT_NOT_FOUND', 'CHAT_NOT_FOUND');
  // im v2 controller errors go through the generic conversion: 400, not 403 (§7.7).
  if (lookup.kind === 'denied') throw new RestError(400, 'ACCESS_DENIED', 'Access denied');
  const { chat } = lookup;
  // §4.2 step 4.
  const record = isParams(fields) ? fields : {};
  const givenName = paramText(record.name);
  const content = record.content;
  const contentEmpty =
    content instanceof SpilledString ? content.byteLength === 0 : paramText(content) === '';
  if (givenName.trim() === '' || contentEmpty) {
    throw new RestError(400, 'FILE_EMPTY', 'File name and content are required');
  }
  // §4.2 steps 5–6: strict Base64, then the decoded size.
  const tmpPath = join(store.tmpDir, `decoded-${randomBytes(8).toString('hex')}`);
  call.temps.push(tmpPath);
  const decoded = await decodeToFile(
    content instanceof SpilledString ? content : paramText(content),
    tmpPath,
  );
  if (decoded === null) {
    const legacy = fault('legacy-invalid-content');
    throw new RestError(
      400,
      legacy ? 'INVALID_CONTENT' : 'FILE_INVALID_CONTENT',
      'Invalid base64 content',
    );
  }
  if (decoded.size > call.emu.options.maxUploadBytes) {
    throw new RestError(400, 'FILE_TOO_LARGE', 'File is too large');
  }
  // §4.2 steps 7–9: storage faults, switchable by scenario.
  if (fault('folder-error')) {
    throw new RestError(400, 'FOLDER_ERROR', 'Failed to get chat folder');
  }
  if (fault('upload-failed')) {
    throw new RestError(400, 'UPLOAD_FAILED', 'File upload failed');
  }
  const failSend = fault('send-failed');

  const state = store.state;
  // Disk corrects the name and makes it unique in the chat's folder (§7.1).
  const name = uniqueFileName(
    correctFileName(givenName),
    state.files.filter((f) => f.chatId === chat.id).map((f) => f.name),
  );
  const fileId = state.nextIds.file++;
  // The stored name is generated; the user's file name is data, never a path.
  const storageName = `${fileId}-${randomBytes(8).toString('hex')}.bin`;
  renameSync(tmpPath, join(store.filesDir, storageName));
  const file: FileRecord = {
    id: fileId,
    chatId: chat.id,
    authorId: user.id,
    name,
    size: decoded.size,
    sha256: decoded.sha256,
    date: formatDateC(),
    storageName,
    token: randomBytes(16).toString('hex'),
  };
  state.files.push(file);
  if (failSend) {
    store.save();
    throw new RestError(400, 'SEND_FAILED', 'Failed to send message');
  }
  const message = portal.postMessage(chat.id, user.id, paramText(record.message), [fileId]);
  state.uploads.push({
    requestId: call.requestId,
    userId: user.id,
    dialogId: lookup.dialogId,
    chatId: chat.id,
    fileId,
    messageId: message.id,
    name,
    size: file.size,
    sha256: file.sha256,
    at: new Date().toISOString(),
  });
  store.save();
  return {
    file: portal.fileObject(file, origin),
    messageId: message.id,
    chatId: chat.id,
    dialogId: lookup.dialogId,
  };
}

function download(call: CallContext): unknown {
  const { emu, params, user, origin } = call;
  if (params.dialogId === undefined) throw missing('dialogId');
  const dialogId = dialogIdParam(params.dialogId);
  if (params.fileId === undefined) throw missing('fileId');
  const lookup = emu.portal.resolveDialog(user.id, dialogId ?? '', faultKeyOf(call));
  if (lookup.kind === 'denied') throw new RestError(400, 'ACCESS_DENIED', 'Access denied');
  const file = emu.portal.file(Number(paramText(params.fileId)));
  if (lookup.kind === 'not-found' || !file || file.chatId !== lookup.chat.id) {
    throw new RestError(400, 'FILE_NOT_FOUND', 'File not found');
  }
  return { downloadUrl: `${origin}/rest/download.json?token=${file.token}` };
}

/** Decodes strict Base64 into `path`, hashing as it goes; null when the content is invalid. */
async function decodeToFile(
  content: string | SpilledString,
  path: string,
): Promise<{ size: number; sha256: string } | null> {
  const decoder = createBase64Decoder();
  const hash = createHash('sha256');
  const fd = openSync(path, 'w');
  let size = 0;
  const sink = (bytes: Buffer | null): boolean => {
    if (bytes === null) return false;
    size += bytes.length;
    hash.update(bytes);
    // Past the limit the result is FILE_TOO_LARGE anyway; keep validating, stop writing.
    if (size <= MAX_FILE_BYTES && bytes.length > 0) writeSync(fd, bytes);
    return true;
  };
  try {
    if (content instanceof SpilledString) {
      for await (const chunk of createReadStream(content.path, { highWaterMark: CHUNK_CHARS })) {
        if (!sink(decoder.write(chunk as Buffer))) return null;
      }
    } else {
      for (let i = 0; i < content.length; i += CHUNK_CHARS) {
        if (!sink(decoder.write(content.slice(i, i + CHUNK_CHARS)))) return null;
      }
    }
    if (!sink(decoder.end())) return null;
  } finally {
    closeSync(fd);
  }
  // Content that decodes to nothing is invalid too (portal reference §4.3).
  if (size === 0) return null;
  return { size, sha256: hash.digest('hex') };
}
