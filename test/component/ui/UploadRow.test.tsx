import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { UploadItem } from '../../../src/core/types.ts';
import { createTranslator } from '../../../src/i18n/createTranslator.ts';
import { TranslatorContext } from '../../../src/ui/TranslatorContext.ts';
import { UploadRow } from '../../../src/ui/UploadRow.tsx';
import { makeItem } from '../support/makeItem.ts';

function renderRow(item: UploadItem, options: { lang?: string; file?: File } = {}) {
  const actions = {
    onCancel: vi.fn(),
    onRetry: vi.fn(),
    onRemove: vi.fn(),
    onOpen: vi.fn(),
    onCheckChat: vi.fn(),
    onPickAgain: vi.fn(),
  };
  const { unmount } = render(
    <TranslatorContext value={createTranslator(options.lang ?? 'en')}>
      <UploadRow item={item} file={options.file} {...actions} />
    </TranslatorContext>,
  );
  return { row: screen.getByTestId('upload-row'), actions, unmount };
}

function buttonNames(row: HTMLElement): string[] {
  return within(row)
    .queryAllByRole('button')
    .map((button) => button.textContent ?? '');
}

const sending = {
  bytesTotal: 2 * 1024 * 1024,
  bytesRead: 2 * 1024 * 1024,
  bytesSent: 1000,
  sendTotal: 2000,
  percentage: 62.4,
  speed: 1024 * 1024,
  secondsLeft: 7,
};

