/** Public surface of src/encode: file → base64 Blob, off the main thread. */
export {
  createWorkerEncoder,
  type WorkerEncoder,
  type WorkerEncoderOptions,
} from './createWorkerEncoder.ts';
export { EncodeError, ENCODE_ERROR_CODES, type EncodeErrorCode } from './EncodeError.ts';
export {
  encodeBlobToBase64Blob,
  DEFAULT_CHUNK_SIZE,
  type EncodeStats,
} from './encodeBlobToBase64Blob.ts';
export { encodeBase64Into, base64Length } from './encodeBase64Into.ts';
