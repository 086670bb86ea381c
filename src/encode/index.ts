/**
 * Public surface of src/encode: file → base64 Blob, off the main thread. The encoder itself
 * (`encodeBlobToBase64Blob.ts`) is not re-exported: the Worker imports it directly, and the page
 * loads it only where Workers are missing, so it stays out of the startup JS.
 */
export {
  createWorkerEncoder,
  type WorkerEncoder,
  type WorkerEncoderOptions,
} from './createWorkerEncoder.ts';
export { EncodeError, ENCODE_ERROR_CODES, type EncodeErrorCode } from './EncodeError.ts';
export type { EncodeStats } from './encodeBlobToBase64Blob.ts';
