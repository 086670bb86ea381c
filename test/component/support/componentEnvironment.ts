import { configure } from '@testing-library/react';
import { vi } from 'vitest';

/** What the component tests need around jsdom; imported for its side effects. */

// CI runs all Vitest projects on 2 shared cores: an engine round trip that takes 50 ms alone can
// take seconds there, and Testing Library's default 1 s wait would make tests flaky, not stricter.
configure({ asyncUtilTimeout: 5_000 });
// ...and a test with a few such waits needs more than Vitest's default 5 s.
vi.setConfig({ testTimeout: 20_000 });

// jsdom has no media queries; sonner asks for prefers-color-scheme (theme="system").
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// jsdom has no pointer capture; sonner captures the pointer to let toasts be swiped away.
for (const name of ['setPointerCapture', 'releasePointerCapture'] as const) {
  if (typeof Element.prototype[name] !== 'function') Element.prototype[name] = () => undefined;
}

// jsdom's File is not Node's Blob, and the URL here is Node's: its createObjectURL throws for a
// jsdom File. Thumbnail needs object URLs, so they are stood in for by unique fake ones.
{
  let next = 0;
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    writable: true,
    value: (_blob: Blob) => `blob:jsdom/${(next += 1)}`,
  });
  Object.defineProperty(URL, 'revokeObjectURL', {
    configurable: true,
    writable: true,
    value: (_url: string) => undefined,
  });
}
