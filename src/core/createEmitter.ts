import { describeForLog } from './describeForLog.ts';

/** A typed event emitter over an event map `{ 'event-name': Payload }`. */
export interface Emitter<Events extends object> {
  /** Subscribes; returns the unsubscribe function. */
  on<K extends keyof Events>(type: K, handler: (payload: Events[K]) => void): () => void;
  off<K extends keyof Events>(type: K, handler: (payload: Events[K]) => void): void;
  emit<K extends keyof Events>(type: K, payload: Events[K]): void;
  /** Drops every handler (on dispose). */
  clear(): void;
}

/**
 * A small typed emitter, like Uppy's (`@uppy/core` `Uppy.ts` `on`/`emit`) but with the payload
 * typed per event name. A handler that throws is a bug in the handler, not in the engine: it is
 * logged with the project's prefix and the other handlers still run, so a broken toast cannot
 * stop an upload.
 *
 * @example
 * const events = createEmitter<UploadEvents>();
 * const off = events.on('upload-succeeded', ({ item }) => toast(item.name));
 */
export function createEmitter<Events extends object>(): Emitter<Events> {
  const handlers = new Map<keyof Events, Set<(payload: never) => void>>();

  return {
    on(type, handler) {
      let set = handlers.get(type);
      if (!set) {
        set = new Set();
        handlers.set(type, set);
      }
      set.add(handler);
      return () => {
        handlers.get(type)?.delete(handler);
      };
    },
    off(type, handler) {
      handlers.get(type)?.delete(handler);
    },
    emit(type, payload) {
      const set = handlers.get(type);
      if (!set) return;
      for (const handler of [...set] as ((value: Events[typeof type]) => void)[]) {
        try {
          handler(payload);
        } catch (error) {
          // One scrubbed line, never the error object (it may carry an SDK request with auth).
          console.error(
            '[chat-drop] an event handler failed:',
            String(type),
            describeForLog(error),
          );
        }
      }
    },
    clear() {
      handlers.clear();
    },
  };
}
