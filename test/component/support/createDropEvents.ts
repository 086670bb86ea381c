import { fireEvent, screen } from '@testing-library/react';

/** A DataTransfer-like object carrying files, as a browser drag has (react-dropzone `createDtWithFiles`). */
export function dataTransferWithFiles(files: readonly File[]) {
  return {
    dropEffect: 'none',
    effectAllowed: 'all',
    files,
    items: files.map((file) => ({ kind: 'file', type: file.type, getAsFile: () => file })),
    types: ['Files'],
  };
}

/** A drag of a link or selected text: no files at all. */
export function dataTransferWithText(text: string) {
  return {
    dropEffect: 'none',
    effectAllowed: 'all',
    files: [],
    items: [
      { kind: 'string', type: 'text/plain', getAsString: (cb: (s: string) => void) => cb(text) },
    ],
    types: ['text/plain', 'text/uri-list'],
    getData: () => text,
  };
}

/** Drags `dataTransfer` over `target` and drops it, through real DOM events. */
export async function drop(target: Element, dataTransfer: object): Promise<void> {
  fireEvent.dragEnter(target, { dataTransfer });
  fireEvent.dragOver(target, { dataTransfer });
  fireEvent.drop(target, { dataTransfer });
  // react-dropzone reads the files asynchronously (getFilesFromEvent).
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Drops `files` on the rendered panel (`data-testid="chat-drop"`), as a person's drag does. */
export function dropOnPanel(files: readonly File[]): Promise<void> {
  return drop(screen.getByTestId('chat-drop'), dataTransferWithFiles(files));
}
