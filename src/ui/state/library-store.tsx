/**
 * How components reach the conversation library (the sidebar's list): the app's `libraryStore` by default, any
 * store in tests. Like the room store: read with `useLibrary(selector)`, act with `useLibraryActions()`.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { libraryStore } from '../../store/index.ts';
import type { LibraryStore } from '../../store/index.ts';
import type { LibraryActions } from '../../store/library.ts';

const LibraryStoreContext = createContext<StoreApi<LibraryStore>>(libraryStore);

/** A test that passes its own room store must pass a library store built over that same room store. */
export function LibraryStoreProvider({
  store = libraryStore,
  children,
}: {
  store?: StoreApi<LibraryStore>;
  children: ReactNode;
}) {
  return <LibraryStoreContext value={store}>{children}</LibraryStoreContext>;
}

export function useLibraryStoreApi(): StoreApi<LibraryStore> {
  return useContext(LibraryStoreContext);
}

/** Subscribes to what `selector` picks (stored values or primitives only, as with `useRoomStore`). */
export function useLibrary<T>(selector: (state: LibraryStore) => T): T {
  return useStore(useContext(LibraryStoreContext), selector);
}

/** The library's intents (stable functions). */
export function useLibraryActions(): LibraryActions {
  return useContext(LibraryStoreContext).getState();
}
