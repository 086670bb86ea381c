import { lazyToast as toast } from './lazyToast.ts';
import type { UploadItem } from '../core/types.ts';
import { isUnknownOutcome } from '../core/errorPolicy.ts';
import { describeSummary } from './describeSummary.ts';
import { openChat } from './openChat.ts';
import { isFinished, summarizeItems } from './summarizeItems.ts';
import { FAILURE_TOAST_MS, toastForItem, toastIdFor, type ToastContext } from './toastForItem.ts';
import type { UploadQueueLike } from './UploadQueueLike.ts';

/** A batch with at least this many files gets one summary toast instead of one toast per file. */
export const SUMMARY_FROM = 4;

/**
 * Toasts from the engine's events. Rows already show every file's state, so a toast only adds
 * what a row cannot: a file's outcome while its row is out of view, "Open in chat" for a
 * delivered file, and, for a batch of {@link SUMMARY_FROM} or more, one summary when the batch
 * is done (instead of a toast per file). A batch is what gets added while something of the
 * previous one is still unfinished. Returns a stop function.
 */
export function watchQueueToasts(queue: UploadQueueLike, context: ToastContext): () => void {
  let batch = new Set<string>();
  let batchNumber = 0;
  /** The toast on screen per item, if any (see toastIdFor for why ids are not reused). */
  const shown = new Map<string, string>();
  let attempts = 0;
  const dismiss = (itemId: string): void => {
    const id = shown.get(itemId);
    if (id === undefined) return;
    shown.delete(itemId);
    toast.dismiss(id);
  };
  const show = (item: UploadItem): void => {
    let id = shown.get(item.id);
    if (id === undefined) {
      attempts += 1;
      id = toastIdFor(item.id, attempts);
      shown.set(item.id, id);
    }
    toastForItem(item, context, id);
  };

  const batchItems = (): UploadItem[] => {
    const items = queue.store.getState().items;
    return items.filter((item) => batch.has(item.id));
  };
  const large = (): boolean => batch.size >= SUMMARY_FROM;

  const onAdded = ({ item }: { readonly item: UploadItem }): void => {
    if (batchItems().every(isFinished)) {
      batch = new Set();
      batchNumber += 1;
    }
    batch.add(item.id);
    // The batch just grew past the threshold: its per-file toasts give way to the summary.
    if (batch.size === SUMMARY_FROM) for (const id of batch) dismiss(id);
  };

  const showSummary = (): void => {
    const items = batchItems();
    if (!large() || items.length === 0 || !items.every(isFinished)) return;
    const summary = summarizeItems(items);
    const { translator, portal } = context;
    const unsure = items.find(
      (item) => item.phase === 'failed' && item.error && isUnknownOutcome(item.error),
    );
    const show =
      summary.failed > 0 ? toast.error : summary.unknown > 0 ? toast.warning : toast.success;
    show(describeSummary(summary, translator), {
      id: `chat-drop-batch-${batchNumber}`,
      duration: summary.failed > 0 || summary.unknown > 0 ? FAILURE_TOAST_MS : undefined,
      closeButton: true,
      // Files that may have arrived: send the user to the chat to look, never resend blindly.
      action: unsure
        ? {
            label: translator.t('checkTheChat'),
            onClick: () => openChat(portal, translator, unsure.dialogId, 0),
          }
        : undefined,
    });
  };

  const onOutcome = ({ item }: { readonly item: UploadItem }): void => {
    if (!batch.has(item.id) || !large()) {
      // A delivered file gets "Open in chat"; a failure only when its row is out of view
      // (the row shows the reason and the same actions right where the user is looking).
      const inView = context.rowInView?.(item.id) ?? false;
      if (item.phase === 'delivered' || !inView) show(item);
    }
    showSummary();
  };

  // A retried, removed or cancelled file's earlier toast no longer tells the truth.
  const onRestarted = ({ item }: { readonly item: UploadItem }): void => dismiss(item.id);
  const onCancelled = ({ item }: { readonly item: UploadItem }): void => {
    dismiss(item.id);
    showSummary();
  };

  const { events } = queue;
  const offs = [
    events.on('file-added', onAdded),
    events.on('file-rejected', (payload) => {
      onAdded(payload);
      onOutcome(payload);
    }),
    events.on('upload-started', onRestarted),
    events.on('upload-retried', onRestarted),
    // A removed row takes its toast with it.
    events.on('file-removed', onRestarted),
    events.on('upload-succeeded', onOutcome),
    events.on('upload-failed', onOutcome),
    events.on('upload-cancelled', onCancelled),
  ];
  return () => {
    for (const off of offs) off();
  };
}
