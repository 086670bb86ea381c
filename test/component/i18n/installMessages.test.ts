import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/install/en.ts';
import { ru } from '../../../src/i18n/install/ru.ts';
import { installMessage, type InstallMessages } from '../../../src/i18n/installMessages.ts';
import { loadTranslator } from '../../../src/i18n/loadTranslator.ts';

describe('install texts travel in the language packs', () => {
  it('speak English until the language pack is loaded, then the portal language', async () => {
    expect(installMessage('de', 'retry')).toBe(en.retry);
    const translator = await loadTranslator('de');
    expect(translator.lang).toBe('de');
    expect(installMessage('de', 'retry')).toBe('Erneut versuchen');
  });

  it('fill placeholders as plain text and keep unknown ones visible', () => {
    expect(installMessage('en', 'thisAddress', { handler: '<b>x</b>' })).toBe(
      'This app runs at <b>x</b>',
    );
    expect(installMessage('en', 'thisAddress')).toBe('This app runs at {handler}');
  });

  it('an install pack missing a key does not type-check', () => {
    const { retry: _dropped, ...incomplete } = ru;
    // @ts-expect-error every language must have every install text of English
    const broken: InstallMessages = incomplete;
    expect(Object.hasOwn(broken, 'retry')).toBe(false);
  });
});
