import type { StoreApi } from 'zustand';
import type { RoomStore } from '../store/index.ts';
import { AppShell } from './layout/AppShell';
import { RoomStoreProvider } from './state/room-store';
import './ui.css';

/** PeerChat: the room over the app's facilitator store (or the store a test passes). */
export function App({ store }: { store?: StoreApi<RoomStore> }) {
  return (
    <RoomStoreProvider store={store}>
      <AppShell />
    </RoomStoreProvider>
  );
}
