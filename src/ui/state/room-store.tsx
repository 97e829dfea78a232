/**
 * How components reach the facilitator store: the app's `roomStore` by default, any store in tests. Components
 * read state with `useRoomStore(selector)` (pick only what you show) and call intents from `useRoomActions()`.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { roomStore } from '../../store/index.ts';
import type { RoomActions, RoomStore } from '../../store/index.ts';

const RoomStoreContext = createContext<StoreApi<RoomStore>>(roomStore);

export function RoomStoreProvider({
  store = roomStore,
  children,
}: {
  store?: StoreApi<RoomStore>;
  children: ReactNode;
}) {
  return <RoomStoreContext value={store}>{children}</RoomStoreContext>;
}

/** The store itself, for reading state inside event handlers without subscribing to it. */
export function useRoomStoreApi(): StoreApi<RoomStore> {
  return useContext(RoomStoreContext);
}

/**
 * Subscribes to what `selector` picks; the component re-renders only when that changes (Object.is). A selector must
 * return stored values or primitives, never a fresh array or object (use `useShallow` for those).
 */
export function useRoomStore<T>(selector: (state: RoomStore) => T): T {
  return useStore(useContext(RoomStoreContext), selector);
}

/** The store's intents. They are stable functions, so using them never re-renders anything. */
export function useRoomActions(): RoomActions {
  return useContext(RoomStoreContext).getState();
}
