// The install flow's decisions (src/bitrix/installWithClient.ts) against a small in-memory portal
// that answers placement.get/bind/unbind and scope like portal reference §5.1. The SDK and the
// real portal run in test/e2e/install.test.ts; here the rarer answers are forced.
import { describe, expect, it } from 'vitest';
import type { InstallCallOutcome, InstallClient } from '../../../src/bitrix/createInstallClient.ts';
import { installHandlerUrl } from '../../../src/bitrix/installHandlerUrl.ts';
import { installPlacementParams } from '../../../src/bitrix/installPlacementParams.ts';
import type { InstallError, InstallStep } from '../../../src/core/installTypes.ts';
import { installWithClient } from '../../../src/bitrix/installWithClient.ts';
import { readInstallStateWithClient } from '../../../src/bitrix/readInstallState.ts';

const HANDLER = 'https://apps.example.com/chat-drop/';

interface Row {
  placement: string;
  handler: string;
  options: Record<string, unknown>;
}

interface FakePortalOptions {
  isAdmin?: boolean;
  isInstallMode?: boolean;
  scopes?: string[];
  rows?: Row[];
  /** Answers forced for a method, in order, before the normal behaviour. */
  failures?: Record<string, InstallError[]>;
}

function fakePortal(options: FakePortalOptions = {}) {
  const rows: Row[] = [...(options.rows ?? [])];
  const scopes = options.scopes ?? ['im', 'placement'];
  const calls: { method: string; params: Record<string, unknown> }[] = [];
  let finished = 0;
  const failures = options.failures ?? {};
  const client: InstallClient = {
    isAdmin: options.isAdmin ?? true,
    isInstallMode: options.isInstallMode ?? true,
    async call(method, params): Promise<InstallCallOutcome> {
      calls.push({ method, params: { ...params } });
      const forced = failures[method]?.shift();
      if (forced) return { ok: false, error: forced };
      if (method === 'scope') return { ok: true, result: scopes };
      if (method !== 'scope' && !scopes.includes('placement')) {
        return { ok: false, error: { code: 'insufficient_scope', origin: 'server', status: 401 } };
      }
      if (method === 'placement.get') return { ok: true, result: rows.map((r) => ({ ...r })) };
      const placement = String(params.PLACEMENT);
      if (method === 'placement.bind') {
        if (!scopes.includes('im')) {
          return {
            ok: false,
            error: { code: 'ERROR_PLACEMENT_NOT_FOUND', origin: 'server', status: 400 },
          };
        }
        rows.push({
          placement,
          handler: String(params.HANDLER),
          options: { ...(params.OPTIONS as Record<string, unknown>) },
        });
        return { ok: true, result: true };
      }
      if (method === 'placement.unbind') {
        const before = rows.length;
        for (let i = rows.length - 1; i >= 0; i--) {
          const row = rows[i];
          if (row?.placement === placement && row.handler === params.HANDLER) rows.splice(i, 1);
        }
        return { ok: true, result: { count: before - rows.length } };
      }
      throw new Error(`fake portal: unexpected ${method}`);
    },
    async finish() {
      finished += 1;
      return { ok: true, result: undefined };
    },
  };
  return { client, rows, calls, finished: () => finished };
}

const boundRow = (placement: 'IM_SIDEBAR' | 'IM_TEXTAREA', handler = HANDLER): Row => {
  const params = installPlacementParams(placement, handler);
  return { placement, handler, options: { ...params.OPTIONS } };
};

const writes = <T extends { method: string }>(calls: T[]): T[] =>
  calls.filter((c) => c.method === 'placement.bind' || c.method === 'placement.unbind');

