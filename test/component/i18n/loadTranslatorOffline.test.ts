import { describe, expect, it, vi } from 'vitest';
import { loadTranslator } from '../../../src/i18n/loadTranslator.ts';

// The language chunks cannot be fetched (a network error while loading the table of packs).
vi.mock('../../../src/i18n/loadLanguagePack.ts', () => ({
  loadLanguagePack: () =>
    Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
}));

describe('loadTranslator without the language chunks', () => {
  it('speaks English rather than not starting, and says why in the console', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const translator = await loadTranslator('ar');
    expect(translator.lang).toBe('en');
    expect(translator.dir).toBe('ltr');
    expect(translator.t('retry')).toBe('Retry');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('[chat-drop]'));
  });
});
