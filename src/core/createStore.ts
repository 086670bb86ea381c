import { describeForLog } from './describeForLog.ts';

/** A subscribable state container, shaped for React's `useSyncExternalStore`. */
export interface Store<S, A> {
  /** The current state; the same object until an action changes it. */
  getState(): S;
  /** Calls `listener` after every change (a throw is logged, never passed on); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Runs the reducer; listeners are called only when the state object changed. */
  dispatch(action: A): S;
}

/**
 * A minimal store in the manner of TanStack Query's `#dispatch` (query-core `mutation.ts`): the
 * state changes only through `reducer`, and a reducer that returns the same object means "no
 * change", so a late or illegal action wakes nobody.
 *
 * @example
 * const store = createStore(uploadReducer, initialQueueState);
 * const state = useSyncExternalStore(store.subscribe, store.getState);
 */
export function createStore<S, A>(
  reducer: (state: S, action: A) => S,
  initialState: S,
): Store<S, A> {
  let state = initialState;
  const listeners = new Set<() => void>();
  let dispatching = false;

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispatch(action) {
      if (dispatching) {
        // A reducer that dispatches is a programming bug: it would make the state order unclear.
        throw new Error('[chat-drop] dispatch called from inside the reducer');
      }
      dispatching = true;
      let next: S;
      try {
        next = reducer(state, action);
      } finally {
        dispatching = false;
      }
      if (Object.is(next, state)) return state;
      state = next;
      // Copy first: a listener may unsubscribe (or subscribe) while we notify. A listener that
      // throws is a bug in the listener: logged, and the others and the dispatcher go on, so a
      // broken view cannot stop the engine in the middle of a transition.
      for (const listener of [...listeners]) {
        try {
          listener();
        } catch (error) {
          console.error('[chat-drop] a store listener failed:', describeForLog(error));
        }
      }
      return state;
    },
  };
}
