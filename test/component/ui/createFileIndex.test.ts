import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createUploadQueue } from '../../../src/core/index.ts';
import { createFileIndex } from '../../../src/ui/createFileIndex.ts';
import { createFakeEncoder } from '../../support/doubles/createFakeEncoder.ts';
import { createFakeTransport } from '../../support/doubles/createFakeTransport.ts';
import { createFile } from '../../support/doubles/createFile.ts';

const queues: { dispose(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(queues.splice(0).map((queue) => queue.dispose()));
});

describe('createFileIndex', () => {
  it('forgets the file of a removed or cleared row and keeps the others', async () => {
    const fake = createFakeTransport();
    const queue = createUploadQueue({ transport: fake.transport, encoder: createFakeEncoder() });
    queues.push(queue);
    const index = createFileIndex();
    const picked = [createFile('a.png', 3), createFile('b.png', 3), createFile('c.png', 3)];
    const items = queue.addFiles(picked, { dialogId: 'chat5' });
    index.remember(items, picked);
    const [a = '', b = '', c = ''] = items.map((item) => item.id);
    expect([a, b, c].map((id) => index.fileFor(id))).toEqual(picked);
    await waitFor(() =>
      expect(queue.store.getState().items.every((item) => item.phase === 'delivered')).toBe(true),
    );

    queue.remove(a);
    index.keepOnly(queue.store.getState().items);
    expect(index.fileFor(a)).toBeUndefined();
    expect(index.size).toBe(2);

    fake.hold();
    const later = [createFile('d.png', 3)];
    const [d] = queue.addFiles(later, { dialogId: 'chat5' });
    index.remember(d ? [d] : [], later);
    queue.clearFinished();
    index.keepOnly(queue.store.getState().items);
    expect([b, c].map((id) => index.fileFor(id))).toEqual([undefined, undefined]);
    expect(index.fileFor(d?.id ?? '')).toBe(later[0]);
    expect(index.size).toBe(1);
  });
});
