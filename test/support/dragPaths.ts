import type { FrameLocator, Page } from 'playwright-core';

/**
 * Drags files or folders from disk onto the widget's panel the way the operating system does:
 * through Chromium's own drag pipeline (CDP `Input.dispatchDragEvent` with file paths), so a
 * folder arrives as a real directory entry (`webkitGetAsEntry().isDirectory`), which a synthetic
 * `DragEvent` built in page script cannot carry. The drop lands on the centre of
 * `[data-testid="dropzone"]` inside the app frame (Chromium routes it into the cross-origin frame).
 */
export function dragPaths(
  page: Page,
  frame: FrameLocator,
  paths: readonly string[],
): Promise<void> {
  return dragData(page, frame, { files: paths });
}

/** One non-file item of a drag, e.g. `{ mimeType: 'text/uri-list', data: 'https://…' }`. */
export interface DragItem {
  readonly mimeType: string;
  readonly data: string;
}

/**
 * Drags text items (a link, a selection) and/or paths onto the widget's panel through Chromium's
 * drag pipeline, like `dragPaths`.
 */
export async function dragData(
  page: Page,
  frame: FrameLocator,
  drag: { readonly files?: readonly string[]; readonly items?: readonly DragItem[] },
): Promise<void> {
  // Aim at the drop zone near the top of the panel: the panel's own centre may lie below the
  // visible part of the frame once the ledger or the queue makes it tall, and a drop there
  // would land on the portal page instead. Any point of the panel accepts a drop.
  const zone = frame.getByTestId('dropzone');
  await zone.scrollIntoViewIfNeeded();
  const box = await zone.boundingBox();
  if (!box) throw new Error('dragData: the drop zone is not visible');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  try {
    // dragOperationsMask 1 = copy, what a file manager offers.
    const data = {
      items: (drag.items ?? []).map((i) => ({ mimeType: i.mimeType, data: i.data })),
      files: [...(drag.files ?? [])],
      dragOperationsMask: 1,
    };
    await cdp.send('Input.dispatchDragEvent', { type: 'dragEnter', x, y, data });
    await cdp.send('Input.dispatchDragEvent', { type: 'dragOver', x, y, data });
    await cdp.send('Input.dispatchDragEvent', { type: 'drop', x, y, data });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
