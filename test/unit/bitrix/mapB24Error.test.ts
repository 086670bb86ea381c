import { AjaxError, AjaxResult, SdkError } from '@bitrix24/b24jssdk';
import { AxiosError, AxiosHeaders, type InternalAxiosRequestConfig } from 'axios';
import { describe, expect, it } from 'vitest';
import { mapB24Error } from '../../../src/bitrix/mapB24Error.ts';

const TOKEN = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0aabbcc';

function axiosError(code: string, status?: number, data?: unknown): AxiosError {
  const config = { headers: new AxiosHeaders() } as InternalAxiosRequestConfig;
  const response =
    status === undefined
      ? undefined
      : { status, statusText: '', headers: {}, config, data: data ?? '' };
  return new AxiosError('Request failed', code, config, undefined, response);
}

function ajaxError(
  code: string,
  status: number,
  description?: string,
  originalError?: unknown,
): AjaxError {
  return new AjaxError({
    code,
    description: description ?? '',
    status,
    requestInfo: {
      method: 'im.v2.File.upload',
      params: { fields: { content: 'QUJD' } },
      requestId: 'r1',
    },
    originalError: originalError ?? null,
  });
}

describe('mapB24Error', () => {
  it.each([
    ['FILE_TOO_LARGE', 400],
    ['FILE_INVALID_CONTENT', 400],
    ['INVALID_CONTENT', 400],
    ['CHAT_NOT_FOUND', 400],
    ['ACCESS_DENIED', 403],
    ['expired_token', 401],
    ['QUERY_LIMIT_EXCEEDED', 503],
    ['INTERNAL_SERVER_ERROR', 500],
    ['OPERATION_TIME_LIMIT', 429],
  ])('keeps the Bitrix code %s verbatim with its status, as a server error', (code, status) => {
    expect(mapB24Error(ajaxError(code, status, 'Portal says no'))).toEqual({
      code,
      origin: 'server',
      status,
      detail: 'Portal says no',
    });
  });

  it('maps the SDK network failure to NETWORK_ERROR from the transport', () => {
    expect(mapB24Error(ajaxError('NETWORK_ERROR', 0, 'Network connection failed'))).toEqual({
      code: 'NETWORK_ERROR',
      origin: 'transport',
      detail: 'Network connection failed',
    });
  });

  it('maps the SDK timeout to REQUEST_TIMEOUT from the transport with status 408', () => {
    expect(
      mapB24Error(ajaxError('REQUEST_TIMEOUT', 408, 'Request timeout exceeded')),
    ).toMatchObject({
      code: 'REQUEST_TIMEOUT',
      origin: 'transport',
      status: 408,
    });
  });

  it('recovers a numeric engine code (100) that the SDK cannot read', () => {
    const original = axiosError('ERR_BAD_REQUEST', 400, {
      error: 100,
      error_description: 'Could not find value for parameter {fields}',
    });
    expect(mapB24Error(ajaxError('ERR_BAD_REQUEST', 400, 'Request failed', original))).toEqual({
      code: '100',
      origin: 'server',
      status: 400,
      detail: 'Could not find value for parameter {fields}',
    });
  });

  it('maps an HTTP error without a Bitrix body to WIDGET_HTTP_ERROR with the status', () => {
    const original = axiosError('ERR_BAD_REQUEST', 413, '<html>Request Entity Too Large</html>');
    expect(
      mapB24Error(ajaxError('ERR_BAD_REQUEST', 413, 'Request failed', original)),
    ).toMatchObject({
      code: 'WIDGET_HTTP_ERROR',
      origin: 'server',
      status: 413,
    });
  });

  it('maps an axios cancel (the caller aborted) to WIDGET_CANCELLED', () => {
    expect(mapB24Error(ajaxError('ERR_CANCELED', 0, 'canceled'))).toEqual({
      code: 'WIDGET_CANCELLED',
      origin: 'client',
    });
    expect(mapB24Error(new DOMException('Aborted', 'AbortError'))).toEqual({
      code: 'WIDGET_CANCELLED',
      origin: 'client',
    });
  });

  it('keeps JSSDK codes verbatim as transport errors (the SDK’s, not the widget’s codes), with their status', () => {
    const error = new SdkError({
      code: 'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT',
      description: 'no answer',
      status: 408,
    });
    expect(mapB24Error(error)).toEqual({
      code: 'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT',
      origin: 'transport',
      status: 408,
      detail: 'no answer',
    });
  });

  it('unwraps the SDK code that JSSDK_UNKNOWN_ERROR wraps (a failed token refresh)', () => {
    const refresh = new SdkError({
      code: 'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT',
      description: 'refreshAuth: the parent window did not answer',
      status: 408,
    });
    // What abstract-http.ts `_convertUnknownErrorToAjaxError` makes of it.
    const wrapped = ajaxError('JSSDK_UNKNOWN_ERROR', 0, refresh.message, refresh);
    expect(mapB24Error(wrapped)).toMatchObject({
      code: 'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT',
      origin: 'transport',
      status: 408,
    });
    expect(mapB24Error(ajaxError('JSSDK_UNKNOWN_ERROR', 0, 'boom', new Error('boom')))).toEqual({
      code: 'JSSDK_UNKNOWN_ERROR',
      origin: 'transport',
      detail: 'boom',
    });
  });

  it('maps a failed AjaxResult (200 with an error field) through its first error', () => {
    const result = new AjaxResult({
      answer: {
        error: 'FILE_EMPTY',
        error_description: 'File name and content are required',
      } as never,
      query: { method: 'im.v2.File.upload', params: {}, requestId: 'r1' },
      status: 200,
    });
    expect(mapB24Error(result)).toMatchObject({
      code: 'FILE_EMPTY',
      origin: 'server',
      detail: 'File name and content are required',
    });
  });

  it('maps a bare axios network error and a bare axios error with a Bitrix body', () => {
    expect(mapB24Error(axiosError('ERR_NETWORK'))).toMatchObject({
      code: 'NETWORK_ERROR',
      origin: 'transport',
    });
    expect(
      mapB24Error(
        axiosError('ERR_BAD_REQUEST', 403, {
          error: 'ACCESS_DENIED',
          error_description: 'Access denied',
        }),
      ),
    ).toEqual({ code: 'ACCESS_DENIED', origin: 'server', status: 403, detail: 'Access denied' });
  });

  it('maps anything else to WIDGET_INTERNAL without throwing', () => {
    expect(mapB24Error(new TypeError('x is undefined'))).toEqual({
      code: 'WIDGET_INTERNAL',
      origin: 'client',
      detail: 'TypeError: x is undefined',
    });
    expect(mapB24Error(undefined)).toMatchObject({ code: 'WIDGET_INTERNAL' });
    expect(mapB24Error('boom')).toMatchObject({ code: 'WIDGET_INTERNAL' });
  });

  it('never lets a token, a credential pair or a webhook secret into detail', () => {
    const texts = [
      `The access token ${TOKEN} has expired`,
      `https://portal.test/rest/1/${'s3cr3tw3bh00k'}/im.v2.File.upload?auth=${TOKEN}`,
      `{"auth":"${TOKEN}","refresh_token":"abc"}`,
    ];
    for (const text of texts) {
      const detail = mapB24Error(ajaxError('ERROR_CORE', 400, text)).detail ?? '';
      expect(detail).not.toContain(TOKEN);
      expect(detail).not.toContain('s3cr3tw3bh00k');
      expect(detail).not.toContain('"abc"');
    }
  });

  it('never copies the request params (the file content) into detail', () => {
    const mapped = mapB24Error(ajaxError('FILE_TOO_LARGE', 400, 'File is too large'));
    expect(JSON.stringify(mapped)).not.toContain('QUJD');
  });
});
