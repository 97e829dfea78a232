/** Small edits of the path shown, shared by the room reducer and the council's notices. */
import type { RoomProjection } from './projection.ts';
import type { TranscriptMessage } from './types.ts';

/** Appends a message to the path shown. */
export function withMessage(state: RoomProjection, message: TranscriptMessage): RoomProjection {
  return {
    ...state,
    messageIds: [...state.messageIds, message.id],
    messages: { ...state.messages, [message.id]: message },
  };
}

/** Ends the path shown just before `messageId` (it and what followed stay, as other versions). */
export function cutPathBefore(state: RoomProjection, messageId: string): RoomProjection {
  const index = state.messageIds.indexOf(messageId);
  return index >= 0 ? { ...state, messageIds: state.messageIds.slice(0, index) } : state;
}
