import { type AuthActions, type AuthData } from '@bitrix24/b24jssdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBitrixTransport } from '../../../src/bitrix/createBitrixTransport.ts';
import { policyFor } from '../../../src/core/errorPolicy.ts';
import type { ErrorPolicy } from '../../../src/core/errorPolicy.ts';
import type { UploadError } from '../../../src/core/types.ts';
import { createUploadRequest } from '../../support/doubles/createUploadRequest.ts';
import {
  html,
  json,
  startFakePortal,
  TIME,
  type FakePortal,
  type Handler,
} from './startFakePortal.ts';
import { fixedAuth, TestB24 } from './TestB24.ts';

/**
 * How the transport reads answers that are not the portal's JSON (proxy and login pages), the
 * portal's own size limit, and the token's lifetime, through the real SDK over real HTTP.
 */
let portal: FakePortal;

beforeEach(async () => {
  portal = await startFakePortal();
});
afterEach(async () => {
  await portal.close();
});

const LOGIN_PAGE =
  '<!DOCTYPE html><html><head><title>Authorization</title></head><body><form>' +
  '<input name="USER_LOGIN"></form></body></html>';

/** The transport through the real SDK against the fake portal, with a token that never expires. */
function transportWithFixedToken(): ReturnType<typeof createBitrixTransport> {
  return createBitrixTransport(new TestB24(fixedAuth(portal.origin, { current: 't' })));
}

interface Refusal {
  /** The rule, the test's name. */
  readonly rule: string;
  /** What the portal (or a proxy in front of it) answers the upload. */
  readonly answer: Handler;
  readonly content?: Blob;
  readonly error: Partial<UploadError>;
  readonly policy: Partial<ErrorPolicy>;
  /** How many requests reached the portal, where the rule says. */
  readonly requests?: number;
}

/** One rule, five answers: each is a readable refusal (no TypeError) with its own policy. */
const REFUSALS: readonly Refusal[] = [
  {
    rule: 'a 200 text/html login page is never "delivered": WIDGET_HTML_ANSWER, a retryable refusal, no TypeError',
    answer: (_req, res) => html(res, 200, LOGIN_PAGE),
    error: { code: 'WIDGET_HTML_ANSWER', status: 200 },
    policy: { outcome: 'failed', retry: 'offer', messageKey: 'error_htmlAnswer' },
    requests: 1,
  },
  {
    rule: 'a 503 text/html maintenance page means wait and resume, not "rate limit"',
    answer: (_req, res) => html(res, 503, '<html><body>Maintenance</body></html>'),
    error: { code: 'WIDGET_MAINTENANCE', status: 503 },
    policy: { retry: 'auto-backoff', nextStep: 'wait', messageKey: 'error_maintenance' },
    requests: 1,
  },
  {
    rule: 'a 413 page from a proxy: no retry, the portal’s server refuses requests this large',
    answer: (_req, res) => html(res, 413, '<html><body>413</body></html>'),
    error: { code: 'WIDGET_HTTP_ERROR', status: 413 },
    policy: { outcome: 'failed', retry: 'none', messageKey: 'error_requestTooLarge' },
  },
  {
    rule: 'a 502 page readable to the page is an unknown outcome (the chat is checked)',
    answer: (_req, res) => html(res, 502, '<html><body>Bad Gateway</body></html>'),
    error: { code: 'WIDGET_HTTP_ERROR', status: 502 },
    policy: { outcome: 'unknown' },
  },
  {
    rule: 'the portal’s FILE_TOO_LARGE for a file under 100 MB says the portal’s limit is lower, no retry',
    answer: (_req, res) =>
      json(res, 400, { error: 'FILE_TOO_LARGE', error_description: 'File is too large' }),
    content: new Blob([Buffer.alloc(1024 * 1024).toString('base64')]),
    error: { code: 'WIDGET_PORTAL_FILE_LIMIT' },
    policy: { retry: 'none', messageKey: 'error_portalFileLimit' },
    requests: 1,
  },
];

