/**
 * Every MPLP id of one conversation, derived from the conversation's own ids (see uuid.ts), and the shared bits
 * of every document (ISO times, `meta`).
 */
import type { MplpMeta } from './types.ts';
import type { ConversationSnapshot } from '../conversation/snapshot.ts';
import { conversationUuid } from './uuid.ts';

/** The MPLP id of each PeerChat object. The same snapshot always yields the same ids. */
export interface MplpIds {
  context: string;
  /** The collaboration session; also every MAP event's `session_id`. */
  collab: string;
  dialog: string;
  role(participantId: string): string;
  /** A dialog message's `event.event_id`; MAP payloads refer to messages by it (`message_event_id`). */
  message(messageId: string): string;
  round(roundId: string): string;
  /** A turn's execution token (`token_id`). */
  turn(turnId: string): string;
  /** A MAP event or collab event, by the Lamport time of the PeerChat event it comes from. */
  event(lamport: number): string;
  /** An event PeerChat's log does not have but MPLP requires (a completion for a turn cut off by the export). */
  synthetic(name: string): string;
}

/** The ids of one conversation. */
export function mplpIdsOf(conversationId: string): MplpIds {
  const id = (kind: string, local = '') => conversationUuid(conversationId, kind, local);
  return {
    context: id('context'),
    collab: id('collab'),
    dialog: id('dialog'),
    role: (participantId) => id('role', participantId),
    message: (messageId) => id('message', messageId),
    round: (roundId) => id('round', roundId),
    turn: (turnId) => id('turn', turnId),
    event: (lamport) => id('event', String(lamport)),
    synthetic: (name) => id('synthetic', name),
  };
}

/** ISO 8601 time of a millisecond timestamp. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export const MPLP_PROTOCOL_VERSION = '1.0.0';

/** The `meta` block every document carries. */
export function metaOf(snapshot: ConversationSnapshot): MplpMeta {
  return {
    protocol_version: MPLP_PROTOCOL_VERSION,
    schema_version: MPLP_PROTOCOL_VERSION,
    created_at: iso(snapshot.createdAt),
    created_by: 'peerchat',
    updated_at: iso(snapshot.updatedAt),
    tags: ['peerchat', 'mpop'],
  };
}
