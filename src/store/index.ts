/**
 * The app's one facilitator store, wired to the real adapters and the browser's frame clock, and the hook
 * components read it with. Tests build their own store with `createFacilitatorStore`.
 */
import { useStore } from 'zustand';
import { createAdapter } from '../adapters/create-adapter.ts';
import { costOf, lookupModel } from '../adapters/catalog.ts';
import type { PeerAdapter, ProviderSettings } from '../adapters/types.ts';
import { defaultRoom } from './default-room.ts';
import { createFacilitatorStore } from './facilitator.ts';
import type { RoomStore } from './types.ts';

export type * from './types.ts';
export { createFacilitatorStore, modesOf, MAX_MESSAGE_CHARS } from './facilitator.ts';

/** One adapter per distinct settings, so an SDK client is built once and reused across turns. */
const adapters = new Map<string, PeerAdapter>();
function adapterFor(settings: ProviderSettings): PeerAdapter {
  const key = JSON.stringify(settings);
  let adapter = adapters.get(key);
  if (!adapter) {
    adapter = createAdapter(settings);
    adapters.set(key, adapter);
  }
  return adapter;
}

export const roomStore = createFacilitatorStore({
  adapterFor,
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
  requestFrame: (flush) =>
    typeof requestAnimationFrame === 'function' ? requestAnimationFrame(flush) : setTimeout(flush, 16),
  costOf: (peer, usage) => costOf(usage, lookupModel(peer.provider, peer.model)) ?? undefined,
  initialRoom: defaultRoom(crypto.getRandomValues(new Uint32Array(1))[0]!),
});

/** Reads the room store; pass a selector that picks only what the component shows. */
export function useRoom<T>(selector: (state: RoomStore) => T): T {
  return useStore(roomStore, selector);
}

/** Loads what this browser remembers (provider settings) and keeps it up to date. Called once at start-up. */
export async function startPersistence(): Promise<void> {
  const [{ PeerChatDb }, { persistSettings }] = await Promise.all([
    import('./persistence/db.ts'),
    import('./persistence/settings.ts'),
  ]);
  await persistSettings(roomStore, new PeerChatDb());
}
