import type { Translator } from '../i18n/createTranslator.ts';
import type { ItemSummary } from './summarizeItems.ts';

/**
 * "12 delivered, 1 failed, 2 may have arrived — check the chat, 3 cancelled": the finished part of
 * a summary, for the batch bar, the summary toast and the screen-reader announcement. Files with
 * an unknown outcome get their own count with the check-the-chat hint, never "failed": calling
 * them failed invites a resend that may post the file twice. The parts are joined the locale's way
 * (Arabic and Japanese do not use a Latin comma).
 */
export function describeSummary(summary: ItemSummary, translator: Translator): string {
  const parts = [translator.t('summaryDelivered', { count: summary.delivered })];
  if (summary.failed > 0) parts.push(translator.t('summaryFailed', { count: summary.failed }));
  if (summary.unknown > 0) parts.push(translator.t('summaryUnknown', { count: summary.unknown }));
  if (summary.cancelled > 0)
    parts.push(translator.t('summaryCancelled', { count: summary.cancelled }));
  return translator.formatList(parts);
}
