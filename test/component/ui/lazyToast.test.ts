import type { toast as sonnerToast } from 'sonner';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** A fresh copy of lazyToast.ts (and sonner), so sonner has not been loaded yet. */
async function freshLazyToast() {
  vi.resetModules();
  return import('../../../src/ui/lazyToast.ts');
}

function titles(toast: typeof sonnerToast): string[] {
  return toast.getToasts().map((t) => ('title' in t ? String(t.title) : ''));
}

afterEach(() => {
  vi.doUnmock('sonner');
  vi.restoreAllMocks();
});

describe('lazyToast: toasts whose code is a lazy chunk', () => {
  it('toasts called before sonner arrives are shown once it has, in call order', async () => {
    const { lazyToast, preloadToasts } = await freshLazyToast();
    lazyToast.success('a.pdf delivered', { id: 'a' });
    lazyToast.error('b.pdf was not sent', { id: 'b' });
    lazyToast.warning('c.pdf may have arrived', { id: 'c' });
    lazyToast.dismiss('a');
    const toast = await preloadToasts();
    expect(titles(toast)).toEqual(['b.pdf was not sent', 'c.pdf may have arrived']);
    toast.dismiss();
  });

  it('a chunk that cannot be fetched never throws; the next toast loads it and shows both', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.doMock('sonner', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const { lazyToast, preloadToasts } = await freshLazyToast();
    expect(() => lazyToast.error('offline.pdf was not sent', { id: 'offline' })).not.toThrow();
    await expect(preloadToasts()).rejects.toThrow();
    await vi.waitFor(() =>
      expect(logged).toHaveBeenCalledWith('[chat-drop] the toasts could not be loaded'),
    );
    vi.doUnmock('sonner');
    lazyToast.success('later.pdf delivered', { id: 'later' });
    const toast = await preloadToasts();
    expect(titles(toast)).toEqual(['offline.pdf was not sent', 'later.pdf delivered']);
    toast.dismiss();
  });
});
