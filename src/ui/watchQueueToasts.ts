import { toast } from 'sonner';
import { isUnknownOutcome } from '../core/errorPolicy.ts';
import type { UploadItem } from '../core/types.ts';
import { describeSummary } from './describeSummary.ts';
import { openChat } from './openChat.ts';
import type { UploadQueueLike } from './UploadQueueLike.ts';
import { isFinished, summarizeItems, type ItemSummary } from './summarizeItems.ts';
import { FAILURE_TOAST_MS, toastForItem, toastIdFor, type ToastContext } from './toastForItem.ts';

/** A summary waiting to be shown, with the chat to check when some files may have arrived. */
interface PendingSummary {
  readonly summary: ItemSummary;
  readonly checkDialogId: string | undefined;
}

/** A batch with more files than this gets one summary toast instead of one toast per file. */
export const SUMMARY_FROM = 4;

/** The batch summary toast changes at most this often (see `scheduleSummary`). */
export const SUMMARY_EVERY_MS = 250;

/**
 * Keeps the toasts in step with the queue. A batch is what gets added while something is still
 * unfinished; small batches get a toast per file, larger ones a single summary
 * ("12 delivered, 1 failed, 2 may have arrived — check the chat") so that dropping 50 files does not raise a storm. Returns a stop
 * function.
 */
export function watchQueueToasts(queue: UploadQueueLike, context: ToastContext): () => void {
  const shown = new Map<string, string>();
  let batch = new Set<string>();
  let batchNumber = 0;
  let summarizedBatch = -1;
  let lastSummary = '';
  const summaryId = (): string => `chat-drop-batch-${batchNumber}`;

  const signature = (item: UploadItem): string => `${item.phase}|${item.error?.code ?? ''}`;

  // Adding or cancelling 500 files changes the summary 500 times within a few milliseconds; sonner
  // re-renders (with flushSync) for every update, and React gives up after ~50 nested sync renders
  // ("Maximum update depth exceeded"). So the summary is shown at most every SUMMARY_EVERY_MS,
  // always ending with the latest state.
  // Per batch: a batch that ends just as the next one starts still gets its final summary.
  const pendingSummaries = new Map<string, PendingSummary>();
  let lastShownAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const scheduleSummary = (): void => {
    if (timer !== undefined) return;
    const wait = lastShownAt + SUMMARY_EVERY_MS - Date.now();
    if (wait <= 0) {
      showSummaries();
      return;
    }
    timer = setTimeout(() => {
      timer = undefined;
      showSummaries();
    }, wait);
  };
  const showSummaries = (): void => {
    lastShownAt = Date.now();
    for (const [id, pending] of pendingSummaries) showSummary(id, pending);
    pendingSummaries.clear();
  };
  const showSummary = (id: string, { summary, checkDialogId }: PendingSummary): void => {
    const { translator, portal } = context;
    if (summary.active > 0) {
      toast.loading(translator.t('summarySending', { count: summary.total }), {
        id,
        description: translator.formatPercent(summary.percentage ?? 0),
      });
      return;
    }
    const show =
      summary.failed > 0 ? toast.error : summary.unknown > 0 ? toast.warning : toast.success;
    const needsAttention = summary.failed > 0 || summary.unknown > 0;
    show(describeSummary(summary, translator), {
      id,
      description: undefined,
      duration: needsAttention ? FAILURE_TOAST_MS : undefined,
      closeButton: true,
      // Files that may have arrived: send the user to the chat to look, never resend blindly.
      action:
        summary.unknown > 0 && checkDialogId !== undefined
          ? {
              label: translator.t('checkTheChat'),
              onClick: () => openChat(portal, translator, checkDialogId, 0),
            }
          : undefined,
    });
  };

  const update = (): void => {
    const items = queue.store.getState().items;
    const byId = new Map(items.map((item) => [item.id, item]));

    // Items removed from the queue take their toasts with them.
    for (const id of shown.keys()) {
      if (!byId.has(id)) {
        toast.dismiss(toastIdFor(id));
        shown.delete(id);
      }
    }

    const batchItems = (): UploadItem[] =>
      [...batch].map((id) => byId.get(id)).filter((item) => item !== undefined);
    for (const item of items) {
      if (batch.has(item.id) || shown.has(item.id)) continue;
      if (batchItems().every(isFinished)) {
        batch = new Set();
        batchNumber += 1;
      }
      batch.add(item.id);
    }

    const current = batchItems();
    const summaryMode = current.length >= SUMMARY_FROM;
    if (summaryMode && summarizedBatch !== batchNumber) {
      // The batch just grew past the threshold: its per-file toasts give way to the summary.
      summarizedBatch = batchNumber;
      for (const id of batch) toast.dismiss(toastIdFor(id));
    }
    for (const item of items) {
      const sig = signature(item);
      if (shown.get(item.id) === sig) continue;
      const wasShown = shown.has(item.id);
      shown.set(item.id, sig);
      if (summaryMode && batch.has(item.id)) {
        if (wasShown) toast.dismiss(toastIdFor(item.id));
        continue;
      }
      toastForItem(item, context);
    }

    if (summaryMode) {
      const summary = summarizeItems(current);
      const key = `${batchNumber}|${summary.total}|${summary.delivered}|${summary.failed}|${summary.unknown}|${summary.cancelled}|${summary.active}|${Math.round(summary.percentage ?? 0)}`;
      if (key === lastSummary) return;
      lastSummary = key;
      const unsure = current.find(
        (item) => item.phase === 'failed' && item.error && isUnknownOutcome(item.error),
      );
      pendingSummaries.set(summaryId(), { summary, checkDialogId: unsure?.dialogId });
      scheduleSummary();
    }
  };

  update();
  const unsubscribe = queue.store.subscribe(update);
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
