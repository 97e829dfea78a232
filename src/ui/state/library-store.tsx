/**
 * How components reach the conversation library (the sidebar's list): the app's `libraryStore` by default, any
 * store in tests — and a test that passes its own room store passes a library built over that same room store.
 * Like the room store: read with `useLibrary(selector)`, act with `useLibraryActions()`.
 */
import { libraryStore } from '../../store/index.ts';
import type { LibraryActions } from '../../store/index.ts';
import { createStoreContext } from './store-context.tsx';

const library = createStoreContext(libraryStore);

export const LibraryStoreProvider = library.StoreProvider;

export const useLibraryStoreApi = library.useStoreApi;

/** Subscribes to what `selector` picks (stored values or primitives only, as with `useRoomStore`). */
export const useLibrary = library.useSelected;

/** The library's intents (stable functions). */
export function useLibraryActions(): LibraryActions {
  return useLibraryStoreApi().getState();
}
