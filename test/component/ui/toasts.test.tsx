import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFile } from '../../support/doubles/createFile.ts';
import { dropOnPanel } from '../support/createDropEvents.ts';
import { receiptFor } from '../../support/doubles/createFakeTransport.ts';
import { renderPanel } from '../support/renderPanel.tsx';

/** The toasts sonner shows, as elements. */
function toasts(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-sonner-toast]'));
}

function toastWith(text: string): HTMLElement {
  // The toast on screen, not one still fading out after a dismiss.
  const found = toasts().find(
    (toast) => toast.textContent?.includes(text) && toast.dataset.removed !== 'true',
  );
  if (!found)
    throw new Error(
      `no toast with "${text}"; toasts: ${toasts()
        .map((t) => t.textContent)
        .join(' | ')}`,
    );
  return found;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('toasts', () => {
  it('no toast while a file is on its way (its row shows that); delivered gets one, with Open in chat', async () => {
    const { fake, portal } = renderPanel();
    fake.hold();
    await dropOnPanel([createFile('a.pdf', 10)]);
    await waitFor(() =>
      expect(screen.getByTestId('upload-row')).toHaveAttribute('data-phase', 'sending'),
    );
    expect(toasts()).toHaveLength(0);
    fake.release('a.pdf', {
      ok: true,
      receipt: { messageId: 77, fileId: 1, chatId: 5, dialogId: 'chat5' },
    });
    await waitFor(() => toastWith('a.pdf delivered'));
    expect(toasts().filter((t) => t.textContent?.includes('a.pdf'))).toHaveLength(1);
    await userEvent.click(
      within(toastWith('a.pdf delivered')).getByRole('button', { name: 'Open in chat' }),
    );
    await waitFor(() => expect(portal.openMessage).toHaveBeenCalledWith('chat5', 77));
  });

  it('a failure whose row is on screen gets no toast: the row has the reason and Retry', async () => {
    // jsdom has no layout: give every element the box a visible row has.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(
      DOMRect.fromRect({ x: 0, y: 100, width: 360, height: 60 }),
    );
    const { fake } = renderPanel();
    fake.refuse({ code: 'SEND_FAILED', origin: 'server', status: 400 });
    await dropOnPanel([createFile('v.pdf', 10)]);
    await waitFor(() =>
      expect(screen.getByTestId('upload-row')).toHaveAttribute('data-phase', 'failed'),
    );
    await waitFor(() => expect(screen.getByTestId('announcer')).toHaveTextContent('v.pdf'));
    expect(toasts()).toHaveLength(0);
    expect(
      within(screen.getByTestId('upload-row')).getByRole('button', { name: 'Retry' }),
    ).toBeInTheDocument();
  });

  it('a refused file: the reason and Retry, which sends it again', async () => {
    const { fake } = renderPanel();
    fake.refuse({ code: 'SEND_FAILED', origin: 'server', status: 400 });
    await dropOnPanel([createFile('b.pdf', 10)]);
    await waitFor(() => toastWith('b.pdf was not sent'));
    expect(toastWith('b.pdf was not sent')).toHaveTextContent('the message could not be posted');
    fake.answer((request) => ({ ok: true, receipt: receiptFor(request) }));
    await userEvent.click(
      within(toastWith('b.pdf was not sent')).getByRole('button', { name: 'Retry' }),
    );
    await waitFor(() => toastWith('b.pdf delivered'));
    expect(fake.requests).toHaveLength(2);
  });

  it('a refusal with no retry (too large) offers no Retry', async () => {
    renderPanel();
    await dropOnPanel([createFile('big.iso', 200 * 1024 * 1024)]);
    await waitFor(() => toastWith('big.iso was not sent'));
    expect(
      within(toastWith('big.iso was not sent')).queryByRole('button', { name: 'Retry' }),
    ).toBeNull();
  });

  it('an unknown outcome: "may not have arrived" with Check the chat', async () => {
    const { fake, portal } = renderPanel();
    fake.refuse({ code: 'INTERNAL_SERVER_ERROR', origin: 'server', status: 500 });
    fake.answerFindDelivery(async () => {
      throw new Error('network down');
    });
    await dropOnPanel([createFile('c.pdf', 10)]);
    await waitFor(() => toastWith('c.pdf may not have arrived'));
    expect(toastWith('c.pdf may not have arrived')).toHaveTextContent(
      'Check the chat before sending it again',
    );
    await userEvent.click(
      within(toastWith('c.pdf may not have arrived')).getByRole('button', {
        name: 'Check the chat',
      }),
    );
    expect(portal.openMessage).toHaveBeenCalledWith('chat5', 0);
  });

  it('an unknown outcome found in the chat becomes delivered, not a failure', async () => {
    const { fake } = renderPanel();
    fake.refuse({ code: 'NETWORK_ERROR', origin: 'transport' });
    fake.answerFindDelivery(async (query) => ({
      messageId: 5,
      fileId: 6,
      chatId: 5,
      dialogId: query.dialogId,
    }));
    await dropOnPanel([createFile('d.pdf', 10)]);
    await waitFor(() => toastWith('d.pdf delivered'));
  });

  it('rate limited: the row says it will be sent again, no toast covers the list', async () => {
    const { fake } = renderPanel();
    fake.refuse({ code: 'QUERY_LIMIT_EXCEEDED', origin: 'server', status: 503 });
    await dropOnPanel([createFile('e.pdf', 10)]);
    await waitFor(() =>
      expect(screen.getByTestId('upload-row')).toHaveAttribute('data-phase', 'waiting'),
    );
    expect(screen.getByTestId('upload-row')).toHaveTextContent('Portal is busy, will send again');
    expect(toasts()).toHaveLength(0);
  });

  it('a batch of more than 3 files gets one summary toast instead of a storm', async () => {
    const { fake } = renderPanel();
    let n = 0;
    fake.answer((request) => {
      n += 1;
      return n === 3
        ? { ok: false, error: { code: 'UPLOAD_FAILED', origin: 'server', status: 400 } }
        : { ok: true, receipt: receiptFor(request) };
    });
    const files = Array.from({ length: 12 }, (_, i) => createFile(`f${i}.txt`, 10));
    await dropOnPanel(files);
    await waitFor(() => toastWith('11 delivered, 1 failed'));
    expect(toasts().filter((t) => /f\d+\.txt/.test(t.textContent ?? ''))).toHaveLength(0);
  });

  it('Open in chat that the portal refuses shows a localized toast, not an unhandled rejection', async () => {
    const { fake, portal } = renderPanel();
    portal.openMessage.mockRejectedValue(new Error('the frame is gone'));
    fake.answer((request) => ({ ok: true, receipt: receiptFor(request) }));
    await dropOnPanel([createFile('h.pdf', 10)]);
    await waitFor(() => toastWith('h.pdf delivered'));
    await userEvent.click(
      within(toastWith('h.pdf delivered')).getByRole('button', { name: 'Open in chat' }),
    );
    await waitFor(() => toastWith('Could not open the chat. Open it from the messenger instead.'));
    expect(portal.openMessage).toHaveBeenCalledTimes(1);
  });

  it('a batch summary counts files that may have arrived apart from failed ones, with Check the chat', async () => {
    const { fake, portal } = renderPanel();
    fake.answer((request) =>
      request.name === 'u1.txt' || request.name === 'u2.txt'
        ? { ok: false, error: { code: 'INTERNAL_SERVER_ERROR', origin: 'server', status: 500 } }
        : { ok: true, receipt: receiptFor(request) },
    );
    // The check after the 500 fails too, so nobody knows whether those two are in the chat.
    fake.answerFindDelivery(async () => {
      throw new Error('network down');
    });
    const names = ['a.txt', 'u1.txt', 'b.txt', 'u2.txt', 'c.txt'];
    await dropOnPanel(names.map((name) => createFile(name, 10)));
    await waitFor(() => toastWith('3 delivered, 2 may have arrived — check the chat'));
    const summary = toastWith('3 delivered, 2 may have arrived — check the chat');
    expect(summary).not.toHaveTextContent('failed');
    expect(screen.getByTestId('batch-bar')).toHaveTextContent(
      '3 delivered, 2 may have arrived — check the chat',
    );
    await userEvent.click(within(summary).getByRole('button', { name: 'Check the chat' }));
    expect(portal.openMessage).toHaveBeenCalledWith('chat5', 0);
  });

  it('the summary is in Russian with Russian plurals', async () => {
    renderPanel({ lang: 'ru' });
    const files = Array.from({ length: 5 }, (_, i) => createFile(`f${i}.txt`, 10));
    await dropOnPanel(files);
    await waitFor(() => toastWith('5 доставлено'));
  });

  it('retrying a failed file takes its failure toast away', async () => {
    const { fake, user } = renderPanel();
    fake.refuse({ code: 'SEND_FAILED', origin: 'server', status: 400 });
    await dropOnPanel([createFile('g.pdf', 10)]);
    await waitFor(() => toastWith('g.pdf was not sent'));
    fake.hold();
    await user.click(
      within(screen.getByTestId('upload-row')).getByRole('button', { name: 'Retry' }),
    );
    await waitFor(() =>
      expect(
        toasts().filter((t) => t.textContent?.includes('g.pdf') && t.dataset.removed !== 'true'),
      ).toHaveLength(0),
    );
  });

  it('the toast region is silent: the panel announces each outcome once, in its own live region', async () => {
    renderPanel();
    await dropOnPanel([createFile('s.pdf', 10)]);
    await waitFor(() => toastWith('s.pdf delivered'));
    const live = Array.from(document.querySelectorAll('[aria-live]')).filter(
      (element) => element.getAttribute('aria-live') !== 'off',
    );
    expect(live).toEqual([screen.getByTestId('announcer')]);
    expect(screen.getByTestId('announcer')).toHaveTextContent('s.pdf delivered');
  });
});
