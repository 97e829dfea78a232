/**
 * The checks of an imported snapshot that a schema cannot express: the room follows the room's rules (roster,
 * modes, DAP pMin <= pMax under the mode: the core's `validateRoomSettings`, as every other way in), every id that
 * names a participant names a known one, message ids are unique, and the event log is in Lamport order.
 */
import { validateRoomSettings } from '../../core/index.ts';
import type { ConversationSnapshot } from './snapshot.ts';
import { participantIdsOfEvent } from './snapshot.ts';

/** A problem with a dotted path relative to the snapshot, e.g. `messages.4.authorId`. */
export interface ReferenceIssue {
  path: string;
  message: string;
}

/** Returns the first problem found, or null when the snapshot hangs together. */
export function firstReferenceIssue(snapshot: ConversationSnapshot): ReferenceIssue | null {
  return roomIssue(snapshot) ?? formerPeerIssue(snapshot) ?? messageIssue(snapshot) ?? eventIssue(snapshot);
}

function roomIssue({ room }: ConversationSnapshot): ReferenceIssue | null {
  const issue = validateRoomSettings(room)[0];
  return issue ? { path: `room.${issue.path.replace(/\[(\d+)\]/g, '.$1')}`, message: issue.message } : null;
}

function formerPeerIssue({ room, formerPeers }: ConversationSnapshot): ReferenceIssue | null {
  const ids = new Set([room.human.id, ...room.peers.map((peer) => peer.id)]);
  for (const [index, peer] of formerPeers.entries()) {
    if (ids.has(peer.id)) return { path: `formerPeers.${index}.id`, message: `id "${peer.id}" is used twice` };
    ids.add(peer.id);
  }
  return null;
}

function messageIssue(snapshot: ConversationSnapshot): ReferenceIssue | null {
  const { room, formerPeers, messages } = snapshot;
  const peerIds = new Set([...room.peers, ...formerPeers].map((peer) => peer.id));
  const seen = new Set<string>();
  for (const [index, message] of messages.entries()) {
    const at = `messages.${index}`;
    if (seen.has(message.id)) return { path: `${at}.id`, message: `message id "${message.id}" is used twice` };
    seen.add(message.id);
    const author = message.authorId;
    const known =
      message.kind === 'human'
        ? author === room.human.id
        : message.kind === 'peer'
          ? peerIds.has(author)
          : author === '' || author === room.human.id || peerIds.has(author);
    if (!known) {
      return {
        path: `${at}.authorId`,
        message: `"${author}" is not a ${message.kind === 'human' ? 'human' : 'peer'} of this conversation`,
      };
    }
    if (message.reason?.kind === 'peer-mention' && !peerIds.has(message.reason.askedBy)) {
      return {
        path: `${at}.reason.askedBy`,
        message: `"${message.reason.askedBy}" is not a peer of this conversation`,
      };
    }
  }
  return null;
}

function eventIssue({ room, formerPeers, events }: ConversationSnapshot): ReferenceIssue | null {
  const participants = new Set([
    room.human.id,
    ...room.peers.map((peer) => peer.id),
    ...formerPeers.map((peer) => peer.id),
  ]);
  let previous = -Infinity;
  for (const [index, event] of events.entries()) {
    if (event.lamport <= previous) {
      return {
        path: `events.${index}.lamport`,
        message: `${event.lamport} does not come after ${previous} (events must be in Lamport order)`,
      };
    }
    previous = event.lamport;
    const unknown = participantIdsOfEvent(event).find((id) => !participants.has(id));
    if (unknown !== undefined) {
      return { path: `events.${index}`, message: `"${unknown}" is not a participant of this conversation` };
    }
  }
  return null;
}