describe('UploadRow', () => {
  it('shows a right-to-left override (U+202E) in a name as U+FFFD, so cv<RLO>gnp.exe cannot pass for cvexe.png', () => {
    const name = 'cv\u202Egnp.exe';
    const { row } = renderRow(makeItem({ phase: 'delivered', name }));
    expect(row).toHaveAttribute('data-name', name);
    const shown = row.querySelector('.cd-row__name');
    expect(shown?.textContent).toBe('cv\uFFFDgnp.exe');
    expect(shown).toHaveAttribute('title', 'cv\uFFFDgnp.exe');
  });

  it('queued: name, size and phase, with Cancel', () => {
    const { row } = renderRow(makeItem({ phase: 'queued' }));
    expect(row).toHaveAttribute('data-phase', 'queued');
    expect(row).toHaveAttribute('data-name', 'report.pdf');
    expect(row).toHaveTextContent('report.pdf');
    expect(row).toHaveTextContent('2 MB · Waiting in line');
    expect(buttonNames(row)).toEqual(['Cancel']);
    expect(within(row).queryByRole('progressbar')).toBeNull();
  });

  it('reading: a progress bar with its percentage', () => {
    const { row } = renderRow(
      makeItem({
        phase: 'reading',
        progress: {
          ...sending,
          bytesSent: 0,
          percentage: 20,
          speed: undefined,
          secondsLeft: undefined,
        },
      }),
    );
    const bar = within(row).getByRole('progressbar', { name: 'Progress of report.pdf' });
    expect(bar).toHaveAttribute('aria-valuenow', '20');
    expect(row).toHaveTextContent('Reading · 20%');
  });

  it('sending: percentage, speed and time left, with Cancel', async () => {
    const { row, actions } = renderRow(makeItem({ phase: 'sending', progress: sending }));
    const bar = within(row).getByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuenow', '62');
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    expect(row).toHaveTextContent('Sending · 62% · 1 MB/s · 7 seconds left');
    await userEvent.click(within(row).getByRole('button', { name: 'Cancel' }));
    expect(actions.onCancel).toHaveBeenCalledWith(expect.stringMatching(/^item-/));
  });

  it('sending with unknown figures: no made-up percentage, an indeterminate bar', () => {
    const { row } = renderRow(makeItem({ phase: 'sending' }));
    const bar = within(row).getByRole('progressbar');
    expect(bar).not.toHaveAttribute('aria-valuenow');
    expect(row).not.toHaveTextContent('%');
    expect(row).not.toHaveTextContent('left');
  });

  it("waiting: says the portal is busy and that it will send again, without the last attempt's percentage", () => {
    const { row } = renderRow(makeItem({ phase: 'waiting', progress: sending }));
    expect(row).toHaveTextContent('Portal is busy, will send again');
    // The next attempt sends the whole body again: "99%" would promise what is not there.
    expect(row).not.toHaveTextContent('%');
    expect(within(row).getByRole('progressbar')).not.toHaveAttribute('aria-valuetext', /%/);
    expect(buttonNames(row)).toEqual(['Cancel']);
  });

  it('checking: says the chat is being checked, offers nothing to click', () => {
    const { row } = renderRow(makeItem({ phase: 'checking' }));
    expect(row).toHaveTextContent('Checking the chat');
    expect(buttonNames(row)).toEqual([]);
  });

  it('delivered: Open in chat, and Remove says it removes from the list, not from the chat', async () => {
    const item = makeItem({
      phase: 'delivered',
      receipt: { messageId: 7, fileId: 8, chatId: 5, dialogId: 'chat5' },
    });
    const { row, actions } = renderRow(item);
    expect(row).toHaveTextContent('Delivered');
    expect(buttonNames(row)).toEqual(['Open in chat', 'Remove from list']);
    await userEvent.click(within(row).getByRole('button', { name: 'Open in chat' }));
    expect(actions.onOpen).toHaveBeenCalledWith(item);
  });

  it('delivered under a name the portal corrected: the row says the name it has in the chat', () => {
    const item = makeItem({
      name: 'report.pdf',
      phase: 'delivered',
      receipt: {
        messageId: 7,
        fileId: 8,
        chatId: 5,
        dialogId: 'chat5',
        storedName: 'report (1).pdf',
      },
    });
    const { row } = renderRow(item);
    expect(row).toHaveTextContent('report.pdf');
    expect(row).toHaveTextContent('in the chat as report (1).pdf');
  });

  it('delivered under its own name: no second name', () => {
    const item = makeItem({
      name: 'report.pdf',
      phase: 'delivered',
      receipt: { messageId: 7, fileId: 8, chatId: 5, dialogId: 'chat5', storedName: 'report.pdf' },
    });
    expect(renderRow(item).row).not.toHaveTextContent('in the chat as');
  });

  it('failed (refused, retry offered): the localized reason, Retry and Remove, the code in details', () => {
    const { row } = renderRow(
      makeItem({
        phase: 'failed',
        error: { code: 'UPLOAD_FAILED', origin: 'server', status: 400, detail: 'raw text' },
      }),
    );
    expect(row).toHaveTextContent('Not sent');
    expect(row).toHaveTextContent('The portal could not store the file.');
    expect(row).not.toHaveTextContent('raw text');
    expect(buttonNames(row)).toEqual(['Retry', 'Remove']);
    expect(within(row).getByText('Details')).toBeInTheDocument();
    expect(within(row).getByText('Code: UPLOAD_FAILED')).toBeInTheDocument();
  });

  it('failed (refused, no retry): no Retry button', () => {
    const { row } = renderRow(
      makeItem({ phase: 'failed', error: { code: 'FILE_TOO_LARGE', origin: 'client' } }),
    );
    expect(buttonNames(row)).toEqual(['Remove']);
    expect(row).toHaveTextContent('Pick a smaller file.');
  });

  it('failed because the file could not be read: Add again opens the picker, no Retry of the stale file', async () => {
    const { row, actions } = renderRow(
      makeItem({ phase: 'failed', error: { code: 'WIDGET_READ_FAILED', origin: 'client' } }),
    );
    expect(row).toHaveTextContent('Pick the file again or another one.');
    expect(buttonNames(row)).toEqual(['Add again', 'Remove']);
    await userEvent.click(within(row).getByRole('button', { name: 'Add again' }));
    expect(actions.onPickAgain).toHaveBeenCalledOnce();
  });

  it('failed with an unknown outcome: "May not have arrived" and Check the chat', async () => {
    const item = makeItem({
      phase: 'failed',
      error: { code: 'NETWORK_ERROR', origin: 'transport', deliveryCheck: 'failed' },
    });
    const { row, actions } = renderRow(item);
    expect(row).toHaveTextContent('May not have arrived');
    expect(row).toHaveTextContent('Check the chat before sending it again');
    expect(buttonNames(row)).toEqual(['Check the chat', 'Retry', 'Remove']);
    await userEvent.click(within(row).getByRole('button', { name: 'Check the chat' }));
    expect(actions.onCheckChat).toHaveBeenCalledWith(item);
  });

  it('cancelled: Retry and Remove', () => {
    const { row } = renderRow(makeItem({ phase: 'cancelled' }));
    expect(row).toHaveTextContent('Cancelled');
    expect(buttonNames(row)).toEqual(['Retry', 'Remove']);
  });

  it('shows an image thumbnail from an object URL and revokes it when unmounted', () => {
    const create = vi.fn(() => 'blob:thumb');
    const revoke = vi.fn();
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = create;
    URL.revokeObjectURL = revoke;
    try {
      const file = new File(['x'], 'cat.png', { type: 'image/png' });
      const { row, unmount } = renderRow(
        makeItem({ name: 'cat.png', mimeType: 'image/png', size: 1 }),
        {
          file,
        },
      );
      expect(row.querySelector('img')).toHaveAttribute('src', 'blob:thumb');
      expect(create).toHaveBeenCalledWith(file);
      expect(revoke).not.toHaveBeenCalled();
      unmount();
      expect(revoke).toHaveBeenCalledWith('blob:thumb');
    } finally {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    }
  });

  it('labels phases in Russian', () => {
    const { row } = renderRow(makeItem({ phase: 'delivered' }), { lang: 'ru' });
    expect(row).toHaveTextContent('2 МБ · Доставлен');
  });
});
