import type { StoreApi } from 'zustand';
import type { LibraryStore, RoomStore } from '../store/index.ts';
import { AppShell } from './layout/AppShell.tsx';
import { LibraryStoreProvider } from './state/library-store.tsx';
import { RoomStoreProvider } from './state/room-store.tsx';
import './ui.css';

/**
 * PeerChat: the room over the app's facilitator store and conversation library, or the stores a test passes (the
 * library must be built over that same room store).
 */
export function App({ store, library }: { store?: StoreApi<RoomStore>; library?: StoreApi<LibraryStore> }) {
  return (
    <RoomStoreProvider store={store}>
      <LibraryStoreProvider store={library}>
        <AppShell />
      </LibraryStoreProvider>
    </RoomStoreProvider>
  );
}
