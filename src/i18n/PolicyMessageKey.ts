import type { ErrorPolicy } from '../core/errorPolicy.ts';

/**
 * Every text core's error policy table can ask for: the reason (`messageKey`) and the hint for the
 * next step (`next_<nextStep>`). Derived from the table's own types, so a reason or step added to
 * core without a text in every language pack fails type-checking (see ./en.ts and ./Messages.ts).
 */
export type PolicyMessageKey = ErrorPolicy['messageKey'] | `next_${ErrorPolicy['nextStep']}`;
