import type { ConsoleMessage, Page } from 'playwright-core';

/** One problem seen in the page or in any of its frames (the cross-origin app frame included). */
export interface PageProblem {
  readonly kind: 'pageerror' | 'console.error' | 'crash' | 'dialog';
  readonly text: string;
  /** URL of the document that reported it, when known. */
  readonly url: string;
}

interface Allowance {
  readonly pattern: RegExp;
  readonly reason: string;
}

/**
 * Collects everything that must fail an e2e test: uncaught exceptions and unhandled rejections
 * (Playwright reports both as `pageerror`, for child frames too), `console.error` from any frame,
 * dialogs (dismissed at once) and renderer crashes. Modelled on msw's `test/browser/playwright.extend.ts`.
 *
 * Some tests provoke errors the browser itself logs (a 503 or 401 answer is printed by Chromium
 * as "Failed to load resource: ... status of 503"). Such a test must say so explicitly with
 * `allow(pattern, reason)`; nothing is allowed by default.
 */
export interface PageGuard {
  /** Accepts problems whose text matches `pattern`, for this page only. `reason` documents why. */
  allow(pattern: RegExp, reason: string): void;
  /** Accepts the console lines Chromium prints for HTTP answers with these statuses. */
  allowFailedResponses(statuses: readonly number[], reason: string): void;
  /** Accepts the console lines Chromium prints for requests that got no answer (socket closed). */
  allowNetworkFailures(reason: string): void;
  /** The messages of the dialogs the page opened (each was dismissed). */
  dialogs(): readonly string[];
  /** Every problem seen so far, allowed or not. */
  problems(): readonly PageProblem[];
  /** Problems not matched by an allowance. */
  unexpected(): readonly PageProblem[];
  /** Throws one error listing every unexpected problem. */
  assertClean(): void;
}

export function createPageGuard(page: Page, label = 'page'): PageGuard {
  const seen: PageProblem[] = [];
  const allowances: Allowance[] = [];

  page.on('pageerror', (error: Error) => {
    seen.push({ kind: 'pageerror', text: `${error.name}: ${error.message}`, url: page.url() });
  });
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    seen.push({ kind: 'console.error', text: message.text(), url: message.location().url });
  });
  // A dialog (alert, confirm, prompt) the widget never opens: one would mean a name ran as markup
  // or a bug. Dismissed so the page goes on, and reported.
  page.on('dialog', (dialog) => {
    seen.push({ kind: 'dialog', text: `${dialog.type()}: ${dialog.message()}`, url: page.url() });
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('crash', () => {
    seen.push({ kind: 'crash', text: 'the renderer process crashed', url: page.url() });
  });

  const isAllowed = (problem: PageProblem): boolean =>
    problem.kind !== 'crash' && allowances.some((a) => a.pattern.test(problem.text));

  return {
    allow(pattern, reason) {
      if (reason.trim() === '')
        throw new Error('createPageGuard.allow: say why the error is expected');
      allowances.push({ pattern, reason });
    },
    allowFailedResponses(statuses, reason) {
      const list = statuses.map((s) => String(s)).join('|');
      this.allow(
        new RegExp(`^Failed to load resource: the server responded with a status of (${list})\\b`),
        reason,
      );
    },
    allowNetworkFailures(reason) {
      this.allow(/^Failed to load resource: net::ERR_/, reason);
    },
    dialogs: () => seen.filter((p) => p.kind === 'dialog').map((p) => p.text),
    problems: () => [...seen],
    unexpected: () => seen.filter((p) => !isAllowed(p)),
    assertClean() {
      const bad = seen.filter((p) => !isAllowed(p));
      if (bad.length === 0) return;
      const lines = bad.map((p) => `  [${p.kind}] ${p.text}${p.url ? `  (${p.url})` : ''}`);
      throw new Error(`${label}: ${bad.length} unexpected page error(s):\n${lines.join('\n')}`);
    },
  };
}
