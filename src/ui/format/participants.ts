/** Looking people up by id for display; pure functions over the store state. */
import type { RoomState } from '../../store/index.ts';

/** `@handle` text for any participant id (the human, a peer, or the id itself when the seat is gone). */
export function handleOf(state: Pick<RoomState, 'human' | 'peers'>, participantId: string): string {
  if (participantId === state.human.id) return state.human.handle;
  return state.peers.find((peer) => peer.id === participantId)?.handle ?? participantId;
}
