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
