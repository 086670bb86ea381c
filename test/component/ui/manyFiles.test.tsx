import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFile } from '../../support/doubles/createFile.ts';
import { dropOnPanel } from '../support/createDropEvents.ts';
import { renderPanel } from '../support/renderPanel.tsx';

const COUNT = 500;

afterEach(() => {
  vi.restoreAllMocks();
});

/** jsdom has no layout: give the list the sizes a 420 px tall panel and 68 px rows have. */
function panelSizedLayout(): void {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(420);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(360);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(68);
}

describe('500 files in the queue', () => {
  it('renders only a window of rows, scrolls, and stays usable from the keyboard', async () => {
    panelSizedLayout();
    const { fake, user } = renderPanel();
    fake.hold();
    const files = Array.from({ length: COUNT }, (_, i) => createFile(`file-${i}.txt`, 100));
    await dropOnPanel(files);
    await waitFor(() => expect(screen.getByTestId('batch-bar')).toHaveTextContent('500 files'));

    const rows = screen.getAllByTestId('upload-row');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(50);
    expect(rows[0]).toHaveAttribute('data-name', 'file-0.txt');
    // Every file is in the queue (the batch bar counts them) while only a window is in the DOM.
    // How fast that is belongs to bench/, not to a test's clock.

    // Keyboard: Tab reaches a row's Cancel button through the scrollable list, Enter cancels it.
    const scroller = screen.getByRole('region', { name: 'Files' });
    scroller.focus();
    expect(scroller).toHaveFocus();
    await user.tab();
    const focused = document.activeElement as HTMLElement;
    expect(focused.tagName).toBe('BUTTON');
    const row = focused.closest<HTMLElement>('[data-testid="upload-row"]');
    expect(row).not.toBeNull();
    expect(focused).toHaveAccessibleName('Cancel');
    expect(focused).toHaveAccessibleDescription(row?.dataset.name ?? '');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(row?.dataset.phase).toBe('cancelled'));

    // Scrolling to the middle renders the rows there, still only a window of them.
    act(() => {
      scroller.scrollTop = 250 * 68;
      fireEvent.scroll(scroller);
    });
    await waitFor(() =>
      expect(
        screen.getAllByTestId('upload-row').some((r) => r.dataset.name === 'file-250.txt'),
      ).toBe(true),
    );
    expect(screen.getAllByTestId('upload-row').length).toBeLessThan(50);
    expect(screen.queryAllByTestId('upload-row').some((r) => r.dataset.name === 'file-0.txt')).toBe(
      false,
    );

    // Cancel all still reaches every file, including the ones not rendered.
    await user.click(screen.getByRole('button', { name: 'Cancel all' }));
    await waitFor(() =>
      expect(
        within(scroller)
          .getAllByTestId('upload-row')
          .every((r) => r.dataset.phase === 'cancelled'),
      ).toBe(true),
    );
  }, 30_000);
});
