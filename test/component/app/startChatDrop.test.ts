import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Boot } from '../../../src/app/Boot.ts';
import { startChatDrop } from '../../../src/app/startChatDrop.ts';
import type { ChatDropDeps } from '../../../src/app/startChatDrop.ts';
import { createFakePortal } from '../support/createFakePortal.ts';
import { createFakeEncoder } from '../../support/doubles/createFakeEncoder.ts';
import { createFakeTransport } from '../../support/doubles/createFakeTransport.ts';

// The portal frame and the SDK cannot run in jsdom: startFrame and the adapters are the outside
// world here, passed in as dependencies. What is under test is the composition root's decision
// for each startFrame result, and that its dispose releases what it created.
const frameResult = { current: undefined as unknown };
const installApp = vi.fn();
const readInstallState = vi.fn();
const resizeToContent = vi.fn(() => () => undefined);
const disposed: string[] = [];

const deps = {
  startFrame: async () => {
    const result = frameResult.current;
    if (result instanceof Error) throw result;
    return result;
  },
  createTransport: () => ({
    ...createFakeTransport().transport,
    dispose: () => disposed.push('transport'),
  }),
  createPortal: () => createFakePortal().portal,
  createLedgerStorage: () => ({ load: async () => [], save: async () => undefined }),
  createEncoder: () => ({ ...createFakeEncoder(), dispose: () => disposed.push('encoder') }),
  installApp,
  readInstallState,
  repairInstall: vi.fn(),
} as unknown as ChatDropDeps;

const b24 = { name: 'fake-b24' };

function portalFrame(context: Partial<Record<string, unknown>> = {}) {
  return {
    kind: 'portal',
    b24,
    context: {
      lang: 'ru',
      placement: 'IM_SIDEBAR',
      dialogId: 'chat5',
      isAdmin: false,
      install: false,
      firstRun: false,
      userOptions: { get: () => undefined, set: async () => undefined },
      ...context,
    },
    resizeToContent,
    dispose: vi.fn(() => disposed.push('frame')),
  };
}

const started: Boot[] = [];
async function start(): Promise<Boot> {
  const boot = await startChatDrop(deps);
  started.push(boot);
  return boot;
}

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  disposed.length = 0;
});
afterEach(async () => {
  for (const boot of started.splice(0)) {
    if (boot.kind === 'portal') await boot.dispose();
  }
  vi.restoreAllMocks();
  vi.clearAllMocks();
});

describe('startChatDrop: every startFrame result becomes a page', () => {
  it('outside a portal: the outside page, without a console error', async () => {
    frameResult.current = { kind: 'outside' };
    expect((await start()).kind).toBe('outside');
    expect(errors).not.toHaveBeenCalled();
  });

  it('a frame the portal did not start: the failed page; the log names the code, no stack', async () => {
    frameResult.current = {
      kind: 'failed',
      error: { code: 'WIDGET_FRAME_TIMEOUT', origin: 'client', detail: 'secret-ish detail' },
    };
    expect(await start()).toMatchObject({ kind: 'failed', code: 'WIDGET_FRAME_TIMEOUT' });
    expect(errors.mock.calls.flat().join(' ')).toContain('WIDGET_FRAME_TIMEOUT');
    expect(errors.mock.calls.flat().join(' ')).not.toContain('secret-ish detail');
  });

  it('a refused start carries its code, so the page can say what helps', async () => {
    frameResult.current = { kind: 'failed', error: { code: 'ACCESS_DENIED', origin: 'server' } };
    expect(await start()).toMatchObject({ kind: 'failed', code: 'ACCESS_DENIED' });
  });

  it('anything thrown while starting: the failed page, never an exception', async () => {
    frameResult.current = new TypeError('boom at line 1');
    const boot = await start();
    expect(boot).toMatchObject({ kind: 'failed', code: 'WIDGET_START_FAILED' });
    expect(errors.mock.calls.flat().join(' ')).not.toContain('boom');
  });

  it('install mode: the install page with a run that calls installApp on this frame', async () => {
    frameResult.current = portalFrame({ install: true, isAdmin: true, placement: 'DEFAULT' });
    const boot = await start();
    if (boot.kind !== 'install') throw new Error(`expected install, got ${boot.kind}`);
    expect(boot.install.isAdmin).toBe(true);
    installApp.mockResolvedValue({ ok: true, steps: [], handler: 'http://app/' });
    const onProgress = vi.fn();
    await boot.install.install?.(onProgress);
    expect(installApp).toHaveBeenCalledWith(b24, { onProgress });
  });

  it('a messenger placement: the panel for its chat, in the portal language, resizing the frame', async () => {
    const frame = portalFrame();
    frameResult.current = frame;
    const boot = await start();
    if (boot.kind !== 'portal') throw new Error(`expected portal, got ${boot.kind}`);
    expect([boot.lang, boot.placement, boot.dialogId]).toEqual(['ru', 'IM_SIDEBAR', 'chat5']);
    expect(boot.manage).toBeUndefined();
    const element = document.createElement('div');
    boot.fitFrame(element);
    expect(resizeToContent).toHaveBeenCalledWith(element);
    await boot.dispose();
    expect(frame.dispose).toHaveBeenCalled();
  });

  it('dispose releases everything it created, once: the Worker encoder, the SDK interceptor, the frame', async () => {
    frameResult.current = portalFrame();
    const boot = await start();
    if (boot.kind !== 'portal') throw new Error(`expected portal, got ${boot.kind}`);
    await Promise.all([boot.dispose(), boot.dispose()]);
    await boot.dispose();
    expect(disposed).toEqual(['encoder', 'transport', 'frame']);
  });

  it("the app's own page for an admin: the panel plus the install state", async () => {
    frameResult.current = portalFrame({ placement: 'DEFAULT', dialogId: undefined, isAdmin: true });
    const boot = await start();
    if (boot.kind !== 'portal') throw new Error(`expected portal, got ${boot.kind}`);
    expect(boot.manage?.mode).toBe('manage');
    await boot.manage?.readState?.();
    expect(readInstallState).toHaveBeenCalledWith(b24);
  });
});
