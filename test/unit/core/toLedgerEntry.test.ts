import { describe, expect, it } from 'vitest';
import { toLedgerEntry } from '../../../src/core/toLedgerEntry.ts';
import type { Phase, UploadError, UploadItem } from '../../../src/core/types.ts';
import { initialProgress } from '../../../src/core/uploadReducer.ts';
import { createLedgerEntry } from '../../support/doubles/createLedgerEntry.ts';

function item(phase: Phase, error?: UploadError): UploadItem {
  return {
    id: 'a',
    name: 'a.txt',
    size: 3,
    mimeType: 'text/plain',
    lastModified: 1,
    dialogId: 'chat5',
    message: 'secret text is not kept',
    phase,
    progress: initialProgress(3),
    error,
    receipt:
      phase === 'delivered' ? { messageId: 7, fileId: 8, chatId: 5, dialogId: 'chat5' } : undefined,
    attempts: 1,
    addedAt: 0,
  };
}

describe('toLedgerEntry', () => {
  it.each<[Phase, string | undefined]>([
    ['queued', 'unfinished'],
    ['reading', 'unfinished'],
    ['waiting', 'unfinished'],
    ['sending', 'unknown'],
    ['checking', 'unknown'],
    ['delivered', 'delivered'],
    ['cancelled', undefined],
  ])(
    'remembers a %s file as %s (nothing sent yet ⇒ unfinished; maybe sent ⇒ unknown)',
    (phase, state) => {
      expect(toLedgerEntry(item(phase), 5)?.state).toBe(state);
    },
  );

  it('keeps a failure whose file may be in the chat as unknown, a refusal as failed', () => {
    const lost = item('failed', { code: 'NETWORK_ERROR', origin: 'transport' });
    const refused = item('failed', { code: 'FILE_TOO_LARGE', origin: 'server', status: 400 });
    expect(toLedgerEntry(lost, 5)).toMatchObject({ state: 'unknown', errorCode: 'NETWORK_ERROR' });
    expect(toLedgerEntry(refused, 5)).toMatchObject({
      state: 'failed',
      errorCode: 'FILE_TOO_LARGE',
    });
  });

  it('keeps only names, sizes, states and message ids, never the message text', () => {
    // Every field a LedgerEntry has (the double is typed as one, no more), nothing else.
    expect(toLedgerEntry(item('delivered'), 5)).toEqual(createLedgerEntry({ at: 5 }));
  });
});
