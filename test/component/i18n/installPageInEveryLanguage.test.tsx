import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { INSTALL_MESSAGES, LANGUAGES } from '../../../src/i18n/createTranslator.ts';
import { loadTranslator } from '../../../src/i18n/loadTranslator.ts';
import { InstallPage } from '../../../src/ui/InstallPage.tsx';
import { TranslatorContext } from '../../../src/ui/TranslatorContext.ts';

describe('the install page in every Bitrix24 language', () => {
  it.each(LANGUAGES)('%s: its texts come with the language pack the widget loads', async (lang) => {
    // loadTranslator, as the widget does: the install texts arrive in the language's chunk.
    const translator = await loadTranslator(lang);
    const install = vi.fn();
    render(
      <TranslatorContext value={translator}>
        <InstallPage isAdmin={false} install={install} />
      </TranslatorContext>,
    );
    const texts = INSTALL_MESSAGES[lang];
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(texts.title);
    expect(screen.getByRole('alert').textContent).toBe(texts.notAdminInstall);
    expect(install).not.toHaveBeenCalled();
  });
});