describe('answers that are not the portal’s JSON', () => {
  for (const { rule, answer, content, error, policy, requests } of REFUSALS)
    it(rule, async () => {
      const transport = transportWithFixedToken();
      portal.handlers.push(answer);
      const outcome = await transport.upload(createUploadRequest(content ? { content } : {}));
      expect(outcome).toMatchObject({ ok: false, error });
      if (outcome.ok) return;
      expect(outcome.error.detail ?? '').not.toMatch(/TypeError/);
      expect(policyFor(outcome.error)).toMatchObject(policy);
      if (requests !== undefined) expect(portal.received).toHaveLength(requests);
      transport.dispose();
    });
});

describe('what goes to the portal', () => {
  it('sends dialogId as a JSON string, also for a numeric user id', async () => {
    const transport = transportWithFixedToken();
    await transport.upload(createUploadRequest({ dialogId: '5' }));
    expect(JSON.parse(portal.received[0]!.body.toString())).toMatchObject({ dialogId: '5' });
    transport.dispose();
  });

  it('releases the file on cancel: an upload the SDK sends later never leaves (fail closed)', async () => {
    let release: (() => void) | undefined;
    const auth = fixedAuth(portal.origin, { current: 't', next: () => 't2' });
    let asked = 0;
    let refreshed = false;
    // The transport sees a fresh token; the SDK then refreshes, which waits for the test.
    const held: AuthActions = {
      ...auth,
      getAuthData: () => (++asked === 1 || refreshed ? auth.getAuthData() : false),
      refreshAuth: () =>
        new Promise<AuthData>((resolve) => {
          release = () => {
            refreshed = true;
            void auth.refreshAuth().then(resolve);
          };
        }),
    };
    const b24 = new TestB24(held);
    let sdkSettled = false;
    const transport = createBitrixTransport(b24);
    const controller = new AbortController();
    const pending = transport.upload(createUploadRequest({ signal: controller.signal }));
    while (!release) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'WIDGET_CANCELLED' } });
    // Now the SDK goes on with the request: the interceptor must stop it.
    const later = b24.actions.v2.call.make({ method: 'profile', params: {} }).finally(() => {
      sdkSettled = true;
    });
    release();
    await later.catch(() => undefined);
    expect(sdkSettled).toBe(true);
    expect(portal.received.filter((r) => r.url.includes('im.v2.File.upload'))).toHaveLength(0);
    transport.dispose();
  });
});

