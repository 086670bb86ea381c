import { describe, expect, it, vi } from 'vitest';
import { createStore } from '../../../src/core/createStore.ts';

type Counter = { readonly n: number };
type CounterAction = { type: 'inc' } | { type: 'noop' };
const reducer = (state: Counter, action: CounterAction): Counter =>
  action.type === 'inc' ? { n: state.n + 1 } : state;

describe('createStore', () => {
  it('changes state only through the reducer and notifies subscribers on change', () => {
    const store = createStore(reducer, { n: 0 });
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch({ type: 'inc' });
    expect(store.getState()).toEqual({ n: 1 });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('does not notify when the reducer returns the same state', () => {
    const store = createStore(reducer, { n: 0 });
    const listener = vi.fn();
    store.subscribe(listener);
    const before = store.getState();
    store.dispatch({ type: 'noop' });
    expect(store.getState()).toBe(before);
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops notifying after unsubscribe, even when unsubscribing during a notification', () => {
    const store = createStore(reducer, { n: 0 });
    const second = vi.fn();
    const unsubscribeFirst = store.subscribe(() => unsubscribeFirst());
    store.subscribe(second);
    store.dispatch({ type: 'inc' });
    store.dispatch({ type: 'inc' });
    expect(second).toHaveBeenCalledTimes(2);
  });

  it('refuses a dispatch from inside the reducer', () => {
    const store = createStore<Counter, CounterAction>(
      (state) => {
        store.dispatch({ type: 'noop' });
        return state;
      },
      { n: 0 },
    );
    expect(() => store.dispatch({ type: 'inc' })).toThrow(/inside the reducer/);
  });

  it('a listener that throws is logged and cannot stop the dispatch or the other listeners', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const store = createStore(reducer, { n: 0 });
    const after = vi.fn();
    store.subscribe(() => {
      throw new Error('broken view');
    });
    store.subscribe(after);
    expect(() => store.dispatch({ type: 'inc' })).not.toThrow();
    expect(store.getState()).toEqual({ n: 1 });
    expect(after).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('[chat-drop] a store listener failed:', 'Error: broken view');
    log.mockRestore();
  });
});
