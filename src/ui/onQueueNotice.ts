import type { UploadEvents } from '../core/UploadEvents.ts';
import type { Translator } from '../i18n/createTranslator.ts';
import type { UploadQueueLike } from './UploadQueueLike.ts';

/** What a queue-wide notice says, also read out by the panel's live region. */
export type QueueNotice =
  | { readonly kind: 'paused'; readonly resumeAt: number }
  | { readonly kind: 'access-lost'; readonly dialogId: string }
  | { readonly kind: 'duplicate-removed'; readonly name: string }
  | { readonly kind: 'duplicate-found'; readonly name: string; readonly messageId: number };

/** The sentence for a notice, in the person's language. */
export function describeQueueNotice(notice: QueueNotice, translator: Translator): string {
  switch (notice.kind) {
    case 'paused':
      return translator.t('phase_waitingUntil', {
        time: translator.formatClockTime(notice.resumeAt),
      });
    case 'access-lost':
      return translator.t('chatAccessLost');
    case 'duplicate-removed':
      return translator.t('duplicateRemoved', { name: notice.name });
    case 'duplicate-found':
      return translator.t('duplicateFound', { name: notice.name });
  }
}

/**
 * Subscribes to the engine's queue-wide events and hands each one on as a {@link QueueNotice}:
 * the upload method paused by the portal (`uploads-paused`, until `uploads-resumed`), access to a
 * chat lost (`chat-access-lost`: one notice for the chat, not one per file), and an extra copy
 * the browser sent on its own, removed (`duplicate-removed`) or left for the person to remove
 * (`duplicate-found`). Returns the unsubscribe function.
 */
export function onQueueNotice(
  queue: Pick<UploadQueueLike, 'events' | 'store'>,
  handle: (notice: QueueNotice | { readonly kind: 'resumed' }) => void,
): () => void {
  const nameOf = (id: string): string =>
    queue.store.getState().items.find((item) => item.id === id)?.name ?? '';
  const duplicate =
    (kind: 'duplicate-removed' | 'duplicate-found') =>
    ({ id, messageId }: UploadEvents['duplicate-found']): void =>
      handle(
        kind === 'duplicate-found'
          ? { kind, name: nameOf(id), messageId }
          : { kind, name: nameOf(id) },
      );
  const { events } = queue;
  const offs = [
    events.on('uploads-paused', ({ resumeAt }) => handle({ kind: 'paused', resumeAt })),
    events.on('uploads-resumed', () => handle({ kind: 'resumed' })),
    events.on('chat-access-lost', ({ dialogId }) => handle({ kind: 'access-lost', dialogId })),
    events.on('duplicate-removed', duplicate('duplicate-removed')),
    events.on('duplicate-found', duplicate('duplicate-found')),
  ];
  return () => {
    for (const off of offs) off();
  };
}
