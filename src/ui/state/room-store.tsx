/**
 * How components reach the facilitator store: the app's `roomStore` by default, any store in tests. Components
 * read state with `useRoomStore(selector)` (pick only what you show) and call intents from `useRoomActions()`.
 */
import { roomStore } from '../../store/index.ts';
import type { RoomActions } from '../../store/index.ts';
import { createStoreContext } from './store-context.tsx';

const room = createStoreContext(roomStore);

export const RoomStoreProvider = room.StoreProvider;

/** The store itself, for reading state inside event handlers without subscribing to it. */
export const useRoomStoreApi = room.useStoreApi;

/**
 * Subscribes to what `selector` picks; the component re-renders only when that changes (Object.is). A selector must
 * return stored values or primitives, never a fresh array or object (use `useShallow` for those).
 */
export const useRoomStore = room.useSelected;

/** The store's intents. They are stable functions, so using them never re-renders anything. */
export function useRoomActions(): RoomActions {
  return useRoomStoreApi().getState();
}
