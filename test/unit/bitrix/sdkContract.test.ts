import { ApiVersion } from '@bitrix24/b24jssdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBitrixTransport } from '../../../src/bitrix/createBitrixTransport.ts';
import { PINNED_ADAPTERS } from '../../../src/bitrix/createUploadInterceptor.ts';
import { createUploadRequest } from '../../support/doubles/createUploadRequest.ts';
import { json, startFakePortal, TIME, type FakePortal } from './startFakePortal.ts';
import { fixedAuth, TestB24 } from './TestB24.ts';

/**
 * One test per assumption the upload path makes about `@bitrix24/b24jssdk` (the version pinned in
 * package.json), through the SDK's real HttpV2 + axios over real HTTP. After an SDK upgrade a
 * failure here names the assumption that broke (see README, "Upgrading the SDK").
 */
type Config = {
  url?: string;
  data?: unknown;
  adapter?: unknown;
};

let portal: FakePortal;
let token: { current: string; next?: () => string };

function sdk(): TestB24 {
  return new TestB24(fixedAuth(portal.origin, token));
}
function axiosOf(b24: TestB24) {
  return b24.getHttpClient(ApiVersion.v2).ajaxClient;
}
const ok = { result: { ID: '1' }, time: TIME };

beforeEach(async () => {
  portal = await startFakePortal();
  token = { current: 'token0', next: () => 'token1' };
});
afterEach(async () => {
  await portal.close();
});

describe('SDK contract of the upload path', () => {
  it('actions.v2.call.make sends through the public v2 ajaxClient (its interceptors run)', async () => {
    const b24 = sdk();
    const seen: string[] = [];
    axiosOf(b24).interceptors.request.use((config) => {
      seen.push(config.url ?? '');
      return config;
    });
    portal.handlers.push((_req, res) => json(res, 200, ok));
    await b24.actions.v2.call.make({ method: 'profile', params: {} });
    expect(seen).toHaveLength(1);
  });

  it('the SDK puts the caller’s requestId in the URL query of v2 calls as bx24_request_id', async () => {
    const b24 = sdk();
    portal.handlers.push((_req, res) => json(res, 200, ok));
    await b24.actions.v2.call.make({ method: 'im.v2.File.upload', params: {}, requestId: 'rq-1' });
    const url = new URL(portal.received[0]!.url, portal.origin);
    expect(url.pathname).toBe('/rest/im.v2.File.upload');
    expect(url.searchParams.get('bx24_request_id')).toBe('rq-1');
  });

  it('at interceptor time config.data is the params object with auth merged, not yet serialized', async () => {
    const b24 = sdk();
    let data: unknown;
    axiosOf(b24).interceptors.request.use((config) => {
      data = config.data;
      return config;
    });
    portal.handlers.push((_req, res) => json(res, 200, ok));
    await b24.actions.v2.call.make({ method: 'profile', params: { fields: { content: 'P' } } });
    expect(data).toEqual({ fields: { content: 'P' }, auth: 'token0' });
  });

  it('nothing after the request interceptors rewrites a Blob body: the portal gets its bytes', async () => {
    const b24 = sdk();
    axiosOf(b24).interceptors.request.use((config) => {
      config.data = new Blob(['{"exact":"bytes"}'], { type: 'application/json' });
      return config;
    });
    portal.handlers.push((_req, res) => json(res, 200, ok));
    await b24.actions.v2.call.make({ method: 'profile', params: {} });
    expect(portal.received[0]!.body.toString()).toBe('{"exact":"bytes"}');
  });

  it('the SDK replays a request refused with expired_token through axios again (interceptors run twice)', async () => {
    const b24 = sdk();
    let runs = 0;
    axiosOf(b24).interceptors.request.use((config) => {
      runs += 1;
      return config;
    });
    portal.handlers.push(
      (_req, res) => json(res, 401, { error: 'expired_token', error_description: 'expired' }),
      (_req, res) => json(res, 200, ok),
    );
    const answer = await b24.actions.v2.call.make({ method: 'profile', params: {} });
    expect(answer.isSuccess).toBe(true);
    expect(runs).toBe(2);
    expect(portal.received).toHaveLength(2);
  });

  it('with the single-attempt restrictions the SDK sends a failed request once (no resend of its own)', async () => {
    const b24 = sdk();
    portal.handlers.push((_req, res) => json(res, 502, { error: 'BAD_GATEWAY' }));
    await expect(b24.actions.v2.call.make({ method: 'profile', params: {} })).rejects.toThrow();
    expect(portal.received).toHaveLength(1);
  });

  it('an aborted signal set by a request interceptor stops axios before anything is sent', async () => {
    const b24 = sdk();
    axiosOf(b24).interceptors.request.use((config) => {
      config.signal = AbortSignal.abort();
      return config;
    });
    await expect(b24.actions.v2.call.make({ method: 'profile', params: {} })).rejects.toThrow();
    expect(portal.received).toHaveLength(0);
  });

  it('the transport pins the XHR adapter on uploads (never axios’ fetch adapter), http only where XHR is absent', async () => {
    const b24 = sdk();
    let adapter: unknown;
    // Registered first, so it runs after the transport's interceptor (axios runs them in reverse).
    axiosOf(b24).interceptors.request.use((config: Config) => {
      adapter = config.adapter;
      return config as never;
    });
    const transport = createBitrixTransport(b24);
    const outcome = await transport.upload(createUploadRequest({ requestId: 'rq-adapter' }));
    expect(outcome.ok).toBe(true);
    expect(adapter).toEqual([...PINNED_ADAPTERS]);
    expect(PINNED_ADAPTERS[0]).toBe('xhr');
    expect(PINNED_ADAPTERS).not.toContain('fetch');
    transport.dispose();
  });

  it('fails closed when the SDK stops carrying the request id in the URL: nothing leaves, WIDGET_INTERNAL, never the placeholder', async () => {
    const b24 = sdk();
    const transport = createBitrixTransport(b24);
    // Registered after the transport's, so it runs before it: the SDK "moved" the id elsewhere.
    axiosOf(b24).interceptors.request.use((config) => {
      config.url = (config.url ?? '').replace(/bx24_request_id=[^&]*&?/, '');
      return config;
    });
    const outcome = await transport.upload(createUploadRequest({ requestId: 'rq-moved' }));
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'WIDGET_INTERNAL', origin: 'client' },
    });
    expect(portal.received).toHaveLength(0);
    transport.dispose();
  });
});
