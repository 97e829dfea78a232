/**
 * One React context per zustand store, so components reach the app's store by default and a test can hand them
 * another. Selectors must return stored values or primitives, never a fresh array or object (use `useShallow`).
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';

export function createStoreContext<S>(defaultStore: StoreApi<S>) {
  const StoreContext = createContext<StoreApi<S>>(defaultStore);

  function StoreProvider({ store = defaultStore, children }: { store?: StoreApi<S> | undefined; children: ReactNode }) {
    return <StoreContext value={store}>{children}</StoreContext>;
  }

  /** The store itself, for reading state inside event handlers without subscribing to it. */
  function useStoreApi(): StoreApi<S> {
    return useContext(StoreContext);
  }

  /** Subscribes to what `selector` picks; the component re-renders only when that changes (Object.is). */
  function useSelected<T>(selector: (state: S) => T): T {
    return useStore(useContext(StoreContext), selector);
  }

  return { StoreProvider, useStoreApi, useSelected };
}
