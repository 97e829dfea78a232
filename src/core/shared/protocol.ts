/**
 * The shared-room wire protocol between a member's browser and the sync server, as plain JSON types.
 *
 * The Yjs document of a room holds the room log (`log`, a Y.Array of RoomEvent) and the members (`members`, a
 * Y.Map of Member by member id). Only the server writes the document: members' connections are read-only, and a
 * member changes the room by sending an intent as a stateless message. The server authenticates who sent it,
 * checks their authority, stamps the event (id from the intent, next Lamport number, server time, the sender),
 * appends it, and then runs the coordinator, which appends the turns the arbiter opens. Everyone, the server
 * included, projects the same log with the same core, so every screen shows the same decisions and reasons.
 *
 * Streamed tokens are not in the document: the browser running a turn sends them as `delta` messages, which the
 * server relays to the other members; the turn's `turn-finished` event carries the final text.
 */
import type { RoomEvent, RoomEventBody } from '../room/events.ts';

/** Member roles (MPAC): the owner has full human authority; an arbiter governs turns; a contributor speaks. */
export type MemberRole = 'owner' | 'arbiter' | 'contributor';

export interface Member {
  memberId: string;
  name: string;
  role: MemberRole;
  joinedAt: number;
  /** Set when the owner removed them: they can no longer connect. */
  removed?: boolean;
}

/** What a browser presents when it connects (the provider's token, as JSON). */
export interface JoinToken {
  /** The room secret from the invite link. */
  secret: string;
  /** Chosen by the browser on first join and kept; with `memberKey` it is who the member is. */
  memberId: string;
  /** A random secret the browser keeps; the server stores only its hash and admits that member id only with it. */
  memberKey: string;
  name: string;
  /** Only on the first connection of the person sharing the room: creates it with them as owner. */
  create?: boolean;
}

/** The room-event bodies a member may ask for; the server fills in id, Lamport number, time and sender. */
export type IntentBody = Exclude<RoomEventBody, { type: 'conversation-started' | 'history-carried' | 'turn-opened' }>;

/** Browser → server, as a stateless message. */
export type ClientMessage =
  /** Append an event. `id` is chosen by the browser and becomes the event's id: a resend changes nothing. */
  | { t: 'intent'; id: string; body: IntentBody }
  /**
   * The first message of the person sharing: the shared room's log to start from — its `conversation-started`,
   * then the `history-carried` transcript (keys are never in it).
   */
  | { t: 'import'; id: string; log: RoomEvent[] }
  /**
   * Text streamed by a turn this browser runs (its owner's seat), in order (`seq` from 0). After a reconnect the
   * browser sends `full: true` with all the text so far, which replaces what the server kept (deltas sent while
   * offline were lost, and a restarted server kept none).
   */
  | { t: 'delta'; turnId: string; seq: number; text: string; reasoning?: string; full?: true }
  /** Owner only: seat a member's role, or remove them. */
  | { t: 'member'; id: string; memberId: string; role?: Exclude<MemberRole, 'owner'>; remove?: true };

/** Server → browser, as a stateless message. */
export type ServerMessage =
  | { t: 'ack'; id: string }
  /** The intent was turned down; nothing changed. `reason` is one plain sentence. */
  | { t: 'refused'; id: string; reason: string }
  /**
   * Relayed stream text of a running turn. On joining mid-turn, a delta with `full: true` carries all the text so
   * far (it replaces what the browser had for that turn; the relayed deltas that follow continue it).
   */
  | { t: 'delta'; turnId: string; seq: number; text: string; reasoning?: string; full?: true };
