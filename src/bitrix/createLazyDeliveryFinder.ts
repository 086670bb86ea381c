import type { TypeB24 } from '@bitrix24/b24jssdk';
import type { DeliveryFinder, DeliveryFinderOptions } from './createDeliveryFinder.ts';
import type { UploadInterceptor } from './createUploadInterceptor.ts';

/**
 * {@link DeliveryFinder} whose code (history reading, stored-bytes comparison) is a separate chunk
 * loaded on first use: only a batch's reconciliation or an unknown outcome reads the chat, never
 * the first paint (issue 13's startup budget, docs/PERFORMANCE.md). When the chunk cannot be
 * fetched (offline after an app upgrade) the call rejects like a failed read — core then treats a
 * delivery check as not possible (the file asks to check the chat) — and the next call retries.
 */
export function createLazyDeliveryFinder(
  b24: TypeB24,
  interceptor: UploadInterceptor,
  options: DeliveryFinderOptions = {},
): DeliveryFinder {
  let finder: Promise<DeliveryFinder> | undefined;
  const load = (): Promise<DeliveryFinder> => {
    finder ??= import('./createDeliveryFinder.ts').then(
      ({ createDeliveryFinder }) => createDeliveryFinder(b24, interceptor, options),
      (error: unknown) => {
        finder = undefined;
        throw error;
      },
    );
    return finder;
  };
  return {
    findDelivery: async (query) => (await load()).findDelivery(query),
    listOwnFileMessages: async (query) => (await load()).listOwnFileMessages(query),
    deleteMessage: async (messageId, signal) => (await load()).deleteMessage(messageId, signal),
  };
}
