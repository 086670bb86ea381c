import type { BrowserContext, Frame } from 'playwright-core';

/**
 * Records every text and attribute value that ever appears in a document of the context (the app
 * frame included), from the first script on, with a MutationObserver: transient UI such as toasts
 * is gone by the time a test looks, but must still be scanned for secrets. Install before opening
 * the page; read per frame.
 */
export const faultsTextRecorder = {
  async install(context: BrowserContext): Promise<void> {
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __chatDropTexts: string[] }).__chatDropTexts = seen;
      const take = (node: Node): void => {
        if (node instanceof Element) {
          for (const attr of Array.from(node.attributes)) seen.push(attr.value);
          seen.push(node.textContent ?? '');
        } else if (node.nodeType === Node.TEXT_NODE) {
          seen.push(node.textContent ?? '');
        }
      };
      const start = (): void => {
        new MutationObserver((records) => {
          for (const r of records) {
            if (r.type === 'childList') r.addedNodes.forEach(take);
            else take(r.target);
          }
        }).observe(document.documentElement, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
      };
      if (document.documentElement) start();
      else document.addEventListener('DOMContentLoaded', start, { once: true });
    });
  },
  read(frame: Frame): Promise<string> {
    return frame.evaluate(() =>
      ((window as unknown as { __chatDropTexts?: string[] }).__chatDropTexts ?? []).join('\n'),
    );
  },
};