describe('installWithClient', () => {
  it('binds both messenger placements to the handler and finishes once', async () => {
    const portal = fakePortal();
    const result = await installWithClient(portal.client, { handler: HANDLER, finish: true });
    expect(result.ok).toBe(true);
    expect(portal.rows.map((r) => [r.placement, r.handler])).toEqual([
      ['IM_SIDEBAR', HANDLER],
      ['IM_TEXTAREA', HANDLER],
    ]);
    expect(portal.finished()).toBe(1);
    expect(result.steps.map((s) => [s.id, s.state, s.outcome])).toEqual([
      ['check-admin', 'done', undefined],
      ['read-bindings', 'done', undefined],
      ['bind-IM_SIDEBAR', 'done', 'bound'],
      ['bind-IM_TEXTAREA', 'done', 'bound'],
      ['finish', 'done', undefined],
    ]);
  });

  it('changes nothing when both placements are already bound to this handler', async () => {
    const portal = fakePortal({ rows: [boundRow('IM_SIDEBAR'), boundRow('IM_TEXTAREA')] });
    const result = await installWithClient(portal.client, { handler: HANDLER, finish: true });
    expect(result.ok).toBe(true);
    expect(writes(portal.calls)).toEqual([]);
    expect(result.steps.filter((s) => s.id.startsWith('bind-')).map((s) => s.outcome)).toEqual([
      'unchanged',
      'unchanged',
    ]);
    expect(portal.finished()).toBe(1);
  });

  it('replaces a handler bound from an older address', async () => {
    const old = 'https://old.example.com/chat-drop/';
    const portal = fakePortal({ rows: [boundRow('IM_SIDEBAR', old)] });
    const result = await installWithClient(portal.client, { handler: HANDLER, finish: false });
    expect(result.ok).toBe(true);
    expect(writes(portal.calls).map((c) => c.method)).toEqual([
      'placement.unbind',
      'placement.bind',
      'placement.bind',
    ]);
    expect(portal.calls.find((c) => c.method === 'placement.unbind')?.params).toEqual({
      PLACEMENT: 'IM_SIDEBAR',
      HANDLER: old,
    });
    expect(portal.rows.map((r) => r.handler)).toEqual([HANDLER, HANDLER]);
    expect(result.steps.find((s) => s.id === 'bind-IM_SIDEBAR')?.outcome).toBe('replaced');
    expect(portal.finished()).toBe(0);
  });

  it('rebinds a placement whose stored options are outdated', async () => {
    const stale = { ...boundRow('IM_TEXTAREA'), options: { iconName: 'fa-upload' } };
    const portal = fakePortal({ rows: [boundRow('IM_SIDEBAR'), stale] });
    await installWithClient(portal.client, { handler: HANDLER, finish: false });
    expect(writes(portal.calls).map((c) => `${c.method} ${String(c.params.PLACEMENT)}`)).toEqual([
      'placement.unbind IM_TEXTAREA',
      'placement.bind IM_TEXTAREA',
    ]);
  });

  it('treats "Handler already binded" as success', async () => {
    const portal = fakePortal({
      failures: {
        'placement.bind': [
          {
            code: 'ERROR_CORE',
            origin: 'server',
            status: 400,
            detail: 'Unable to set placement handler: Handler already binded',
          },
        ],
      },
    });
    const result = await installWithClient(portal.client, { handler: HANDLER, finish: true });
    expect(result.ok).toBe(true);
    expect(portal.finished()).toBe(1);
  });

  it('stops before any request for a non-admin and explains ACCESS_DENIED', async () => {
    const portal = fakePortal({ isAdmin: false });
    const result = await installWithClient(portal.client, { handler: HANDLER, finish: true });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('ACCESS_DENIED');
    expect(portal.calls).toEqual([]);
    expect(portal.finished()).toBe(0);
  });

  it('names the missing scope "placement" on insufficient_scope and does not finish', async () => {
    const portal = fakePortal({ scopes: ['im'] });
    const steps: (readonly InstallStep[])[] = [];
    const result = await installWithClient(portal.client, {
      handler: HANDLER,
      finish: true,
      onProgress: (s) => steps.push(s),
    });
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({
      code: 'insufficient_scope',
      missingScopes: ['placement'],
    });
    expect(result.steps.find((s) => s.id === 'read-bindings')?.state).toBe('failed');
    expect(result.steps.find((s) => s.id === 'finish')?.state).toBe('pending');
    expect(portal.finished()).toBe(0);
    expect(steps.length).toBeGreaterThan(2);
  });

  it('names the missing scope "im" when the IM placement is unknown to the app', async () => {
    const portal = fakePortal({ scopes: ['placement'] });
    const result = await installWithClient(portal.client, { handler: HANDLER, finish: true });
    expect(result.error).toMatchObject({
      code: 'ERROR_PLACEMENT_NOT_FOUND',
      missingScopes: ['im'],
    });
  });

  it('passes other portal errors through unchanged', async () => {
    const wrong: InstallError = { code: 'WRONG_AUTH_TYPE', origin: 'server', status: 403 };
    const portal = fakePortal({ failures: { 'placement.get': [wrong] } });
    const result = await installWithClient(portal.client, { handler: HANDLER, finish: true });
    expect(result.error).toEqual(wrong);
  });
});

describe('readInstallStateWithClient', () => {
  it('reports each placement as current only when bound once to this handler', async () => {
    const portal = fakePortal({
      rows: [
        boundRow('IM_SIDEBAR'),
        boundRow('IM_TEXTAREA', 'https://old.example.com/'),
        boundRow('IM_TEXTAREA'),
      ],
    });
    const state = await readInstallStateWithClient(portal.client, HANDLER);
    expect(state).toEqual({
      ok: true,
      handler: HANDLER,
      healthy: false,
      placements: [
        { placement: 'IM_SIDEBAR', handlers: [HANDLER], current: true },
        {
          placement: 'IM_TEXTAREA',
          handlers: ['https://old.example.com/', HANDLER],
          current: false,
        },
      ],
    });
  });

  it('is healthy after an install, and refuses non-admins without a request', async () => {
    const portal = fakePortal();
    await installWithClient(portal.client, { handler: HANDLER, finish: false });
    expect(await readInstallStateWithClient(portal.client, HANDLER)).toMatchObject({
      ok: true,
      healthy: true,
    });
    const guest = fakePortal({ isAdmin: false });
    expect(await readInstallStateWithClient(guest.client, HANDLER)).toMatchObject({
      ok: false,
      error: { code: 'ACCESS_DENIED' },
    });
    expect(guest.calls).toEqual([]);
  });
});

describe('installHandlerUrl', () => {
  it("binds the page's own address without the portal's query, and index.html for install.html", () => {
    expect(installHandlerUrl({ origin: 'https://apps.example.com', pathname: '/chat-drop/' })).toBe(
      'https://apps.example.com/chat-drop/',
    );
    expect(
      installHandlerUrl({ origin: 'https://app.bitrix24.com', pathname: '/local/1/install.html' }),
    ).toBe('https://app.bitrix24.com/local/1/index.html');
  });
});
