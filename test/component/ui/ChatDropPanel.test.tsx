import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LedgerEntry } from '../../../src/core/types.ts';
import { createLedgerEntry } from '../../support/doubles/createLedgerEntry.ts';
import { createFile } from '../../support/doubles/createFile.ts';
import {
  dataTransferWithFiles,
  dataTransferWithText,
  drop,
  dropOnPanel,
} from '../support/createDropEvents.ts';
import '../support/componentEnvironment.ts';
import { renderPanel } from '../support/renderPanel.tsx';

function rows() {
  return screen.queryAllByTestId('upload-row');
}

function rowOf(name: string): HTMLElement {
  const row = rows().find((element) => element.dataset.name === name);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

/**
 * Each blob's object URL is `blob:<label>`, the label being what the test gave that very File
 * object, so a thumbnail shows which file it was made from.
 */
function labelObjectUrls(labels: ReadonlyMap<Blob, string>): void {
  vi.spyOn(URL, 'createObjectURL').mockImplementation(
    (blob) => `blob:${labels.get(blob as Blob) ?? 'unknown'}`,
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

function ledgerEntry(overrides: Partial<LedgerEntry>): LedgerEntry {
  return createLedgerEntry({
    id: 'old',
    name: 'old.pdf',
    size: 10,
    messageId: undefined,
    ...overrides,
  });
}

describe('ChatDropPanel', () => {
  it('sends dropped files to the placement chat and shows them delivered', async () => {
    const { fake } = renderPanel();
    await screen.findByText('Marketing');
    await dropOnPanel([createFile('report.pdf', 2048)]);
    await waitFor(() => expect(rowOf('report.pdf').dataset.phase).toBe('delivered'));
    expect(fake.requests.map((r) => [r.name, r.dialogId])).toEqual([['report.pdf', 'chat5']]);
  });

  it('refuses a file over 100 MB before reading it (faked size, nothing allocated)', async () => {
    const { encoder, fake } = renderPanel();
    await dropOnPanel([createFile('huge.iso', 104_857_601)]);
    await waitFor(() => expect(rowOf('huge.iso').dataset.phase).toBe('failed'));
    expect(rowOf('huge.iso')).toHaveTextContent('larger than 100 MB');
    expect(within(rowOf('huge.iso')).queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(encoder.calls).toHaveLength(0);
    expect(fake.requests).toHaveLength(0);
  });

  it('accepts exactly 100 MB', async () => {
    renderPanel();
    await dropOnPanel([createFile('max.bin', 104_857_600)]);
    await waitFor(() => expect(rowOf('max.bin').dataset.phase).toBe('delivered'));
  });

  it('adds files picked with the hidden file input', async () => {
    const { user } = renderPanel();
    await user.upload(screen.getByTestId('file-input'), [createFile('a.txt', 10, 'text/plain')]);
    await waitFor(() => expect(rowOf('a.txt').dataset.phase).toBe('delivered'));
  });

  it('opens the file picker on click, Enter and Space', async () => {
    const { user } = renderPanel();
    const input = screen.getByTestId('file-input') as HTMLInputElement;
    const click = vi.spyOn(input, 'click');
    const zone = screen.getByRole('button', { name: /Drop files here/ });
    await user.click(zone);
    zone.focus();
    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(click).toHaveBeenCalledTimes(3);
  });

  it('adds pasted files (Ctrl/Cmd+V of a screenshot)', async () => {
    renderPanel();
    const image = createFile('screenshot.png', 5000, 'image/png');
    fireEvent.paste(screen.getByTestId('message-input'), {
      clipboardData: dataTransferWithFiles([image]),
    });
    await waitFor(() => expect(rowOf('screenshot.png').dataset.phase).toBe('delivered'));
  });

  it('leaves a paste of plain text to the message field', async () => {
    renderPanel();
    const input = screen.getByTestId('message-input');
    const event = fireEvent.paste(input, { clipboardData: dataTransferWithText('hello') });
    expect(event).toBe(true);
    expect(rows()).toHaveLength(0);
    expect(screen.queryByTestId('notice')).toBeNull();
  });

  it('explains that only files can be dropped when a link or text is dragged in', async () => {
    renderPanel();
    await drop(screen.getByTestId('chat-drop'), dataTransferWithText('https://example.com'));
    expect(screen.getByTestId('notice')).toHaveTextContent('Only files can be dropped here');
    expect(rows()).toHaveLength(0);
  });

  it('explains a folder drop the browser could not read into files', async () => {
    renderPanel();
    await drop(screen.getByTestId('chat-drop'), { files: [], items: [], types: ['Files'] });
    await waitFor(() =>
      expect(screen.getByTestId('notice')).toHaveTextContent(
        'This folder is empty or your browser cannot read folders',
      ),
    );
  });

  it('adds the files of a dropped folder, including its subfolders', async () => {
    const { fake } = renderPanel();
    const fileEntry = (file: File) => ({
      isFile: true,
      isDirectory: false,
      name: file.name,
      fullPath: `/photos/${file.name}`,
      file: (resolve: (f: File) => void) => resolve(file),
    });
    const dirEntry = (name: string, children: object[]) => {
      let served = false;
      return {
        isFile: false,
        isDirectory: true,
        name,
        createReader: () => ({
          // Browsers hand out entries in batches and an empty batch at the end.
          readEntries: (resolve: (batch: object[]) => void) => {
            const batch = served ? [] : children;
            served = true;
            resolve(batch);
          },
        }),
      };
    };
    const folder = dirEntry('photos', [
      fileEntry(createFile('a.jpg', 10, 'image/jpeg')),
      fileEntry(createFile('b.jpg', 10, 'image/jpeg')),
      dirEntry('raw', [fileEntry(createFile('c.raw', 10))]),
    ]);
    await drop(screen.getByTestId('chat-drop'), {
      files: [],
      items: [{ kind: 'file', type: '', getAsFile: () => null, webkitGetAsEntry: () => folder }],
      types: ['Files'],
    });
    await waitFor(() =>
      expect(fake.requests.map((r) => r.name).sort()).toEqual(['a.jpg', 'b.jpg', 'c.raw']),
    );
    expect(screen.queryByTestId('notice')).toBeNull();
  });

  it('explains a folder the browser fails to read, without a console error', async () => {
    const errors = vi.spyOn(console, 'error');
    renderPanel();
    const unreadable = {
      isFile: false,
      isDirectory: true,
      name: 'locked',
      createReader: () => ({
        readEntries: (_ok: unknown, fail: (error: Error) => void) =>
          fail(new Error('NotReadableError')),
      }),
    };
    await drop(screen.getByTestId('chat-drop'), {
      files: [],
      items: [
        { kind: 'file', type: '', getAsFile: () => null, webkitGetAsEntry: () => unreadable },
      ],
      types: ['Files'],
    });
    await waitFor(() =>
      expect(screen.getByTestId('notice')).toHaveTextContent('your browser cannot read folders'),
    );
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('shows a clear drop target while files are dragged over the panel', async () => {
    renderPanel();
    await screen.findByText('Marketing');
    const panel = screen.getByTestId('chat-drop');
    fireEvent.dragEnter(panel, { dataTransfer: dataTransferWithFiles([createFile('x.txt', 1)]) });
    await screen.findByText('Release to send to Marketing');
    fireEvent.dragLeave(panel, { dataTransfer: dataTransferWithFiles([createFile('x.txt', 1)]) });
    await waitFor(() => expect(screen.queryByText('Release to send to Marketing')).toBeNull());
  });

  it('cancels a file being sent and retries it', async () => {
    const { fake, user } = renderPanel();
    fake.hold();
    await dropOnPanel([createFile('slow.bin', 1000)]);
    await waitFor(() => expect(rowOf('slow.bin').dataset.phase).toBe('sending'));
    await user.click(within(rowOf('slow.bin')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(rowOf('slow.bin').dataset.phase).not.toBe('sending'));
    expect(['cancelled', 'checking']).toContain(rowOf('slow.bin').dataset.phase);
    await waitFor(() => expect(rowOf('slow.bin').dataset.phase).toBe('cancelled'));
    fake.answer((request) => ({
      ok: true,
      receipt: { messageId: 1, fileId: 2, chatId: 5, dialogId: request.dialogId },
    }));
    await user.click(within(rowOf('slow.bin')).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(rowOf('slow.bin').dataset.phase).toBe('delivered'));
  });

  it('removes a finished row', async () => {
    const { user } = renderPanel();
    await dropOnPanel([createFile('done.txt', 5)]);
    await waitFor(() => expect(rowOf('done.txt').dataset.phase).toBe('delivered'));
    // A delivered row's Remove says where from: the list, not the chat.
    await user.click(within(rowOf('done.txt')).getByRole('button', { name: 'Remove from list' }));
    expect(rows()).toHaveLength(0);
  });

  it('cancels all files at once and clears finished ones', async () => {
    const { fake, user } = renderPanel();
    fake.hold();
    await dropOnPanel([createFile('1.bin', 10), createFile('2.bin', 10), createFile('3.bin', 10)]);
    await waitFor(() => expect(rowOf('1.bin').dataset.phase).toBe('sending'));
    await user.click(screen.getByRole('button', { name: 'Cancel all' }));
    await waitFor(() =>
      expect(rows().every((row) => row.dataset.phase === 'cancelled')).toBe(true),
    );
    await user.click(screen.getByRole('button', { name: 'Clear finished' }));
    expect(rows()).toHaveLength(0);
  });

  it('offers Retry for a refused upload and sends it again on request', async () => {
    const { fake, user } = renderPanel();
    fake.refuse({ code: 'UPLOAD_FAILED', origin: 'server', status: 400 });
    await dropOnPanel([createFile('x.doc', 10)]);
    await waitFor(() => expect(rowOf('x.doc').dataset.phase).toBe('failed'));
    expect(rowOf('x.doc')).toHaveTextContent('The portal could not store the file.');
    expect(fake.requests).toHaveLength(1);
    fake.answer((request) => ({
      ok: true,
      receipt: { messageId: 9, fileId: 2, chatId: 5, dialogId: request.dialogId },
    }));
    await user.click(within(rowOf('x.doc')).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(rowOf('x.doc').dataset.phase).toBe('delivered'));
    expect(fake.requests).toHaveLength(2);
  });

  it('shows the error code only inside the details disclosure, never the raw description', async () => {
    const { fake } = renderPanel();
    fake.refuse({
      code: 'ACCESS_DENIED',
      origin: 'server',
      status: 403,
      detail: 'Access denied! stack at foo.php:12',
    });
    await dropOnPanel([createFile('x.doc', 10)]);
    await waitFor(() => expect(rowOf('x.doc').dataset.phase).toBe('failed'));
    const row = rowOf('x.doc');
    expect(row).not.toHaveTextContent('foo.php');
    const details = row.querySelector('details');
    expect(details).not.toBeNull();
    expect(within(details as HTMLElement).getByText('Code: ACCESS_DENIED')).toBeInTheDocument();
  });

  it('renders an HTML file name as text, not markup', async () => {
    renderPanel();
    const name = '<img src=x onerror=alert(1)>.png';
    await dropOnPanel([createFile(name, 10, 'text/plain')]);
    await waitFor(() => expect(rowOf(name).dataset.phase).toBe('delivered'));
    expect(rowOf(name).querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(within(rowOf(name)).getByText(name)).toHaveAttribute('title', name);
  });

  it('keeps long and right-to-left names in one line with dir=auto and a title', async () => {
    renderPanel();
    const long = `${'a'.repeat(251)}.txt`;
    const rtl = 'تقرير سنوي.pdf';
    await dropOnPanel([createFile(long, 3), createFile(rtl, 3)]);
    await waitFor(() => expect(rows()).toHaveLength(2));
    for (const name of [long, rtl]) {
      const label = within(rowOf(name)).getByText(name);
      expect(label).toHaveAttribute('dir', 'auto');
      expect(label).toHaveAttribute('title', name);
      expect(label).toHaveClass('cd-row__name');
    }
  });

  it('announces results politely for screen readers', async () => {
    renderPanel();
    await dropOnPanel([createFile('said.txt', 3)]);
    await waitFor(() =>
      expect(screen.getByTestId('announcer')).toHaveTextContent('said.txt delivered'),
    );
    expect(screen.getByTestId('announcer')).toHaveAttribute('aria-live', 'polite');
  });

  it('sends the message with the files and empties the field', async () => {
    const { fake, user } = renderPanel();
    await user.type(screen.getByTestId('message-input'), 'Minutes');
    await dropOnPanel([createFile('m.txt', 3), createFile('n.txt', 3)]);
    await waitFor(() => expect(fake.requests).toHaveLength(2));
    expect(fake.requests.map((r) => r.message)).toEqual(['Minutes', undefined]);
    expect(screen.getByTestId('message-input')).toHaveValue('');
  });

  it('IM_TEXTAREA: prefills the message from the chat input and clears the chat input once sent', async () => {
    const { portal, fake } = renderPanel({ placement: 'IM_TEXTAREA', inputText: 'See attached' });
    await waitFor(() => expect(screen.getByTestId('message-input')).toHaveValue('See attached'));
    expect(portal.clearChatInputText).not.toHaveBeenCalled();
    await dropOnPanel([createFile('s.txt', 3)]);
    await waitFor(() => expect(portal.clearChatInputText).toHaveBeenCalledTimes(1));
    expect(fake.requests[0]?.message).toBe('See attached');
  });

  it('IM_TEXTAREA: keeps the chat input when the file carrying its text failed', async () => {
    const { portal, fake } = renderPanel({ placement: 'IM_TEXTAREA', inputText: 'Keep me' });
    await waitFor(() => expect(screen.getByTestId('message-input')).toHaveValue('Keep me'));
    fake.refuse({ code: 'UPLOAD_FAILED', origin: 'server', status: 400 });
    await dropOnPanel([createFile('s.txt', 3)]);
    await waitFor(() => expect(rowOf('s.txt').dataset.phase).toBe('failed'));
    expect(portal.clearChatInputText).not.toHaveBeenCalled();
  });

  it('IM_SIDEBAR: does not touch the chat input', async () => {
    const { portal } = renderPanel({ placement: 'IM_SIDEBAR', inputText: 'typed' });
    await screen.findByText('Marketing');
    expect(portal.getChatInputText).not.toHaveBeenCalled();
    expect(screen.getByTestId('message-input')).toHaveValue('');
  });

  it('shows the chat name and its initials in the header', async () => {
    renderPanel({ dialogId: 'chat9' });
    // The header renders at once ("Loading…"); the chat's name arrives with the portal's answer.
    const header = await screen.findByTestId('chat-header');
    await waitFor(() => expect(header).toHaveTextContent('Design'));
  });

  it('offers earlier sessions with "Add again" that opens the picker', async () => {
    const { user } = renderPanel({
      ledger: {
        load: async () => [
          {
            id: 'old1',
            name: 'kept.pdf',
            size: 10,
            lastModified: 1,
            state: 'delivered',
            messageId: 3,
            errorCode: undefined,
            at: 1,
          },
          {
            id: 'old2',
            name: 'lost.pdf',
            size: 10,
            lastModified: 1,
            state: 'unfinished',
            messageId: undefined,
            errorCode: undefined,
            at: 1,
          },
        ],
      },
    });
    const ledger = await screen.findByTestId('ledger');
    expect(ledger).toHaveTextContent('kept.pdf');
    expect(ledger).toHaveTextContent('Not delivered');
    const click = vi.spyOn(screen.getByTestId('file-input') as HTMLInputElement, 'click');
    await user.click(
      within(ledger).getByRole('button', { name: 'Add again', description: 'lost.pdf' }),
    );
    expect(click).toHaveBeenCalled();
    expect(
      within(ledger).queryByRole('button', { name: 'Add again', description: 'kept.pdf' }),
    ).toBeNull();
  });
});

describe('ChatDropPanel: the typed message', () => {
  it('keeps the typed message when every dropped file is refused', async () => {
    const { fake, user } = renderPanel();
    await user.type(screen.getByTestId('message-input'), 'Minutes of Monday');
    await dropOnPanel([createFile('huge.iso', 104_857_601), createFile('empty.txt', 0)]);
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows().every((row) => row.dataset.phase === 'failed')).toBe(true);
    expect(screen.getByTestId('message-input')).toHaveValue('Minutes of Monday');
    // The next accepted file carries it, and only then is the field emptied.
    await dropOnPanel([createFile('ok.txt', 3)]);
    await waitFor(() => expect(fake.requests).toHaveLength(1));
    expect(fake.requests[0]?.message).toBe('Minutes of Monday');
    expect(screen.getByTestId('message-input')).toHaveValue('');
  });
});

describe('ChatDropPanel: thumbnails follow the queue item, not the file name', () => {
  it('shows the thumbnail of an image whose name the queue sanitizes', async () => {
    const image = createFile('shots\\monday.png', 1000, 'image/png');
    labelObjectUrls(new Map([[image, 'monday']]));
    renderPanel();
    await dropOnPanel([image]);
    // The queue sends `shots_monday.png` (a backslash would lose the first part on the portal).
    await waitFor(() => expect(rowOf('shots_monday.png').dataset.phase).toBe('delivered'));
    expect(rowOf('shots_monday.png').querySelector('img')).toHaveAttribute('src', 'blob:monday');
  });

  it('two pasted images with the same name, size and time each show their own thumbnail', async () => {
    const first = createFile('image.png', 1000, 'image/png');
    const second = createFile('image.png', 1000, 'image/png');
    labelObjectUrls(
      new Map([
        [first, 'first'],
        [second, 'second'],
      ]),
    );
    renderPanel();
    fireEvent.paste(screen.getByTestId('message-input'), {
      clipboardData: dataTransferWithFiles([first]),
    });
    await waitFor(() => expect(rows()).toHaveLength(1));
    await waitFor(() => expect(rowOf('image.png').dataset.phase).toBe('delivered'));
    fireEvent.paste(screen.getByTestId('message-input'), {
      clipboardData: dataTransferWithFiles([second]),
    });
    // Same name and size as a file just delivered: the panel asks, and the user sends it again.
    fireEvent.click(await screen.findByRole('button', { name: 'Send again' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows().map((row) => row.querySelector('img')?.getAttribute('src'))).toEqual([
      'blob:first',
      'blob:second',
    ]);
  });
});

describe('ChatDropPanel: earlier sessions', () => {
  it('an earlier file with an unknown outcome offers Check the chat, never a one-click Add again', async () => {
    const { portal, user } = renderPanel({
      ledger: {
        load: async () => [
          ledgerEntry({
            id: 'u',
            name: 'maybe.pdf',
            state: 'unknown',
            errorCode: 'REQUEST_TIMEOUT',
          }),
          ledgerEntry({
            id: 'f',
            name: 'refused.pdf',
            state: 'failed',
            errorCode: 'UPLOAD_FAILED',
          }),
          ledgerEntry({ id: 'n', name: 'closed.pdf', state: 'unfinished' }),
        ],
      },
    });
    const ledger = await screen.findByTestId('ledger');
    const entry = within(ledger).getByText('maybe.pdf').closest('li') as HTMLElement;
    expect(within(entry).queryByRole('button', { name: /again/ })).toBeNull();
    expect(entry).toHaveTextContent('It may already be in the chat');
    const click = vi.spyOn(screen.getByTestId('file-input') as HTMLInputElement, 'click');
    await user.click(within(entry).getByRole('button', { name: 'Check the chat for maybe.pdf' }));
    expect(portal.openMessage).toHaveBeenCalledWith('chat5', 0);
    expect(click).not.toHaveBeenCalled();
    // Refused and unfinished files are known not to be in the chat: they keep Add again.
    for (const name of ['refused.pdf', 'closed.pdf'])
      expect(
        within(ledger).getByRole('button', { name: 'Add again', description: name }),
      ).toBeInTheDocument();
  });
});

describe('ChatDropPanel in the DEFAULT placement', () => {
  it('lets nothing be dropped before a chat is picked, then sends to the picked chat', async () => {
    const { fake, user } = renderPanel({ dialogId: null });
    expect(screen.queryByTestId('dropzone')).toBeNull();
    await dropOnPanel([createFile('early.txt', 3)]);
    expect(await screen.findByTestId('notice')).toHaveTextContent('Choose a chat first');
    expect(rows()).toHaveLength(0);
    // The picker inside the panel is not marked disabled (react-dropzone's aria-disabled).
    expect(screen.getByTestId('chat-drop').closest('[aria-disabled="true"]')).toBeNull();
    await user.type(screen.getByRole('searchbox', { name: 'Search chats' }), 'des');
    const option = await screen.findByRole('button', { name: /Design/ });
    await waitFor(() => expect(screen.queryByRole('button', { name: /Marketing/ })).toBeNull());
    await user.click(option);
    expect(screen.getByTestId('chat-header')).toHaveTextContent('Design');
    await dropOnPanel([createFile('late.txt', 3)]);
    await waitFor(() => expect(rowOf('late.txt').dataset.phase).toBe('delivered'));
    expect(fake.requests.map((r) => r.dialogId)).toEqual(['chat9']);
    await user.click(screen.getByRole('button', { name: 'Change chat' }));
    expect(await screen.findByRole('button', { name: /Marketing/ })).toBeInTheDocument();
  });
});

describe('ChatDropPanel: Change chat', () => {
  it('refuses dropped and pasted files while the chat picker is open after Change chat', async () => {
    const { fake, user } = renderPanel({ dialogId: null });
    await user.type(screen.getByRole('searchbox', { name: 'Search chats' }), 'des');
    await user.click(await screen.findByRole('button', { name: /Design/ }));
    expect(screen.getByTestId('chat-header')).toHaveTextContent('Design');
    await user.click(screen.getByRole('button', { name: 'Change chat' }));
    expect(await screen.findByRole('searchbox', { name: 'Search chats' })).toBeInTheDocument();

    const panel = screen.getByTestId('chat-drop');
    fireEvent.dragEnter(panel, { dataTransfer: dataTransferWithFiles([createFile('x.txt', 1)]) });
    expect(await screen.findByText('Choose a chat first')).toBeInTheDocument();
    await drop(panel, dataTransferWithFiles([createFile('dropped.txt', 3)]));
    expect(await screen.findByTestId('notice')).toHaveTextContent('Choose a chat first');
    fireEvent.paste(document.body, {
      clipboardData: dataTransferWithFiles([createFile('pasted.png', 3, 'image/png')]),
    });
    await act(async () => undefined);
    expect(rows()).toHaveLength(0);
    expect(fake.requests).toHaveLength(0);
    expect(screen.getByTestId('notice')).toHaveTextContent('Choose a chat first');
  });
});

describe('ChatDropPanel languages', () => {
  it('speaks Russian with correct plurals in the batch bar', async () => {
    renderPanel({ lang: 'ru' });
    await dropOnPanel(Array.from({ length: 5 }, (_, i) => createFile(`f${i}.txt`, 3)));
    await waitFor(() =>
      expect(screen.getByTestId('batch-bar')).toHaveTextContent('5 файлов · 5 доставлено'),
    );
    expect(screen.getByText('Перетащите файлы сюда')).toBeInTheDocument();
  });

  it('speaks German', async () => {
    renderPanel({ lang: 'de' });
    await dropOnPanel([createFile('a.txt', 3)]);
    await waitFor(() =>
      expect(screen.getByTestId('batch-bar')).toHaveTextContent('1 Datei · 1 zugestellt'),
    );
    expect(screen.getByRole('button', { name: 'Erledigte entfernen' })).toBeInTheDocument();
  });

  it('falls back to English for an unknown portal language', async () => {
    renderPanel({ lang: 'xx' });
    expect(screen.getByText('Drop files here')).toBeInTheDocument();
    await act(async () => undefined);
  });
});
