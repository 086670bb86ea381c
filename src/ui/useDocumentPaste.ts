import { useEffect, type RefObject } from 'react';
import { carriesFiles } from './carriesFiles.ts';

/**
 * Files pasted while nothing inside the panel has focus land on `<body>`, outside the drop zone
 * (react-dropzone handles a paste inside it): hands them to `addFiles` too.
 */
export function useDocumentPaste(
  addFiles: (files: readonly File[]) => void,
  rootRef: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent): void => {
      const target = event.target as Node | null;
      if (target && rootRef.current?.contains(target)) return;
      if (!carriesFiles(event.clipboardData)) return;
      const pasted = Array.from(event.clipboardData?.files ?? []);
      if (pasted.length === 0) return;
      event.preventDefault();
      addFiles(pasted);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [addFiles, rootRef]);
}
