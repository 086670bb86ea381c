import { useEffect, useSyncExternalStore, type ComponentType } from 'react';

/** A component whose code is a separate chunk, loaded on first use or ahead of it. */
export interface LazyPart<P extends object> {
  /**
   * Renders the loaded component; before that, `fallback` (or nothing) while it loads. Once
   * loaded it renders synchronously, so a part preloaded before the first render never flashes.
   */
  readonly Component: ComponentType<P>;
  /** Loads the chunk (once); rejects when it cannot be fetched. */
  preload(): Promise<void>;
}

/**
 * Why not `React.lazy` + `Suspense`: lazy suspends on its first render even when the chunk is
 * already here, which would show a loading state for a moment on every start. Here the app
 * preloads what a page needs before rendering it (app/lazyAppParts.ts), and a part needed later
 * (the queue's list) renders its fallback, or nothing, until its code arrives.
 */
export function createLazyPart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback?: ComponentType<P>,
): LazyPart<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<void> | undefined;
  const listeners = new Set<() => void>();

  const preload = (): Promise<void> => {
    pending ??= load().then(
      (component) => {
        loaded = component;
        for (const listener of listeners) listener();
      },
      (error: unknown) => {
        pending = undefined; // a later render may try again
        throw error;
      },
    );
    return pending;
  };
  const subscribe = (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const current = (): ComponentType<P> | undefined => loaded;

  function Component(props: P) {
    const Loaded = useSyncExternalStore(subscribe, current, current);
    useEffect(() => {
      if (!Loaded) {
        preload().catch(() =>
          console.error('[chat-drop] a part of the widget could not be loaded'),
        );
      }
    }, [Loaded]);
    if (Loaded) return <Loaded {...props} />;
    const Fallback = fallback;
    return Fallback ? <Fallback {...props} /> : null;
  }
  return { Component, preload };
}
