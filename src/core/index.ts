/**
 * A convenience entry to the upload engine: the queue and what a consumer of it needs. It is not
 * the only door into core. core/ is a shared kernel (the engine, plus the domain types, ports,
 * error policy and install types that ui and bitrix both need, since ui may not import bitrix),
 * and those shared modules are imported directly by file. What lint enforces is the direction
 * (eslint.config.js: core and encode import nothing else in src; ui never imports bitrix).
 */
export {
  createUploadQueue,
  DEFAULT_CONCURRENCY,
  DEFAULT_PORT_DEADLINE_MS,
} from './createUploadQueue.ts';
export { defaultBackoff, decideAfterFailure, MAX_BACKOFF_MS } from './decideAfterFailure.ts';
export { ORDERED_MAX_BYTES } from './createOrderedLane.ts';
export { toLedgerEntry } from './toLedgerEntry.ts';
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
  WidgetCode,
  ErrorMessageKey,
  ErrorPolicy,
  NextStep,
  Outcome,
  RetryMode,
} from './errorPolicy.ts';
export type * from './types.ts';
export { PHASES } from './types.ts';
export type * from './ports.ts';
