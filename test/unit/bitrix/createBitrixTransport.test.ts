import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { ApiVersion, type AuthActions, type AuthData } from '@bitrix24/b24jssdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBitrixTransport } from '../../../src/bitrix/createBitrixTransport.ts';
import type { UploadRequest } from '../../../src/core/ports.ts';
import { createUploadRequest } from '../../support/doubles/createUploadRequest.ts';
import {
  json,
  startFakePortal,
  TIME,
  uploadOk,
  type FakePortal,
  type Handler,
  type Received,
} from './startFakePortal.ts';
import { fixedAuth, TestB24 } from './TestB24.ts';

/**
 * The real SDK REST client (HttpV2 + axios, Node http adapter) against a local HTTP server that
 * plays the portal (startFakePortal.ts). Only the parent frame (postMessage, which cannot run in
 * Node) is replaced: `refreshAuth` hands out a new token as the portal's parent page would.
 */
let portal: FakePortal;
let origin: string;
let received: Received[];
let handlers: Handler[];
let token: string;
let refreshes: number;

/**
 * A portal that reads the whole body and never answers; resolves when the client closes the
 * connection (Node's http client buffers the whole body at once, so "mid-upload" cannot be
 * staged here; Chromium's XHR progress follows the network, see test/e2e).
 */
function neverAnswer(): Promise<string> {
  return new Promise((resolve) => {
    portal.fallback = (_request: Received, response: ServerResponse) => {
      response.on('close', () => resolve('closed by the client'));
    };
  });
}

/** The test's parent frame: its token, and a refresh that hands out the next one and counts. */
function createAuth(): AuthActions {
  const tokens = {
    get current() {
      return token;
    },
    set current(value: string) {
      token = value;
    },
    next: () => `token${++refreshes}`,
  };
  return fixedAuth(origin, tokens);
}

function request(overrides: Partial<UploadRequest> & { content: Blob }): UploadRequest {
  return createUploadRequest(overrides);
}

beforeEach(async () => {
  token = 'token0';
  refreshes = 0;
  portal = await startFakePortal();
  origin = portal.origin;
  received = portal.received;
  handlers = portal.handlers;
});

afterEach(async () => {
  await portal.close();
});