describe('the token outlives the upload', () => {
  /**
   * A token `old` with `secondsLeft` to live; a refresh answers with `refresh()`. `refreshes()`
   * counts the refreshes asked for.
   */
  function expiringAuth(
    secondsLeft: number,
    refresh: () => Promise<AuthData>,
  ): { auth: AuthActions; refreshes: () => number } {
    const auth = fixedAuth(portal.origin, { current: 'old' });
    let current: AuthData = {
      ...(auth.getAuthData() as AuthData),
      access_token: 'old',
      expires: Date.now() / 1000 + secondsLeft,
    };
    let refreshes = 0;
    return {
      auth: {
        ...auth,
        getAuthData: () => current,
        refreshAuth: async () => {
          refreshes += 1;
          current = await refresh();
          return current;
        },
      },
      refreshes: () => refreshes,
    };
  }

  /** What the portal gives on refresh: the token `fresh`, valid for an hour. */
  function freshToken(): AuthData {
    return {
      access_token: 'fresh',
      refresh_token: 'r',
      expires: Date.now() / 1000 + 3600,
      expires_in: 3600,
      domain: portal.origin,
      member_id: 'm',
    };
  }

  it('refreshes first when the token would expire before the upload is likely done: one request, the new token', async () => {
    const { auth, refreshes } = expiringAuth(30, () => Promise.resolve(freshToken()));
    const transport = createBitrixTransport(new TestB24(auth), {
      assumedBytesPerSecond: 10_000,
      responseTimeoutMs: 1000,
    });
    // 1 MB at 10 kB/s ≈ 100 s > the 30 s left.
    const content = new Blob([Buffer.alloc(750_000).toString('base64')]);
    const outcome = await transport.upload(createUploadRequest({ content }));
    expect(outcome.ok).toBe(true);
    expect(refreshes()).toBe(1);
    expect(portal.received).toHaveLength(1);
    expect(JSON.parse(portal.received[0]!.body.toString())).toMatchObject({ auth: 'fresh' });
    transport.dispose();
  });

  it('plans with the uplink speed it measured: after a slow upload, a token that would not last is refreshed first', async () => {
    const { auth, refreshes } = expiringAuth(60, () => Promise.resolve(freshToken()));
    let clock = Date.now();
    const transport = createBitrixTransport(new TestB24(auth), {
      responseTimeoutMs: 1000,
      now: () => clock,
    });
    const content = new Blob([Buffer.alloc(750_000).toString('base64')]);
    // At the assumed 256 KiB/s, 1 MB fits in the 60 s left: no refresh. This body "takes" 100 s.
    const slow = await transport.upload(
      createUploadRequest({
        content,
        onProgress: (sent, total) => {
          if (sent === total) clock += 100_000;
        },
      }),
    );
    expect(slow.ok).toBe(true);
    expect(refreshes()).toBe(0);
    clock = Date.now();
    // Now ~10 kB/s is known: the same body needs ~100 s, more than the token has left.
    expect((await transport.upload(createUploadRequest({ content }))).ok).toBe(true);
    expect(refreshes()).toBe(1);
    expect(JSON.parse(portal.received[1]!.body.toString())).toMatchObject({ auth: 'fresh' });
    transport.dispose();
  });

  it('does not refresh when the token outlives the upload', async () => {
    const { auth, refreshes } = expiringAuth(3000, () => Promise.reject(new Error('not expected')));
    const transport = createBitrixTransport(new TestB24(auth));
    expect((await transport.upload(createUploadRequest())).ok).toBe(true);
    expect(refreshes()).toBe(0);
    transport.dispose();
  });

  it('a refreshAuth that never answers ends within the bounded time: "reopen", retryable, nothing sent, no loop', async () => {
    const { auth, refreshes } = expiringAuth(5, () => new Promise<AuthData>(() => {}));
    const transport = createBitrixTransport(new TestB24(auth), { refreshTimeoutMs: 300 });
    const started = Date.now();
    const outcome = await transport.upload(createUploadRequest());
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT' },
    });
    if (outcome.ok) return;
    expect(policyFor(outcome.error)).toMatchObject({
      outcome: 'failed',
      retry: 'offer',
      nextStep: 'reopen',
    });
    expect(refreshes()).toBe(1);
    expect(portal.received).toHaveLength(0);
    transport.dispose();
  });
});

describe('removing a proven own duplicate', () => {
  it('deletes a message with im.message.delete and its MESSAGE_ID', async () => {
    const transport = transportWithFixedToken();
    portal.handlers.push((_req, res) => json(res, 200, { result: true, time: TIME }));
    await transport.deleteMessage(4711);
    expect(portal.received[0]!.url).toMatch(/^\/rest\/im\.message\.delete\?/);
    expect(JSON.parse(portal.received[0]!.body.toString())).toMatchObject({ MESSAGE_ID: 4711 });
    transport.dispose();
  });

  it('throws when the portal refuses (CANT_EDIT_MESSAGE), so nothing is reported as removed', async () => {
    const transport = transportWithFixedToken();
    portal.handlers.push((_req, res) =>
      json(res, 400, {
        error: 'CANT_EDIT_MESSAGE',
        error_description: 'You do not have access to this message',
      }),
    );
    await expect(transport.deleteMessage(4712)).rejects.toMatchObject({
      name: 'BitrixCallError',
      error: { code: 'CANT_EDIT_MESSAGE' },
    });
    transport.dispose();
  });
});
