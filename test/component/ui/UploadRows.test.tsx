import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTranslator } from '../../../src/i18n/createTranslator.ts';
import { TranslatorContext } from '../../../src/ui/TranslatorContext.ts';
import { UploadRows, VIRTUALIZE_FROM } from '../../../src/ui/UploadRows.tsx';
import { makeItem } from '../support/makeItem.ts';

function renderList(count: number) {
  const items = Array.from({ length: count }, (_, i) =>
    makeItem({ name: `file-${i}.txt`, phase: i % 2 ? 'delivered' : 'queued' }),
  );
  render(
    <TranslatorContext value={createTranslator('en')}>
      <UploadRows
        items={items}
        fileFor={() => undefined}
        onCancel={vi.fn()}
        onRetry={vi.fn()}
        onRemove={vi.fn()}
        onOpen={vi.fn()}
        onCheckChat={vi.fn()}
        onPickAgain={vi.fn()}
      />
    </TranslatorContext>,
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('UploadRows', () => {
  it('renders every row of a short list', () => {
    renderList(VIRTUALIZE_FROM - 1);
    expect(screen.getAllByTestId('upload-row')).toHaveLength(VIRTUALIZE_FROM - 1);
  });

  it('renders a window of rows for 500 items, with a scroll area as tall as all of them', () => {
    // jsdom has no layout: give the scroll area the height a 420 px tall panel would have.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(420);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(360);
    // ...and each row the height it has in a browser (the virtualizer measures rows).
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(68);
    renderList(500);
    const rendered = screen.getAllByTestId('upload-row');
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(50);
    expect(rendered[0]).toHaveAttribute('data-name', 'file-0.txt');
    // The scroll area is as tall as all 500 rows, so the scrollbar tells the truth.
    const list = screen.getByRole('list');
    expect(parseInt(list.style.height, 10)).toBeGreaterThan(500 * 40);
    // The rendered rows are a window from the top, in order, not a sample of the 500.
    expect(rendered.map((row) => row.dataset.name)).toEqual(
      rendered.map((_, i) => `file-${i}.txt`),
    );
  });

  it('renders nothing for an empty queue', () => {
    renderList(0);
    expect(screen.queryByRole('list')).toBeNull();
  });
});
