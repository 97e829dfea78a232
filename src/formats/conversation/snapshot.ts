/**
 * The conversation snapshot every export starts from: one plain, serializable object with the room, the transcript
 * and the event log. It has no provider settings, so it cannot carry an API key.
 */
import type {
  CoreEvent,
  HumanParticipant,
  PeerParticipant,
  RoomData,
  RoundEndReason,
  SavedConversation,
  TranscriptMessage,
} from '../../core/index.ts';

/**
 * A peer that spoke in this conversation but no longer sits in the room (removed later). Kept so that every
 * message author and every participant named in the event log stays known.
 */
export interface FormerPeer {
  id: string;
  handle: string;
  displayName: string;
}

/** One conversation, as exported and imported. */
export interface ConversationSnapshot {
  id: string;
  title: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
  room: RoomData;
  /** Peers named by messages or events who have left the room (often empty). */
  formerPeers: FormerPeer[];
  /** The transcript, in order (the versions shown). */
  messages: TranscriptMessage[];
  /** Earlier or later versions of messages (edits, regenerations) and what followed them; absent when none. */
  otherVersions?: TranscriptMessage[];
  /** The audit log, in Lamport order. */
  events: CoreEvent[];
}

/** The parts of the store's state a snapshot is taken from. Provider settings are deliberately not among them. */
export interface SnapshotSource extends RoomData {
  /** Message ids in transcript order; `messages` holds them (and other versions) by id. */
  messageIds: readonly string[];
  messages: Readonly<Record<string, TranscriptMessage>>;
  events: readonly CoreEvent[];
}

/** What the store does not know about a conversation: who it is and, optionally, when it began. */
export interface SnapshotMeta {
  id: string;
  /** Defaults to the room's name. */
  title?: string;
  /** Defaults to the first event or message. */
  createdAt?: number;
  /** Defaults to the last event or message. */
  updatedAt?: number;
  /** Seats removed from the room that the persistence layer remembered; others get a placeholder. */
  formerPeers?: readonly FormerPeer[];
}

/**
 * Takes a snapshot of the store's state: a deep copy holding only the room, the transcript (in `messageIds`
 * order) and the event log, with `undefined` fields dropped so the snapshot equals its own JSON round trip.
 * Provider settings and keys are never read.
 */
export function snapshotOf(state: SnapshotSource, meta: SnapshotMeta): ConversationSnapshot {
  const room: RoomData = plain({
    name: state.name,
    human: state.human,
    peers: state.peers,
    modeId: state.modeId,
    customModes: state.customModes,
    limits: state.limits,
    seed: state.seed,
    ...(state.shareReasoning === true ? { shareReasoning: true } : {}),
  });
  const messages = state.messageIds
    .map((id) => state.messages[id])
    .filter((message): message is TranscriptMessage => message !== undefined)
    .map((message) => plain(message));
  const onPath = new Set(state.messageIds);
  const otherVersions = Object.values(state.messages)
    .filter((message) => !onPath.has(message.id))
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((message) => plain(message));
  const events = state.events.map((event) => plain(event));
  // A loop, not Math.min(...times): a long conversation would overflow the argument list.
  let first = Infinity;
  let last = -Infinity;
  for (const time of [...events.map((event) => event.at), ...messages.map((message) => message.createdAt)]) {
    first = Math.min(first, time);
    last = Math.max(last, time);
  }
  const createdAt = meta.createdAt ?? (Number.isFinite(first) ? first : 0);
  const updatedAt = meta.updatedAt ?? Math.max(createdAt, last);
  return {
    id: meta.id,
    title: meta.title ?? state.name,
    createdAt,
    updatedAt,
    room,
    formerPeers: formerPeersOf(room, messages, events, meta.formerPeers ?? []),
    messages,
    ...(otherVersions.length > 0 ? { otherVersions } : {}),
    events,
  };
}

/** A stored conversation from an imported snapshot; the arbiter restarts from the room, after the log's clock. */
export function savedFromSnapshot(snapshot: ConversationSnapshot, id: string): SavedConversation {
  return {
    id,
    title: snapshot.title,
    room: snapshot.room,
    messages: snapshot.messages,
    ...(snapshot.otherVersions ? { otherVersions: snapshot.otherVersions } : {}),
    events: snapshot.events,
    arbiter: null,
    lastRoundEnd: lastRoundEndOf(snapshot.events),
  };
}

/** The last round end the log records (what the transcript shows under its last round). */
function lastRoundEndOf(events: readonly CoreEvent[]): RoundEndReason | null {
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index];
    if (event?.type === 'round-ended') return event.reason;
  }
  return null;
}

/** Every participant id a message or an event refers to. */
export function referencedParticipantIds(
  messages: readonly TranscriptMessage[],
  events: readonly CoreEvent[],
): string[] {
  const ids: string[] = [];
  for (const message of messages) {
    if (message.authorId !== '') ids.push(message.authorId);
    if (message.reason?.kind === 'peer-mention') ids.push(message.reason.askedBy);
  }
  for (const event of events) ids.push(...participantIdsOfEvent(event));
  return [...new Set(ids)];
}

/** The participant ids one event names. */
export function participantIdsOfEvent(event: CoreEvent): string[] {
  switch (event.type) {
    case 'roles-assigned':
      return event.roles.map((role) => role.participantId);
    case 'dap-sampled':
      return [...event.probabilities.map((p) => p.peerId), ...event.draws.map((draw) => draw.peerId)];
    case 'turn-dispatched':
      return event.reason.kind === 'peer-mention' ? [event.peerId, event.reason.askedBy] : [event.peerId];
    case 'turn-completed':
    case 'turn-skipped':
    case 'broadcast-received':
      return [event.peerId];
    case 'broadcast-sent':
      return [event.senderId, ...event.recipients];
    case 'human-override':
      return event.peerId === undefined ? [] : [event.peerId];
    default:
      return [];
  }
}

/** Finds a participant (human, seated peer or former peer) by id. */
export function participantOf(
  snapshot: Pick<ConversationSnapshot, 'room' | 'formerPeers'>,
  id: string,
): HumanParticipant | PeerParticipant | FormerPeer | undefined {
  if (snapshot.room.human.id === id) return snapshot.room.human;
  return snapshot.room.peers.find((peer) => peer.id === id) ?? snapshot.formerPeers.find((peer) => peer.id === id);
}

function formerPeersOf(
  room: RoomData,
  messages: readonly TranscriptMessage[],
  events: readonly CoreEvent[],
  remembered: readonly FormerPeer[],
): FormerPeer[] {
  const seated = new Set([room.human.id, ...room.peers.map((peer) => peer.id)]);
  const missing = referencedParticipantIds(messages, events).filter((id) => !seated.has(id));
  return missing.map((id, index) => {
    const known = remembered.find((peer) => peer.id === id);
    return known
      ? { id, handle: known.handle, displayName: known.displayName }
      : { id, handle: `removed-${index + 1}`, displayName: 'Removed peer' };
  });
}

/**
 * A deep copy with `undefined` object fields left out, as JSON would store it. Our types are shallow trees of
 * plain objects and arrays, so recursion depth is bounded by the type, not by the data.
 */
function plain<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = copy(field);
    return out;
  }
  return value;
}
