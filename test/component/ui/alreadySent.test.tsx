import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LedgerEntry } from '../../../src/core/types.ts';
import { createFile } from '../../support/doubles/createFile.ts';
import { createLedgerEntry } from '../../support/doubles/createLedgerEntry.ts';
import { dropOnPanel } from '../support/createDropEvents.ts';
import '../support/componentEnvironment.ts';
import { renderPanel } from '../support/renderPanel.tsx';

const MINUTE = 60_000;

function delivered(name: string, size: number, agoMs: number): LedgerEntry {
  return createLedgerEntry({
    id: `old-${name}`,
    name,
    size,
    messageId: 41,
    at: Date.now() - agoMs,
  });
}

/** The panel over a ledger that knows `entries` were delivered to chat5 (Marketing). */
async function panelWithLedger(entries: readonly LedgerEntry[]) {
  const panel = renderPanel({ ledger: { load: async () => entries } });
  await screen.findByText('Marketing');
  return panel;
}

function prompt(): HTMLElement {
  return screen.getByTestId('already-sent');
}

/** The prompt's text without the Unicode isolates around names (they are invisible). */
function promptText(): string {
  return (prompt().textContent ?? '').replace(/[\u2068\u2069]/g, '');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('already in this chat: ask once before sending a file the chat has', () => {
  it('asks with the name, size, chat and time, and sends nothing until answered', async () => {
    const { fake } = await panelWithLedger([delivered('report.pdf', 2_202_010, 5 * MINUTE)]);
    await dropOnPanel([createFile('report.pdf', 2_202_010)]);
    await screen.findByTestId('already-sent');
    expect(promptText()).toContain(
      'report.pdf (2.1 MB) was sent to Marketing 5 minutes ago. Send again?',
    );
    // Nothing is lost by default: focus is on Skip, not on the button that posts it again.
    expect(within(prompt()).getByRole('button', { name: 'Skip' })).toHaveFocus();
    expect(screen.queryAllByTestId('upload-row')).toHaveLength(0);
    expect(fake.requests).toHaveLength(0);
  });

  it('Send again sends the file once more, with the typed message', async () => {
    const { fake, user } = await panelWithLedger([delivered('report.pdf', 2048, 2 * MINUTE)]);
    await user.type(screen.getByTestId('message-input'), 'v2, for real');
    await dropOnPanel([createFile('report.pdf', 2048)]);
    await user.click(await screen.findByRole('button', { name: 'Send again' }));
    await waitFor(() => expect(fake.requests).toHaveLength(1));
    expect(fake.requests[0]).toMatchObject({ name: 'report.pdf', message: 'v2, for real' });
    expect(screen.queryByTestId('already-sent')).toBeNull();
  });

  it('Skip sends nothing and keeps the typed message', async () => {
    const { fake, user } = await panelWithLedger([delivered('report.pdf', 2048, 2 * MINUTE)]);
    await user.type(screen.getByTestId('message-input'), 'see attached');
    await dropOnPanel([createFile('report.pdf', 2048)]);
    await user.click(await screen.findByRole('button', { name: 'Skip' }));
    expect(screen.queryByTestId('already-sent')).toBeNull();
    expect(screen.queryAllByTestId('upload-row')).toHaveLength(0);
    expect(fake.requests).toHaveLength(0);
    expect(screen.getByTestId('message-input')).toHaveValue('see attached');
  });

  it('a batch asks once for all its files already in the chat; the new ones go at once', async () => {
    const { fake, user } = await panelWithLedger([
      delivered('a.pdf', 100, MINUTE),
      delivered('b.pdf', 200, 3 * MINUTE),
    ]);
    await dropOnPanel([
      createFile('a.pdf', 100),
      createFile('new.pdf', 300),
      createFile('b.pdf', 200),
    ]);
    await screen.findByTestId('already-sent');
    expect(screen.getAllByTestId('already-sent')).toHaveLength(1);
    expect(promptText()).toContain('2 of these files were sent to Marketing recently');
    expect(promptText()).toContain('a.pdf (100 bytes), 1 minute ago');
    expect(promptText()).toContain('b.pdf (200 bytes), 3 minutes ago');
    await waitFor(() => expect(fake.requests.map((r) => r.name)).toEqual(['new.pdf']));
    await user.click(screen.getByRole('button', { name: 'Send again' }));
    await waitFor(() =>
      expect(fake.requests.map((r) => r.name).sort()).toEqual(['a.pdf', 'b.pdf', 'new.pdf']),
    );
  });

  it('asks about a file delivered earlier in this session too, and not about a different size', async () => {
    const { fake } = renderPanel();
    await screen.findByText('Marketing');
    await dropOnPanel([createFile('x.txt', 5)]);
    await waitFor(() => expect(fake.requests).toHaveLength(1));
    await waitFor(() =>
      expect(screen.getByTestId('upload-row')).toHaveAttribute('data-phase', 'delivered'),
    );
    await dropOnPanel([createFile('x.txt', 6)]);
    await waitFor(() => expect(fake.requests).toHaveLength(2));
    expect(screen.queryByTestId('already-sent')).toBeNull();
    await dropOnPanel([createFile('x.txt', 5)]);
    await screen.findByTestId('already-sent');
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(fake.requests).toHaveLength(2);
  });

  it('does not ask about a file delivered more than a day ago, nor one that failed', async () => {
    const { fake } = await panelWithLedger([
      delivered('old.pdf', 10, 25 * 60 * MINUTE),
      { ...delivered('failed.pdf', 10, MINUTE), state: 'failed' },
    ]);
    await dropOnPanel([createFile('old.pdf', 10), createFile('failed.pdf', 10)]);
    await waitFor(() => expect(fake.requests).toHaveLength(2));
    expect(screen.queryByTestId('already-sent')).toBeNull();
  });
});
