import { render, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/i18n/createTranslator.ts';
import { OutsidePortalPage } from '../../../src/ui/OutsidePortalPage.tsx';
import { TranslatorContext } from '../../../src/ui/TranslatorContext.ts';
import { createFile } from '../../support/doubles/createFile.ts';
import { dropOnPanel } from '../support/createDropEvents.ts';
import { renderPanel } from '../support/renderPanel.tsx';

/**
 * axe-core over the rendered DOM. `color-contrast` needs real layout and computed colors, which
 * jsdom does not have (colors were checked by hand against WCAG AA in styles.css).
 */
async function violations(root: Element): Promise<string[]> {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('accessibility (axe)', () => {
  it('has no violations when empty', async () => {
    const { container } = renderPanel();
    await screen.findByText('Marketing');
    expect(await violations(container)).toEqual([]);
  });

  it('has no violations while uploading', async () => {
    const { container, fake } = renderPanel();
    fake.hold();
    await dropOnPanel([
      createFile('a.pdf', 10),
      createFile('b.png', 10, 'image/png'),
      createFile('c.txt', 10),
    ]);
    await waitFor(() =>
      expect(screen.getAllByTestId('upload-row')[0]).toHaveAttribute('data-phase', 'sending'),
    );
    expect(screen.getAllByRole('progressbar').length).toBeGreaterThan(0);
    expect(await violations(container)).toEqual([]);
  });

  it('has no violations with failed files', async () => {
    const { container, fake } = renderPanel();
    fake.refuse({ code: 'UPLOAD_FAILED', origin: 'server', status: 400 });
    await dropOnPanel([createFile('a.pdf', 10), createFile('huge.bin', 200 * 1024 * 1024)]);
    await waitFor(() =>
      expect(
        screen.getAllByTestId('upload-row').every((row) => row.dataset.phase === 'failed'),
      ).toBe(true),
    );
    expect(await violations(container)).toEqual([]);
  });

  it('has no violations in the chat picker', async () => {
    const { container } = renderPanel({ dialogId: null });
    await screen.findByRole('button', { name: /Marketing/ });
    expect(await violations(container)).toEqual([]);
  });

  it('has no violations on the page shown outside a portal', async () => {
    const { container } = render(
      <TranslatorContext value={createTranslator('en')}>
        <OutsidePortalPage />
      </TranslatorContext>,
    );
    expect(await violations(container)).toEqual([]);
  });
});
