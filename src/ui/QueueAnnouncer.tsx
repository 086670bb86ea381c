import type { Translator } from '../i18n/createTranslator.ts';
import type { UploadQueueLike } from './UploadQueueLike.ts';
import { useQueueAnnouncements } from './useQueueAnnouncements.ts';

/**
 * The panel's polite live region. Its own component, so a new sentence re-renders only this
 * region, not the panel around it.
 */
export function QueueAnnouncer({
  queue,
  translator,
}: {
  readonly queue: UploadQueueLike;
  readonly translator: Translator;
}) {
  const announcement = useQueueAnnouncements(queue, translator);
  return (
    <div
      className="cd-visually-hidden"
      aria-live="polite"
      aria-atomic="true"
      data-testid="announcer"
    >
      {announcement}
    </div>
  );
}
