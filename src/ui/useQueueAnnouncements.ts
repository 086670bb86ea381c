import { useEffect, useState } from 'react';
import type { Translator } from '../i18n/createTranslator.ts';
import { describeFailure } from './describeFailure.ts';
import type { UploadQueueLike } from './UploadQueueLike.ts';
import { describeSummary } from './describeSummary.ts';
import { summarizeItems } from './summarizeItems.ts';

/** Start-of-batch and per-file results worth saying out loud; progress ticks are not. */
const ANNOUNCED = new Set(['delivered', 'failed']);

/**
 * The latest sentence for the panel's `aria-live` region: files added, each file delivered or
 * failed, and the summary when everything is done. Screen readers read it politely.
 */
export function useQueueAnnouncements(queue: UploadQueueLike, translator: Translator): string {
  const [message, setMessage] = useState('');
  useEffect(() => {
    const phases = new Map(queue.store.getState().items.map((item) => [item.id, item.phase]));
    return queue.store.subscribe(() => {
      const items = queue.store.getState().items;
      const sentences: string[] = [];
      let added = 0;
      let finishedNow = false;
      for (const item of items) {
        const before = phases.get(item.id);
        if (before === item.phase) continue;
        phases.set(item.id, item.phase);
        if (before === undefined) added += 1;
        if (!ANNOUNCED.has(item.phase)) continue;
        finishedNow = true;
        if (item.phase === 'delivered') {
          sentences.push(translator.t('announceDelivered', { name: item.name }));
        } else {
          const reason = describeFailure(item, translator)?.reason ?? '';
          sentences.push(translator.t('announceFailed', { name: item.name, reason }));
        }
      }
      if (added > 0) sentences.unshift(translator.t('announceAdded', { count: added }));
      const summary = summarizeItems(items);
      if (finishedNow && summary.active === 0 && summary.total > 1) {
        // One summary instead of reading every name of a large batch.
        setMessage(describeSummary(summary, translator));
        return;
      }
      if (sentences.length > 0) setMessage(sentences.slice(0, 3).join('. '));
    });
  }, [queue, translator]);
  return message;
}
