import type { B24Frame } from '@bitrix24/b24jssdk';

/** Outcome of one upload as the bench records it. */
export interface PathOutcome {
  readonly ok: boolean;
  readonly errorCode: string | undefined;
  readonly errorStatus: number | undefined;
  readonly messageId: number | undefined;
}

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(file);
  });
}

/** Reads the code and status of whatever the SDK threw (AjaxError / SdkError / plain Error). */
export function describeThrown(error: unknown): PathOutcome {
  const shaped = error as { code?: unknown; status?: unknown; name?: unknown };
  return {
    ok: false,
    errorCode:
      typeof shaped.code === 'string' || typeof shaped.code === 'number'
        ? String(shaped.code)
        : String(shaped.name ?? 'Error'),
    errorStatus: typeof shaped.status === 'number' ? shaped.status : undefined,
    messageId: undefined,
  };
}

/**
 * The plain SDK path a developer writes first: `FileReader.readAsDataURL`, strip the `data:`
 * prefix, and pass the whole base64 string to `$b24.actions.v2.call.make` (the non-deprecated
 * form of `callMethod`, sdk-upload-facts.md "The call path").
 */
export async function uploadPlain(
  $b24: B24Frame,
  file: File,
  target: { dialogId: string; requestId: string },
): Promise<PathOutcome> {
  try {
    const dataUrl = await readAsDataUrl(file);
    const content = dataUrl.slice(dataUrl.indexOf(',') + 1);
    const response = await $b24.actions.v2.call.make<{ messageId: number }>({
      method: 'im.v2.File.upload',
      params: { dialogId: target.dialogId, fields: { name: file.name, content, message: '' } },
      requestId: target.requestId,
    });
    if (!response.isSuccess) {
      return {
        ok: false,
        errorCode: response.getErrorMessages().join('; ') || 'NOT_SUCCESS',
        errorStatus: undefined,
        messageId: undefined,
      };
    }
    return {
      ok: true,
      errorCode: undefined,
      errorStatus: undefined,
      messageId: response.getData()?.result.messageId,
    };
  } catch (error) {
    return describeThrown(error);
  }
}
