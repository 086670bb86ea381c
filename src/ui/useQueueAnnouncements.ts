import { useEffect, useState } from 'react';
import type { UploadItem } from '../core/types.ts';
import type { Translator } from '../i18n/createTranslator.ts';
import { describeFailure } from './describeFailure.ts';
import { describeSummary } from './describeSummary.ts';
import { describeQueueNotice, onQueueNotice } from './onQueueNotice.ts';
import { isFinished, summarizeItems } from './summarizeItems.ts';
import type { UploadQueueLike } from './UploadQueueLike.ts';

/** At most this many per-file sentences are read at once; a summary follows for the rest. */
const MAX_SENTENCES = 3;

/**
 * The latest sentence for the panel's `aria-live` region, from the engine's events: files added,
 * each file delivered or failed, and the summary when a batch of several files is done. Events of
 * one moment (a drop of many files) become one message. The panel's only voice: toasts are not
 * read out, so nothing is announced twice.
 */
export function useQueueAnnouncements(queue: UploadQueueLike, translator: Translator): string {
  const [message, setMessage] = useState('');
  useEffect(() => {
    let added = 0;
    let sentences: string[] = [];
    let finished = false;
    let pending = false;
    /** Items seen since the last summary, to know when "several files" are done. */
    let seen = new Set<string>();
    let live = true;

    const flush = (): void => {
      pending = false;
      if (!live) return;
      const items = queue.store.getState().items.filter((item) => seen.has(item.id));
      const done = finished && items.length > 1 && items.every(isFinished);
      let text: string;
      if (done) {
        // One summary instead of reading every name of a batch.
        text = describeSummary(summarizeItems(items), translator);
        seen = new Set();
      } else {
        const parts = added > 0 ? [translator.t('announceAdded', { count: added })] : [];
        text = [...parts, ...sentences].slice(0, MAX_SENTENCES).join('. ');
      }
      added = 0;
      sentences = [];
      finished = false;
      if (text) setMessage(text);
    };
    const later = (): void => {
      if (pending) return;
      pending = true;
      queueMicrotask(flush);
    };
    const onAdded = ({ item }: { readonly item: UploadItem }): void => {
      seen.add(item.id);
      added += 1;
      later();
    };
    const onDelivered = ({ item }: { readonly item: UploadItem }): void => {
      finished = true;
      sentences.push(translator.t('announceDelivered', { name: item.name }));
      later();
    };
    const onFailed = ({ item }: { readonly item: UploadItem }): void => {
      finished = true;
      const reason = describeFailure(item, translator)?.reason ?? '';
      sentences.push(translator.t('announceFailed', { name: item.name, reason }));
      later();
    };
    const { events } = queue;
    const offs = [
      events.on('file-added', onAdded),
      events.on('file-rejected', (payload) => {
        onAdded(payload);
        onFailed(payload);
      }),
      events.on('upload-succeeded', onDelivered),
      events.on('upload-failed', onFailed),
      // Queue-wide notices (paused, access lost, a duplicate) are read once, like their toast.
      onQueueNotice(queue, (notice) => {
        if (notice.kind === 'resumed') return;
        sentences.push(describeQueueNotice(notice, translator));
        later();
      }),
    ];
    return () => {
      live = false;
      for (const off of offs) off();
    };
  }, [queue, translator]);
  return message;
}
