import { describe, expect, it } from 'vitest';
import { createItems } from '../../../src/core/createItems.ts';
import { MAX_FILE_BYTES } from '../../../src/core/validateFile.ts';
import { createFile } from '../../support/doubles/createFile.ts';

let n = 0;
const newId = (): string => `id-${++n}`;

describe('createItems', () => {
  it('queues accepted files in order, each with its own id and nothing read yet', () => {
    const items = createItems(
      [createFile('a.txt'), createFile('b.txt')],
      { dialogId: 'chat5' },
      7,
      newId,
    );
    expect(items.map((item) => [item.name, item.phase, item.attempts, item.addedAt])).toEqual([
      ['a.txt', 'queued', 0, 7],
      ['b.txt', 'queued', 0, 7],
    ]);
    expect(new Set(items.map((item) => item.id)).size).toBe(2);
  });

  it('sends the batch text with the first accepted file only, so the chat shows it once', () => {
    const items = createItems(
      [createFile('big.bin', MAX_FILE_BYTES + 1), createFile('a.txt'), createFile('b.txt')],
      { dialogId: 'chat5', message: 'Minutes' },
      0,
      newId,
    );
    expect(items.map((item) => item.message)).toEqual([undefined, 'Minutes', undefined]);
  });

  it('asks a message function per accepted file', () => {
    const items = createItems(
      [createFile('a.txt'), createFile('b.txt')],
      { dialogId: 'chat5', message: (file, index) => `${file.name}#${index}` },
      0,
      newId,
    );
    expect(items.map((item) => item.message)).toEqual(['a.txt#0', 'b.txt#1']);
  });

  it('refuses every file without a chat (WIDGET_NOT_IN_CHAT) and a too large one before reading', () => {
    const noChat = createItems([createFile('a.txt')], { dialogId: '  ' }, 0, newId);
    expect(noChat[0]).toMatchObject({ phase: 'failed', error: { code: 'WIDGET_NOT_IN_CHAT' } });
    const large = createItems(
      [createFile('a.bin', MAX_FILE_BYTES + 1)],
      { dialogId: 'c' },
      0,
      newId,
    );
    expect(large[0]).toMatchObject({ phase: 'failed', error: { code: 'FILE_TOO_LARGE' } });
  });

  it('trims the dialog id and cleans the name of path separators only', () => {
    const [item] = createItems([createFile(' ../a.txt ')], { dialogId: ' chat5 ' }, 0, newId);
    expect(item).toMatchObject({ dialogId: 'chat5', name: ' .._a.txt ' });
  });
});
