/** What a message shows besides its body, as plain functions of the store state (no protocol decisions). */
import type { MessageStatus, RoomState, TranscriptMessage } from '../../store/index.ts';
import { modesOf } from '../../store/index.ts';
import { handleOf } from '../format/participants.ts';
import { turnReasonText } from '../format/reasons.ts';

export interface MessageAuthor {
  handle: string;
  displayName: string;
  colour?: string;
}

const NOTICE_AUTHOR: MessageAuthor = Object.freeze({ handle: 'system', displayName: 'PeerChat' });
const REMOVED_AUTHOR: MessageAuthor = Object.freeze({ handle: 'removed', displayName: 'Removed peer' });

/** Each shared-room person's message author, made once per message so a selector sees the same object. */
const senders = new WeakMap<TranscriptMessage, MessageAuthor>();

/** In a shared room, the person who wrote a human message, by the name they joined with. */
function senderOf(state: RoomState, message: TranscriptMessage, name: string): MessageAuthor {
  let author = senders.get(message);
  if (author === undefined) {
    author = Object.freeze({ handle: state.human.handle, displayName: name });
    senders.set(message, author);
  }
  return author;
}

/** The author as shown. Returns stored (or constant) objects, so it is safe as a store selector. */
export function authorOf(state: RoomState, message: TranscriptMessage): MessageAuthor {
  if (message.kind === 'notice') return NOTICE_AUTHOR;
  if (message.kind === 'human') return message.sender ? senderOf(state, message, message.sender.name) : state.human;
  return state.peers.find((peer) => peer.id === message.authorId) ?? REMOVED_AUTHOR;
}

/** "Collaborative v2.5", or the raw id of a mode that no longer exists. */
export function modeStamp(state: RoomState, modeId: string | undefined): string | null {
  if (modeId === undefined) return null;
  const mode = modesOf(state).find((candidate) => candidate.id === modeId);
  return mode ? `${mode.name} v${mode.version}` : modeId;
}

/** Why the peer spoke, in words; null for the human's messages. */
export function reasonOf(state: RoomState, message: TranscriptMessage): string | null {
  if (!message.reason) return null;
  return turnReasonText(message.reason, (id) => handleOf(state, id), state.human.handle);
}

export const STATUS_LABEL: Record<MessageStatus, string> = {
  streaming: 'writing…',
  complete: 'complete',
  interrupted: 'interrupted',
  error: 'error',
  passed: 'passed',
};

/** True when the provider stopped because the reply hit the output token limit. */
export function wasCutOff(stopReason: string | null | undefined): boolean {
  if (!stopReason) return false;
  const reason = stopReason.toLowerCase();
  return reason === 'length' || reason === 'max_tokens' || reason === 'max_output_tokens';
}
