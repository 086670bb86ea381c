import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeliveryFinder } from '../../../src/bitrix/createDeliveryFinder.ts';
import type { UploadInterceptor } from '../../../src/bitrix/createUploadInterceptor.ts';
import type { TypeB24 } from '@bitrix24/b24jssdk';

const FINDER_MODULE = '../../../src/bitrix/createDeliveryFinder.ts';
const RECEIPT = { messageId: 7, fileId: 8, chatId: 5, dialogId: 'chat5', storedName: 'a.pdf' };
const QUERY = { dialogId: 'chat5', name: 'a.pdf', size: 3, since: 0 };

afterEach(() => {
  vi.doUnmock(FINDER_MODULE);
  vi.resetModules();
});

/** A fresh createLazyDeliveryFinder, so its chunk has not been loaded yet. */
async function lazyFinder(): Promise<DeliveryFinder> {
  vi.resetModules();
  const { createLazyDeliveryFinder } =
    await import('../../../src/bitrix/createLazyDeliveryFinder.ts');
  return createLazyDeliveryFinder({} as TypeB24, {} as UploadInterceptor);
}

describe('createLazyDeliveryFinder: reading the chat from a lazy chunk', () => {
  it('a chunk that cannot be fetched rejects the read (core: outcome unknown), and the next read loads it', async () => {
    vi.doMock(FINDER_MODULE, () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const finder = await lazyFinder();
    await expect(finder.findDelivery(QUERY)).rejects.toThrow();
    await expect(finder.listOwnFileMessages(QUERY)).rejects.toThrow();
    await expect(finder.deleteMessage(7)).rejects.toThrow();

    const loaded: DeliveryFinder = {
      findDelivery: vi.fn(async () => RECEIPT),
      listOwnFileMessages: vi.fn(async () => []),
      deleteMessage: vi.fn(async () => undefined),
    };
    vi.doMock(FINDER_MODULE, () => ({ createDeliveryFinder: () => loaded }));
    await expect(finder.findDelivery(QUERY)).resolves.toEqual(RECEIPT);
    await finder.deleteMessage(7);
    expect(loaded.findDelivery).toHaveBeenCalledWith(QUERY);
    expect(loaded.deleteMessage).toHaveBeenCalledWith(7, undefined);
  });
});
