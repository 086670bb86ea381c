import type { Frame } from 'playwright-core';

/**
 * Page script (any engine): starts recording every phase each queue row passes through
 * (`data-phase` of `data-testid="upload-row"`) with a MutationObserver, so short phases such as
 * `checking` are seen even when they last less than a polling interval. Idempotent.
 */
export function recordPhasesInPage(): void {
  const w = window as unknown as { __chatDropPhases?: Record<string, string[]> };
  if (w.__chatDropPhases) return;
  const seen: Record<string, string[]> = {};
  w.__chatDropPhases = seen;
  const note = (row: Element): void => {
    const name = row.getAttribute('data-name');
    const phase = row.getAttribute('data-phase');
    if (name === null || phase === null) return;
    const list = (seen[name] ??= []);
    if (list[list.length - 1] !== phase) list.push(phase);
  };
  const scan = (node: Node): void => {
    if (!(node instanceof Element)) return;
    if (node.matches('[data-testid="upload-row"]')) note(node);
    node.querySelectorAll('[data-testid="upload-row"]').forEach(note);
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') scan(r.target);
      else r.addedNodes.forEach(scan);
    }
  }).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-phase', 'data-name'],
  });
  scan(document.body);
}

/** Page script (any engine): the phases recorded per file name, in order, repeats collapsed. */
export function readPhasesInPage(): Record<string, string[]> {
  return (
    (window as unknown as { __chatDropPhases?: Record<string, string[]> }).__chatDropPhases ?? {}
  );
}

/** {@link recordPhasesInPage} and {@link readPhasesInPage} for a Playwright frame. */
export const faultsPhaseRecorder = {
  async install(appFrame: Frame): Promise<void> {
    await appFrame.evaluate(recordPhasesInPage);
  },
  read(appFrame: Frame): Promise<Record<string, string[]>> {
    return appFrame.evaluate(readPhasesInPage);
  },
};
