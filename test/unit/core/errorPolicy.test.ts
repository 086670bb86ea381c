import { describe, expect, it } from 'vitest';
import {
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
} from '../../../src/core/errorPolicy.ts';
import type { UploadError } from '../../../src/core/types.ts';
// The lists come from the layers that emit the codes: core itself never imports bitrix/encode.
import { BITRIX_EMITTED_CODES, BITRIX_WIDGET_CODES } from '../../../src/bitrix/mapB24Error.ts';
import { ENCODE_ERROR_CODES } from '../../../src/encode/EncodeError.ts';

const server = (code: string, status = 400): UploadError => ({ code, origin: 'server', status });

describe('errorPolicy', () => {
  it('has a complete entry with a known message key for every code', () => {
    for (const code of ERROR_CODES) {
      const policy = ERROR_POLICIES[code];
      expect(ERROR_MESSAGE_KEYS).toContain(policy.messageKey);
      expect(RETRY_MODES).toContain(policy.retry);
      expect(OUTCOMES).toContain(policy.outcome);
      expect(NEXT_STEPS).toContain(policy.nextStep);
    }
    expect(Object.keys(ERROR_POLICIES).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('uses every message key for some code (no dead translations)', () => {
    const used = new Set([
      ...ERROR_CODES.map((code) => ERROR_POLICIES[code].messageKey),
      ...Object.values(HTTP_STATUS_POLICIES).map((policy) => policy.messageKey),
    ]);
    expect([...ERROR_MESSAGE_KEYS].filter((key) => !used.has(key))).toEqual([]);
  });

  it('covers every code the brief lists for im.v2.File.upload, the platform, the SDK and the widget', () => {
    const required = [
      'CHAT_NOT_FOUND',
      'ACCESS_DENIED',
      'FILE_EMPTY',
      'FILE_INVALID_CONTENT',
      'INVALID_CONTENT',
      'FILE_TOO_LARGE',
      'FOLDER_ERROR',
      'UPLOAD_FAILED',
      'SEND_FAILED',
      'FILE_FOLDER_ERROR',
      'FILE_UPLOAD_FAILED',
      'FILE_SEND_FAILED',
      'ERROR_METHOD_NOT_FOUND',
      'NO_AUTH_FOUND',
      'expired_token',
      'invalid_token',
      'insufficient_scope',
      'INVALID_CREDENTIALS',
      'user_access_error',
      'WRONG_AUTH_TYPE',
      'QUERY_LIMIT_EXCEEDED',
      'OPERATION_TIME_LIMIT',
      'OVERLOAD_LIMIT',
      'INVALID_REQUEST',
      'INTERNAL_SERVER_ERROR',
      'ERROR_CORE',
      'ERROR_ARGUMENT',
      '100',
      'PORTAL_DELETED',
      'NETWORK_ERROR',
      'REQUEST_TIMEOUT',
      'JSSDK_UNKNOWN_ERROR',
      'ERR_BAD_REQUEST',
      'ERROR_UNEXPECTED_ANSWER',
      'WIDGET_READ_FAILED',
      'WIDGET_NAME_INVALID',
      'WIDGET_STALLED',
      'WIDGET_NOT_IN_CHAT',
      'WIDGET_FOLDER_UNSUPPORTED',
      'WIDGET_NO_FILES',
      'WIDGET_UNKNOWN',
    ];
    expect([...ERROR_CODES]).toEqual(expect.arrayContaining(required));
  });

  it('never resends an unknown outcome automatically', () => {
    for (const code of ERROR_CODES) {
      const policy = ERROR_POLICIES[code];
      if (policy.outcome === 'unknown') {
        expect(policy.retry, code).not.toBe('auto-backoff');
        expect(policy.nextStep, code).toBe('check-chat');
      }
    }
  });

  it('resends automatically only refusals made before processing: rate limits and expired_token', () => {
    const auto = ERROR_CODES.filter((code) => ERROR_POLICIES[code].retry === 'auto-backoff');
    expect(auto.sort()).toEqual([
      'OPERATION_TIME_LIMIT',
      'QUERY_LIMIT_EXCEEDED',
      'WIDGET_MAINTENANCE',
      'expired_token',
    ]);
    for (const code of auto) expect(ERROR_POLICIES[code].outcome, code).toBe('failed');
    expect(policyFor(server('QUERY_LIMIT_EXCEEDED', 503))).toEqual(
      expect.objectContaining({ outcome: 'failed', nextStep: 'wait' }),
    );
  });

  it('waits out rate limits without a limit of patience, but resends expired_token a few times only', () => {
    expect(ERROR_POLICIES.QUERY_LIMIT_EXCEEDED.maxAutoRetries).toBeUndefined();
    expect(ERROR_POLICIES.OPERATION_TIME_LIMIT.maxAutoRetries).toBeUndefined();
    const cap = ERROR_POLICIES.expired_token.maxAutoRetries;
    expect(cap).toBeGreaterThanOrEqual(1);
    expect(cap).toBeLessThanOrEqual(5);
    expect(policyFor(server('expired_token', 401)).nextStep).toBe('reopen');
  });

  it("has an entry for every code the bitrix layer can emit besides the portal's own", () => {
    const missing = [...BITRIX_EMITTED_CODES, ...BITRIX_WIDGET_CODES, ...ENCODE_ERROR_CODES].filter(
      (code) => !isKnownErrorCode(code),
    );
    expect(missing).toEqual([]);
  });

  it.each([...BITRIX_WIDGET_CODES])(
    'has its own table entry for %s (not the fallback for unknown codes)',
    (code) => {
      expect(Object.hasOwn(ERROR_POLICIES, code)).toBe(true);
    },
  );

  it("treats a proxy's 4xx (WIDGET_HTTP_ERROR) as a refusal and its 5xx as an unknown outcome", () => {
    expect(policyFor(server('WIDGET_HTTP_ERROR', 414))).toEqual(
      expect.objectContaining({ outcome: 'failed', retry: 'offer' }),
    );
    expect(policyFor(server('WIDGET_HTTP_ERROR', 502))).toEqual(
      expect.objectContaining({ outcome: 'unknown', nextStep: 'check-chat' }),
    );
  });

  it("offers no retry for a proxy's 413 (a body limit refuses the same file again) and says the request was too large", () => {
    expect(policyFor(server('WIDGET_HTTP_ERROR', 413))).toEqual({
      messageKey: 'error_requestTooLarge',
      retry: 'none',
      outcome: 'failed',
      nextStep: 'pick-smaller',
    });
  });

  it('a misspelt widget code fails type-checking (at run time it would silently get the fallback policy)', () => {
    // @ts-expect-error 'WIDGET_CANCELED' is not a widget code (WIDGET_CANCELLED is).
    const misspelt: UploadError = { code: 'WIDGET_CANCELED', origin: 'client' };
    expect(policyFor(misspelt)).toEqual(policyFor({ code: 'NO_SUCH_CODE', origin: 'server' }));
    expect(policyFor(misspelt)).not.toEqual(ERROR_POLICIES.WIDGET_CANCELLED);
  });

  it('treats a failed token refresh as a refusal (the request needing it was refused)', () => {
    expect(
      policyFor({ code: 'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT', origin: 'transport', status: 408 }),
    ).toEqual(expect.objectContaining({ outcome: 'failed', nextStep: 'reopen' }));
  });

  it.each([
    'NETWORK_ERROR',
    'REQUEST_TIMEOUT',
    'INTERNAL_SERVER_ERROR',
    'WIDGET_STALLED',
    'JSSDK_UNKNOWN_ERROR',
    'WIDGET_UNEXPECTED_ANSWER',
    'WIDGET_INTERNAL',
    'WIDGET_CANCELLED',
  ])('treats %s as an unknown outcome (the file may be in the chat)', (code) => {
    expect(isUnknownOutcome({ code, origin: 'transport' })).toBe(true);
  });

  it('gives both spellings of a code the same policy', () => {
    expect(ERROR_POLICIES.INVALID_CONTENT).toEqual(ERROR_POLICIES.FILE_INVALID_CONTENT);
    expect(ERROR_POLICIES.FILE_FOLDER_ERROR).toEqual(ERROR_POLICIES.FOLDER_ERROR);
    expect(ERROR_POLICIES.FILE_UPLOAD_FAILED).toEqual(ERROR_POLICIES.UPLOAD_FAILED);
    expect(ERROR_POLICIES.FILE_SEND_FAILED).toEqual(ERROR_POLICIES.SEND_FAILED);
  });

  it('points oversize files to a smaller file and refused chats to another chat, with no retry', () => {
    expect(policyFor({ code: 'FILE_TOO_LARGE', origin: 'client' })).toEqual(
      expect.objectContaining({ retry: 'none', outcome: 'failed', nextStep: 'pick-smaller' }),
    );
    expect(policyFor(server('CHAT_NOT_FOUND'))).toEqual(
      expect.objectContaining({ retry: 'none', nextStep: 'pick-chat' }),
    );
    expect(policyFor(server('ACCESS_DENIED', 403)).nextStep).toBe('ask-admin');
  });

  it('maps an unknown code with a 5xx status to an unknown outcome', () => {
    expect(policyFor(server('SOMETHING_NEW', 502))).toEqual(
      expect.objectContaining({ outcome: 'unknown', retry: 'offer', nextStep: 'check-chat' }),
    );
  });

  it('maps an unknown code from the transport layer to an unknown outcome', () => {
    expect(isUnknownOutcome({ code: 'ERR_NETWORK', origin: 'transport', status: 0 })).toBe(true);
  });

  it('maps any other unknown code to a failure with a retry offered', () => {
    expect(policyFor(server('SOMETHING_NEW', 400))).toEqual({
      messageKey: 'error_unknown',
      retry: 'offer',
      outcome: 'failed',
      nextStep: 'retry',
    });
  });

  it('matches codes case-insensitively when the exact spelling is unknown', () => {
    expect(policyFor(server('EXPIRED_TOKEN', 401))).toEqual(ERROR_POLICIES.expired_token);
    expect(policyFor(server('query_limit_exceeded', 503)).retry).toBe('auto-backoff');
  });

  it('after a check found nothing, offers a retry but still tells the user to check the chat', () => {
    expect(
      policyFor({ code: 'NETWORK_ERROR', origin: 'transport', deliveryCheck: 'not-found' }),
    ).toEqual(
      expect.objectContaining({ outcome: 'failed', retry: 'offer', nextStep: 'check-chat' }),
    );
  });

  it('after a failed check, keeps the outcome unknown and points to the chat', () => {
    expect(
      policyFor({ code: 'NETWORK_ERROR', origin: 'transport', deliveryCheck: 'failed' }),
    ).toEqual(expect.objectContaining({ outcome: 'unknown', nextStep: 'check-chat' }));
  });
});
