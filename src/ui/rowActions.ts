import type { UploadItem } from '../core/types.ts';
import type { MessageKey } from '../i18n/Messages.ts';
import type { FailureView } from './describeFailure.ts';

/** What a row's buttons call; the panel gives them (the queue's commands, opening the chat). */
export interface RowHandlers {
  readonly onCancel: (id: string) => void;
  readonly onRetry: (id: string) => void;
  readonly onRemove: (id: string) => void;
  readonly onOpen: (item: UploadItem) => void;
  readonly onCheckChat: (item: UploadItem) => void;
  /** Opens the file picker (the failed row stays until removed). */
  readonly onPickAgain: () => void;
}

/** One button a row may show: when, with which text and look, doing what. */
export interface RowAction {
  readonly id: 'cancel' | 'open' | 'check' | 'pick' | 'retry' | 'remove';
  readonly when: (item: UploadItem, failure: FailureView | undefined) => boolean;
  readonly label: (item: UploadItem) => MessageKey;
  readonly variant: 'primary' | 'ghost' | 'link';
  readonly run: (item: UploadItem, handlers: RowHandlers) => void;
}

const ACTIVE = new Set(['queued', 'reading', 'sending', 'waiting']);
const FINISHED = new Set(['delivered', 'failed', 'cancelled']);

/**
 * A row's buttons, in the order shown. A delivered file's Remove says "Remove from list": it
 * takes the row away, the message stays in the chat (issue 15).
 */
export const ROW_ACTIONS: readonly RowAction[] = [
  {
    id: 'cancel',
    when: (item) => ACTIVE.has(item.phase),
    label: () => 'cancel',
    variant: 'ghost',
    run: (item, h) => h.onCancel(item.id),
  },
  {
    id: 'open',
    when: (item) => item.phase === 'delivered' && item.receipt !== undefined,
    label: () => 'openInChat',
    variant: 'link',
    run: (item, h) => h.onOpen(item),
  },
  {
    id: 'check',
    when: (_item, failure) => failure?.unknown === true,
    label: () => 'checkTheChat',
    variant: 'link',
    run: (item, h) => h.onCheckChat(item),
  },
  {
    id: 'pick',
    when: (_item, failure) => failure?.pickAgain === true,
    label: () => 'addAgain',
    variant: 'primary',
    run: (_item, h) => h.onPickAgain(),
  },
  {
    id: 'retry',
    when: (item, failure) => failure?.canRetry === true || item.phase === 'cancelled',
    label: () => 'retry',
    variant: 'primary',
    run: (item, h) => h.onRetry(item.id),
  },
  {
    id: 'remove',
    when: (item) => FINISHED.has(item.phase),
    label: (item) => (item.phase === 'delivered' ? 'removeFromList' : 'remove'),
    variant: 'ghost',
    run: (item, h) => h.onRemove(item.id),
  },
];