describe('createBitrixTransport.upload', () => {
  it('sends the body byte-identical to JSON.stringify of the real params and returns the receipt', async () => {
    const b24 = new TestB24(createAuth());
    const transport = createBitrixTransport(b24);
    const base64 = randomBytes(300_000).toString('base64');
    const name = 'Отчёт "Q3" 🎉.pdf';
    const message = 'Here — «it» is';
    const progress: [number, number | undefined][] = [];
    const outcome = await transport.upload(
      request({
        name,
        message,
        content: new Blob([base64]),
        onProgress: (sent, total) => progress.push([sent, total]),
      }),
    );
    expect(outcome).toEqual({
      ok: true,
      // storedName: the name the portal answered with (result.file.name).
      receipt: { fileId: 77, messageId: 501, chatId: 5, dialogId: 'chat5', storedName: 'a.txt' },
    });
    expect(received).toHaveLength(1);
    const expected = JSON.stringify({
      dialogId: 'chat5',
      fields: { name, content: base64, message },
      auth: 'token0',
    });
    expect(received[0]!.body.equals(Buffer.from(expected, 'utf8'))).toBe(true);
    expect(received[0]!.url).toMatch(/^\/rest\/im\.v2\.File\.upload\?bx24_request_id=req-/);
    const last = progress.at(-1);
    expect(last?.[1]).toBe(Buffer.byteLength(expected));
    expect(last?.[0]).toBe(last?.[1]);
    transport.dispose();
  });

  it('leaves requests that are not registered uploads untouched', async () => {
    const b24 = new TestB24(createAuth());
    const transport = createBitrixTransport(b24);
    handlers.push((_req, res) => json(res, 200, { result: { ID: '1' }, time: TIME }));
    await b24.actions.v2.call.make({ method: 'profile', params: { x: 'chatdrop_y' } });
    expect(received[0]!.body.toString()).toBe(JSON.stringify({ x: 'chatdrop_y', auth: 'token0' }));
    transport.dispose();
  });

  it('replays an expired_token refusal with a fresh token and the file again, never the placeholder', async () => {
    const b24 = new TestB24(createAuth());
    const transport = createBitrixTransport(b24);
    handlers.push((_req, res) =>
      json(res, 401, {
        error: 'expired_token',
        error_description: 'The access token provided has expired',
      }),
    );
    const base64 = randomBytes(3000).toString('base64');
    const outcome = await transport.upload(request({ content: new Blob([base64]) }));
    expect(outcome.ok).toBe(true);
    expect(refreshes).toBe(1);
    expect(received).toHaveLength(2);
    const second = JSON.parse(received[1]!.body.toString()) as {
      auth: string;
      fields: { content: string };
    };
    expect(second.fields.content).toBe(base64);
    expect(second.auth).toBe('token1');
    transport.dispose();
  });

  it.each([
    [503, 'QUERY_LIMIT_EXCEEDED'],
    [500, 'INTERNAL_SERVER_ERROR'],
    [502, 'SOME_GATEWAY_ERROR'],
    [429, 'OPERATION_TIME_LIMIT'],
  ])(
    'does not let the SDK resend after a %i %s: one request, the code comes back',
    async (status, code) => {
      const b24 = new TestB24(createAuth());
      const transport = createBitrixTransport(b24);
      handlers.push((_req, res) => json(res, status, { error: code, error_description: 'x' }));
      const outcome = await transport.upload(request({ content: new Blob(['QUJD']) }));
      expect(outcome).toEqual({
        ok: false,
        error: { code, origin: 'server', status, detail: 'x' },
      });
      expect(received).toHaveLength(1);
      transport.dispose();
    },
  );

  it('reports a dropped connection as NETWORK_ERROR after a single attempt', async () => {
    const b24 = new TestB24(createAuth());
    const transport = createBitrixTransport(b24);
    handlers.push((req, res) => res.socket?.destroy());
    const outcome = await transport.upload(request({ content: new Blob(['QUJD']) }));
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'NETWORK_ERROR', origin: 'transport' },
    });
    expect(received).toHaveLength(1);
    transport.dispose();
  });

  it('aborts a request that gets no answer and reports WIDGET_STALLED', async () => {
    const b24 = new TestB24(createAuth());
    const transport = createBitrixTransport(b24, { stallTimeoutMs: 200, responseTimeoutMs: 200 });
    handlers.push(() => {
      /* never answers */
    });
    const outcome = await transport.upload(request({ content: new Blob(['QUJD']) }));
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'WIDGET_STALLED', origin: 'transport' },
    });
    transport.dispose();
  });

  it('ends WIDGET_STALLED after stallTimeoutMs when the SDK never sends the request (no deadline waits for the first progress)', async () => {
    // The token looks fresh to the transport, then the SDK finds it expired and its refresh through
    // the parent frame never answers: the request is held before the interceptor.
    const auth = createAuth();
    let asked = 0;
    const b24 = new TestB24({
      ...auth,
      getAuthData: () => (++asked === 1 ? auth.getAuthData() : false),
      refreshAuth: () => new Promise<AuthData>(() => {}),
    });
    const transport = createBitrixTransport(b24, { stallTimeoutMs: 200 });
    const outcome = await Promise.race([
      transport.upload(request({ content: new Blob(['QUJD']) })),
      new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 3_000)),
    ]);
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'WIDGET_STALLED',
        origin: 'transport',
        detail: expect.stringContaining('request not started') as unknown,
      },
    });
    expect(received).toHaveLength(0);
    transport.dispose();
  });

  it("ends with WIDGET_CANCELLED as soon as the caller's signal aborts", async () => {
    const b24 = new TestB24(createAuth());
    const transport = createBitrixTransport(b24);
    handlers.push(() => {
      /* never answers */
    });
    const controller = new AbortController();
    const pending = transport.upload(
      request({ content: new Blob(['QUJD']), signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 100);
    expect(await pending).toEqual({
      ok: false,
      error: { code: 'WIDGET_CANCELLED', origin: 'client' },
    });
    transport.dispose();
  });

  it('aborts the HTTP request for real when the caller cancels: the portal sees the connection close', async () => {
    const b24 = new TestB24(createAuth());
    const transport = createBitrixTransport(b24);
    const portal = neverAnswer();
    const controller = new AbortController();
    const pending = transport.upload(
      request({
        content: new Blob([randomBytes(300_000).toString('base64')]),
        signal: controller.signal,
        onProgress: (sent, total) => {
          if (sent === total) setTimeout(() => controller.abort(), 50);
        },
      }),
    );
    expect(await pending).toEqual({
      ok: false,
      error: { code: 'WIDGET_CANCELLED', origin: 'client' },
    });
    expect(await portal).toBe('closed by the client');
    transport.dispose();
  });

  it('gives up on an answer after responseTimeoutMs as WIDGET_STALLED, closing the connection', async () => {
    const b24 = new TestB24(createAuth());
    const transport = createBitrixTransport(b24, { responseTimeoutMs: 300 });
    const portal = neverAnswer();
    const outcome = await transport.upload(request({ content: new Blob(['QUJD']) }));
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'WIDGET_STALLED',
        origin: 'transport',
        detail: expect.stringContaining('no answer after the upload'),
      },
    });
    expect(await portal).toBe('closed by the client');
    transport.dispose();
  });

  it('reports upload progress that never goes backwards and ends at the body size', async () => {
    const b24 = new TestB24(createAuth());
    const transport = createBitrixTransport(b24);
    const content = new Blob([randomBytes(3 * 1024 * 1024).toString('base64')]);
    const progress: [number, number | undefined][] = [];
    const outcome = await transport.upload(
      request({ content, onProgress: (sent, total) => progress.push([sent, total]) }),
    );
    expect(outcome.ok).toBe(true);
    const total = received[0]!.body.length;
    expect(progress.length).toBeGreaterThan(1);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
    }
    for (const [sent, size] of progress) {
      expect(size).toBe(total);
      expect(sent).toBeLessThanOrEqual(total);
    }
    expect(progress.at(-1)![0]).toBe(total);
    transport.dispose();
  });

  it("replaces the SDK's total request timeout for uploads (a slow answer is not cut off)", async () => {
    const b24 = new TestB24(createAuth());
    // The SDK's instance has a 30 s total timeout; shorten it so the test is quick.
    b24.getHttpClient(ApiVersion.v2).ajaxClient.defaults.timeout = 150;
    const transport = createBitrixTransport(b24);
    handlers.push((req, res) => setTimeout(() => uploadOk(req, res), 500));
    const outcome = await transport.upload(request({ content: new Blob(['QUJD']) }));
    expect(outcome.ok).toBe(true);
    // Other calls keep the SDK's timeout.
    handlers.push((_req, res) => setTimeout(() => json(res, 200, { result: {}, time: TIME }), 500));
    await expect(b24.actions.v2.call.make({ method: 'profile', params: {} })).rejects.toMatchObject(
      {
        code: 'REQUEST_TIMEOUT',
      },
    );
    transport.dispose();
  });

  it('maps a 200 answer without the promised fields to WIDGET_UNEXPECTED_ANSWER', async () => {
    const b24 = new TestB24(createAuth());
    const transport = createBitrixTransport(b24);
    handlers.push((_req, res) => json(res, 200, { result: true, time: TIME }));
    const outcome = await transport.upload(request({ content: new Blob(['QUJD']) }));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'WIDGET_UNEXPECTED_ANSWER' } });
    transport.dispose();
  });
});
