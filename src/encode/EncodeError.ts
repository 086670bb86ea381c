/** Codes an encode can fail with; the engine maps them through its policy table. */
export const ENCODE_ERROR_CODES = ['WIDGET_READ_FAILED', 'WIDGET_ENCODE_FAILED'] as const;
export type EncodeErrorCode = (typeof ENCODE_ERROR_CODES)[number];

/**
 * An expected encode failure. `WIDGET_READ_FAILED`: the browser could not read the file (it was
 * moved, deleted or changed on disk after it was picked: `NotReadableError` / `NotFoundError`).
 * `WIDGET_ENCODE_FAILED`: the Worker itself could not run. Cancellation is not an EncodeError: it
 * rejects with a `DOMException` named `AbortError`, like `fetch`.
 */
export class EncodeError extends Error {
  readonly code: EncodeErrorCode;
  /** The browser's own message, for logs only (never shown to users). */
  readonly detail: string | undefined;

  constructor(code: EncodeErrorCode, detail?: string) {
    super(code);
    this.name = 'EncodeError';
    this.code = code;
    this.detail = detail;
  }
}
