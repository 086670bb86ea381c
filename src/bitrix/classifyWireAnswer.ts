import type { UploadError } from '../core/types.ts';
import type { WireAnswer } from './createUploadInterceptor.ts';

/**
 * What an upload's answer means when it was not the portal's JSON: a `text/html` page comes from a
 * proxy, a maintenance switch or a login (SSO) page in front of PHP, never from the REST server
 * (rest_util.php answers JSON). Returns undefined for any other answer (left to mapB24Error).
 * - 200 HTML (a login page): the method never ran → `WIDGET_HTML_ANSWER`, a refusal, retryable.
 * - 503 HTML (a maintenance page): → `WIDGET_MAINTENANCE`, wait and resume (SDK 2.2.0 reads every
 *   503 as QUERY_LIMIT_EXCEEDED, which would tell the user "rate limit").
 * - 413 (any body): a body-size limit in front of PHP refused it → `WIDGET_HTTP_ERROR` 413.
 * - other HTML statuses: `WIDGET_HTTP_ERROR` with the status (policyFor: 4xx refusal, 5xx unknown).
 */
export function classifyWireAnswer(answer: WireAnswer | undefined): UploadError | undefined {
  if (!answer) return undefined;
  const { status, contentType } = answer;
  const html = contentType === 'text/html' || contentType === 'application/xhtml+xml';
  const detail = `HTTP ${status} ${contentType || 'without a content type'}`;
  if (status === 413) return { code: 'WIDGET_HTTP_ERROR', origin: 'server', status, detail };
  if (!html) return undefined;
  if (status >= 200 && status < 300)
    return { code: 'WIDGET_HTML_ANSWER', origin: 'server', status, detail };
  if (status === 503) return { code: 'WIDGET_MAINTENANCE', origin: 'server', status, detail };
  return { code: 'WIDGET_HTTP_ERROR', origin: 'server', status, detail };
}
