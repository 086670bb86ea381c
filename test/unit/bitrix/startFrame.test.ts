import { afterEach, describe, expect, it, vi } from 'vitest';
import { ERROR_CODES } from '../../../src/core/errorPolicy.ts';
import { BITRIX_EMITTED_CODES } from '../../../src/bitrix/mapB24Error.ts';
import { FRAME_START_CODES, startFrame } from '../../../src/bitrix/startFrame.ts';

// The portal's parent frame (postMessage getInitData) cannot run in Node: the SDK's frame start
// is replaced by one that never answers, as a portal that does not respond would leave it.
const frameStart = vi.hoisted(() => ({
  next: (): Promise<unknown> => new Promise<never>(() => {}),
}));
vi.mock(import('@bitrix24/b24jssdk'), async (importOriginal) => ({
  ...(await importOriginal()),
  initializeB24Frame: (() => frameStart.next()) as never,
}));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('startFrame start-failure codes', () => {
  it('types WIDGET_FRAME_TIMEOUT as a start-failure code: startFrame returns it, and it is never an upload error code', async () => {
    const frameWindow = { name: 'portal.example|https|sid1', parent: {} };
    vi.stubGlobal('window', frameWindow);
    const start = await startFrame({ timeoutMs: 20 });
    expect(start.kind).toBe('failed');
    const code = start.kind === 'failed' ? start.error.code : undefined;
    expect(code).toBe('WIDGET_FRAME_TIMEOUT');
    expect(FRAME_START_CODES).toContain(code);
    // Start failures never reach the upload engine: they are neither in its policy table nor
    // among the codes the transport hands it.
    for (const startCode of FRAME_START_CODES) {
      expect(ERROR_CODES as readonly string[]).not.toContain(startCode);
      expect(BITRIX_EMITTED_CODES as readonly string[]).not.toContain(startCode);
    }
  });

  it('destroys a frame that finishes starting after the start deadline (nothing of it outlives the failed start)', async () => {
    vi.stubGlobal('window', { name: 'portal.example|https|sid1', parent: {} });
    const late = { destroy: vi.fn() };
    let finish: (frame: typeof late) => void = () => undefined;
    frameStart.next = () => new Promise((resolve) => (finish = resolve));
    const start = await startFrame({ timeoutMs: 20 });
    expect(start.kind).toBe('failed');
    expect(late.destroy).not.toHaveBeenCalled();
    finish(late);
    await vi.waitFor(() => expect(late.destroy).toHaveBeenCalledTimes(1));
  });
});
