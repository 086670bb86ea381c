import type { UploadError } from '../core/types.ts';

/**
 * Thrown by the non-upload calls of this folder (`findDelivery`, `PortalPort` methods) when the
 * portal could not be asked or refused: carries the mapped {@link UploadError}. Its message is the
 * error code only, never the server's text or anything from the request.
 */
export class BitrixCallError extends Error {
  readonly error: UploadError;

  constructor(error: UploadError) {
    super(`[chat-drop] ${error.code}`);
    this.name = 'BitrixCallError';
    this.error = error;
  }
}
