import { sanitizeFileName } from './sanitizeFileName.ts';
import type { UploadError, UploadItem } from './types.ts';
import { initialProgress } from './uploadReducer.ts';
import { validateFile } from './validateFile.ts';

/** Where files go and which text goes with them. */
export interface AddFilesOptions {
  readonly dialogId: string;
  /**
   * A string is the batch's text: it goes with the first accepted file only, because the portal
   * posts one message per file and the same text on every file would repeat it in the chat.
   * A function decides per file (`index` = position in `files`).
   */
  readonly message?: string | ((file: File, index: number) => string | undefined);
}

/**
 * The queue rows for dropped `files`, in order: `queued`, or `failed` with the reason when a
 * check before reading refuses the file (no chat, too large, empty, bad name; see
 * validateFile.ts). Pure apart from `newId`: nothing is read, nothing is dispatched.
 *
 * @example
 * const items = createItems(files, { dialogId: 'chat5', message: 'Minutes' }, Date.now(), randomId);
 */
export function createItems(
  files: readonly File[],
  options: AddFilesOptions,
  at: number,
  newId: () => string,
): UploadItem[] {
  const dialogId = options.dialogId.trim();
  const { message } = options;
  const batchText = typeof message === 'string' && message.trim() !== '' ? message : undefined;
  let textUsed = false;
  return files.map((file, index): UploadItem => {
    const name = sanitizeFileName(file.name);
    const error: UploadError | undefined =
      dialogId === ''
        ? { code: 'WIDGET_NOT_IN_CHAT', origin: 'client' }
        : validateFile({ name, size: file.size });
    let text: string | undefined;
    if (!error && typeof message === 'function') text = message(file, index);
    else if (!error && batchText !== undefined && !textUsed) {
      text = batchText;
      textUsed = true;
    }
    return {
      id: newId(),
      name,
      size: file.size,
      mimeType: file.type,
      lastModified: file.lastModified,
      dialogId,
      message: text,
      phase: error ? 'failed' : 'queued',
      progress: initialProgress(file.size),
      error,
      receipt: undefined,
      attempts: 0,
      addedAt: at,
      phaseStartedAt: at,
    };
  });
}
