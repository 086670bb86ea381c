/**
 * The upload engine's public surface. Everything else in core/ is an implementation detail;
 * other folders import from here (types and ports may also be imported directly).
 */
export { createUploadQueue, DEFAULT_CONCURRENCY, defaultBackoff } from './createUploadQueue.ts';
export type {
  AddFilesOptions,
  ReadonlyQueueStore,
  UploadQueue,
  UploadQueueOptions,
} from './createUploadQueue.ts';
export type { QueueDrainedEvent, UploadEvents } from './UploadEvents.ts';
export { initialQueueState, isActivePhase, READ_SHARE, uploadReducer } from './uploadReducer.ts';
export type { Action, QueueState } from './uploadReducer.ts';
export { createStore } from './createStore.ts';
export type { Store } from './createStore.ts';
export { createEmitter } from './createEmitter.ts';
export type { Emitter } from './createEmitter.ts';
export { createLedger } from './createLedger.ts';
export type { Ledger, LedgerOptions } from './createLedger.ts';
export { MAX_FILE_BYTES, MAX_NAME_LENGTH, validateFile } from './validateFile.ts';
export { sanitizeFileName } from './sanitizeFileName.ts';
export {
  ERROR_CODES,
  ERROR_MESSAGE_KEYS,
  ERROR_POLICIES,
  HTTP_STATUS_POLICIES,
  isKnownErrorCode,
  isUnknownOutcome,
  NEXT_STEPS,
  OUTCOMES,
  policyFor,
  RETRY_MODES,
} from './errorPolicy.ts';
export type {
  ErrorCode,
  ErrorMessageKey,
  ErrorPolicy,
  NextStep,
  Outcome,
  RetryMode,
} from './errorPolicy.ts';
export type * from './types.ts';
export { PHASES } from './types.ts';
export type * from './ports.ts';
