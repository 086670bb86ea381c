import type { UploadItem } from '../../../src/core/types.ts';

let counter = 0;

/** An item as the engine's store holds it, for rendering a row in a given phase. */
export function makeItem(overrides: Partial<UploadItem> = {}): UploadItem {
  counter += 1;
  return {
    id: `item-${counter}`,
    name: 'report.pdf',
    size: 2 * 1024 * 1024,
    mimeType: 'application/pdf',
    lastModified: 1,
    dialogId: 'chat5',
    message: undefined,
    phase: 'queued',
    progress: {
      bytesTotal: 2 * 1024 * 1024,
      bytesRead: 0,
      bytesSent: 0,
      sendTotal: undefined,
      percentage: undefined,
      speed: undefined,
      secondsLeft: undefined,
    },
    error: undefined,
    receipt: undefined,
    attempts: 0,
    addedAt: 1,
    ...overrides,
  };
}
