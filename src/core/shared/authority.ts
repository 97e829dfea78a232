/**
 * Who may ask for what in a shared room (MPAC roles). The owner has full human authority; an arbiter has the turn
 * and governance controls but not membership; every member speaks and governs their own seats and the turns of
 * those seats. `authorityProblem` answers one intent with one plain sentence, or null when it is allowed.
 */
import type { RoomProjection } from '../room/projection.ts';
import { runningTurn } from '../room/reduce.ts';
import type { PeerSeat } from '../room/types.ts';
import type { IntentBody, Member, MemberRole } from './protocol.ts';

/** The member who owns a seat: its `ownerId`, or the room's owner for seats from before the room was shared. */
export function seatOwnerId(seat: Pick<PeerSeat, 'ownerId'>, roomOwnerId: string): string {
  return seat.ownerId ?? roomOwnerId;
}

/** The member who wrote a human message: its sender, or the room's owner for messages from before sharing. */
function authorOf(projection: RoomProjection, messageId: string, roomOwnerId: string): string | undefined {
  const message = projection.messages[messageId];
  if (!message || message.kind !== 'human') return undefined;
  return message.sender?.memberId ?? roomOwnerId;
}

const GOVERNS: readonly MemberRole[] = ['owner', 'arbiter'];
const governs = (member: Member) => GOVERNS.includes(member.role);

interface Asker {
  member: Member;
  roomOwnerId: string;
  projection: RoomProjection;
}

function ownsPeer({ member, roomOwnerId, projection }: Asker, peerId: string): boolean {
  const seat = projection.peers.find((peer) => peer.id === peerId);
  return seat !== undefined && seatOwnerId(seat, roomOwnerId) === member.memberId;
}

function peerName(projection: RoomProjection, peerId: string): string {
  return projection.peers.find((peer) => peer.id === peerId)?.displayName ?? peerId;
}

/** Allowed for the peer's owner, and for the owner and arbiters. */
function ownPeerOrGoverns(asker: Asker, peerId: string, what: string): string | null {
  if (governs(asker.member) || ownsPeer(asker, peerId)) return null;
  return `Only ${peerName(asker.projection, peerId)}'s owner, the room's owner or an arbiter can ${what}.`;
}

const ownerOnly = (asker: Asker, what: string) =>
  asker.member.role === 'owner' ? null : `Only the room's owner can ${what}.`;
const governsOnly = (asker: Asker, what: string) =>
  governs(asker.member) ? null : `Only the room's owner or an arbiter can ${what}.`;

type Control = Extract<IntentBody, { type: 'human-control' }>['control'];

function controlProblem(asker: Asker, control: Control): string | null {
  switch (control.type) {
    case 'stop-all':
      return governsOnly(asker, 'stop every turn');
    case 'skip-next':
      return governsOnly(asker, 'skip the next turn');
    case 'show-version':
      return governsOnly(asker, 'change the version everyone sees');
    case 'end-session':
      return ownerOnly(asker, 'end the conversation');
    case 'stop-peer':
      return ownPeerOrGoverns(asker, control.peerId, 'stop it');
    case 'mute':
      return ownPeerOrGoverns(asker, control.peerId, 'mute it');
    case 'unmute':
      return ownPeerOrGoverns(asker, control.peerId, 'unmute it');
    case 'speak-now':
      return ownPeerOrGoverns(asker, control.peerId, 'make it speak now');
    case 'regenerate':
      if (asker.member.role === 'owner' || ownsPeer(asker, control.peerId)) return null;
      return `Only ${peerName(asker.projection, control.peerId)}'s owner or the room's owner can regenerate its reply.`;
  }
}

/** A seats-set may change only the sender's own seats; new seats must carry the sender's id. */
function seatsProblem(asker: Asker, peers: readonly PeerSeat[]): string | null {
  const { member, roomOwnerId, projection } = asker;
  const before = new Map(projection.peers.map((seat) => [seat.id, seat]));
  const after = new Map(peers.map((seat) => [seat.id, seat]));
  if (after.size !== peers.length) return 'Two seats cannot share one id.';
  for (const seat of peers) {
    const old = before.get(seat.id);
    if (old === undefined) {
      if (seat.ownerId !== member.memberId) return `The new seat ${seat.displayName} must be yours.`;
      continue;
    }
    const oldOwner = seatOwnerId(old, roomOwnerId);
    if (oldOwner === member.memberId) {
      if (seatOwnerId(seat, roomOwnerId) !== member.memberId) return `You cannot give ${old.displayName} away.`;
      continue;
    }
    if (JSON.stringify(old) !== JSON.stringify(seat)) return `You cannot change ${old.displayName}: it is not yours.`;
  }
  for (const old of projection.peers) {
    if (!after.has(old.id) && seatOwnerId(old, roomOwnerId) !== member.memberId)
      return `You cannot remove ${old.displayName}: it is not yours.`;
  }
  return null;
}

function turnFinishedProblem(asker: Asker, turnId: string): string | null {
  const turn = runningTurn(asker.projection, turnId);
  if (!turn) return 'That turn has already ended.';
  if (!ownsPeer(asker, turn.peerId)) return `Only ${peerName(asker.projection, turn.peerId)}'s owner can end its turn.`;
  return null;
}

/**
 * Why `member` may not ask for `body` in this room, in one sentence; null when they may. `roomOwnerId` owns the
 * seats and messages that have no owner or sender (those from before the room was shared).
 */
export function authorityProblem(
  projection: RoomProjection,
  member: Member,
  roomOwnerId: string,
  body: IntentBody,
): string | null {
  const asker: Asker = { member, roomOwnerId, projection };
  switch (body.type) {
    case 'human-message':
      if (body.edits === undefined || authorOf(projection, body.edits, roomOwnerId) === member.memberId) return null;
      return 'You can only edit your own messages.';
    case 'human-control':
      return controlProblem(asker, body.control);
    case 'mode-set':
    case 'mode-defined':
      return governsOnly(asker, 'change the mode');
    case 'limits-set':
      return governsOnly(asker, 'change the limits');
    case 'dap-set':
      if (body.peerId === null) return governsOnly(asker, "change every seat's DAP settings");
      return ownPeerOrGoverns(asker, body.peerId, 'change its DAP settings');
    case 'seats-set':
      return seatsProblem(asker, body.peers);
    case 'title-set':
      return ownerOnly(asker, 'rename the conversation');
    case 'reasoning-sharing-set':
      return ownerOnly(asker, 'change whether peers share their reasoning');
    case 'council-default-set':
      return governsOnly(asker, "change the room's default round");
    case 'adapter-profile-set':
      return ownsPeer(asker, body.peerId)
        ? null
        : `Only ${peerName(projection, body.peerId)}'s owner can report its profile.`;
    case 'turn-finished':
      return turnFinishedProblem(asker, body.turnId);
  }
}
