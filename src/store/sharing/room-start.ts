import { roomDataOf, transcriptOf } from '../../core/index.ts';
import type { RoomEvent } from '../../core/index.ts';
import type { RoomState } from '../types.ts';
import { FRESH_CONVERSATION } from '../room/lifecycle-actions.ts';
import { arbiterView } from '../room/view.ts';

/**
 * A shared room's first events: a new conversation at the same table (every seat so far the sharer's: their browser
 * runs them, on their keys), carrying the transcript shown now, finished messages only.
 */
export function sharedRoomStart(state: RoomState, conversationId: string, ownerId: string, at: number): RoomEvent[] {
  const room = roomDataOf({ ...state, peers: state.peers.map((peer) => ({ ...peer, ownerId })) });
  const messages = transcriptOf(state).filter((message) => message.status !== 'streaming');
  return [
    {
      type: 'conversation-started',
      conversationId,
      // The sharer's list then holds both: the conversation as it was, and the shared room that goes on from it.
      title: `${state.title.slice(0, 180)} (shared)`,
      room,
      id: `${conversationId}:1`,
      lamport: 1,
      at,
    },
    { type: 'history-carried', messages, id: `${conversationId}:2`, lamport: 2, at },
  ];
}

/** An empty room, waiting for the shared room's history. */
export function emptySharedRoom(state: Pick<RoomState, 'arbiter'>): Partial<RoomState> {
  return {
    ...FRESH_CONVERSATION,
    conversationId: '',
    title: '',
    log: [],
    logLamport: 0,
    peers: [],
    messageIds: [],
    messages: {},
    events: [],
    ended: false,
    lastRoundEnd: null,
    ...arbiterView(state.arbiter),
  };
}
