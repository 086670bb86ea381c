import { policyFor } from '../core/errorPolicy.ts';
import type { UploadItem } from '../core/types.ts';
import type { Translator } from '../i18n/createTranslator.ts';

/** What the UI shows for a failed item, decided by core's policy table. */
export interface FailureView {
  /** Localized reason; never the server's raw description. */
  readonly reason: string;
  /** Localized hint for what helps (may be empty). */
  readonly hint: string;
  readonly code: string;
  readonly canRetry: boolean;
  /** The file may be in the chat already (timeouts, dropped connections, 5xx). */
  readonly unknown: boolean;
  /** What helps is picking the file (or another) again: the row offers the file picker. */
  readonly pickAgain: boolean;
}

/** The policy's view of an item's error, in the current language; undefined without an error. */
export function describeFailure(item: UploadItem, translator: Translator): FailureView | undefined {
  const error = item.error;
  if (!error) return undefined;
  const policy = policyFor(error);
  return {
    reason: translator.t(policy.messageKey),
    hint: translator.t(`next_${policy.nextStep}`),
    code: String(error.code),
    canRetry: policy.retry !== 'none',
    unknown: policy.outcome === 'unknown',
    pickAgain: policy.nextStep === 'pick-another',
  };
}
