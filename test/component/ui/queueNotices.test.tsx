import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { OwnFileMessage } from '../../../src/core/ports.ts';
import { createFile } from '../../support/doubles/createFile.ts';
import { receiptFor } from '../../support/doubles/createFakeTransport.ts';
import { dropOnPanel } from '../support/createDropEvents.ts';
import { renderPanel } from '../support/renderPanel.tsx';

/** The toasts on screen (not one fading out after a dismiss). */
function toastsWith(text: string): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-sonner-toast]')).filter(
    (toast) => toast.textContent?.includes(text) && toast.dataset.removed !== 'true',
  );
}

describe('queue-wide notices', () => {
  it('the portal pauses uploads (OPERATION_TIME_LIMIT): the row and one toast say when sending resumes', async () => {
    const { fake } = renderPanel();
    fake.refuse({ code: 'OPERATION_TIME_LIMIT', origin: 'server', status: 429 });
    await dropOnPanel([createFile('a.pdf', 10)]);
    const row = await screen.findByTestId('upload-row');
    await waitFor(() => expect(row).toHaveAttribute('data-phase', 'waiting'));
    expect(row).toHaveTextContent(/The portal asks to wait, resuming at \d{1,2}:\d{2}/);
    await waitFor(() => expect(toastsWith('The portal asks to wait, resuming at')).toHaveLength(1));
    expect(screen.getByTestId('announcer')).toHaveTextContent('The portal asks to wait');
  });

  it('access to the chat is lost: one notice for the chat, the other files are not sent', async () => {
    const { fake } = renderPanel();
    fake.refuse({ code: 'ACCESS_DENIED', origin: 'server', status: 400 });
    await dropOnPanel([createFile('a.pdf', 10), createFile('b.pdf', 10)]);
    await waitFor(() =>
      expect(toastsWith('Files can no longer be sent to this chat')).toHaveLength(1),
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('a copy the browser re-sent on its own and the widget could not remove: the toast offers the removal, which removes it', async () => {
    const { fake } = renderPanel();
    fake.answer((request) => ({ ok: true, receipt: { ...receiptFor(request), messageId: 77 } }));
    const own = (messageId: number): OwnFileMessage => ({
      messageId,
      fileId: messageId,
      chatId: 5,
      name: 'a.pdf',
      size: 10,
      text: '',
      at: Date.now(),
    });
    const deleteMessage = vi
      .fn<(messageId: number) => Promise<void>>()
      .mockRejectedValueOnce(new Error('CANT_EDIT_MESSAGE'))
      .mockResolvedValue(undefined);
    Object.assign(fake.transport, {
      listOwnFileMessages: async () => [own(77), own(78)],
      deleteMessage,
    });
    await dropOnPanel([createFile('a.pdf', 10)]);
    await waitFor(() => expect(toastsWith('a.pdf is in the chat twice')).toHaveLength(1));
    expect(deleteMessage).toHaveBeenCalledWith(78);
    await userEvent.click(
      within(toastsWith('a.pdf is in the chat twice')[0]!).getByRole('button', {
        name: 'Remove the extra copy',
      }),
    );
    await waitFor(() => expect(toastsWith('the extra copy was removed')).toHaveLength(1));
    expect(deleteMessage).toHaveBeenCalledTimes(2);
    expect(deleteMessage).not.toHaveBeenCalledWith(77);
  });
});
