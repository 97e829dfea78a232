/**
 * The coordinator of a shared room: what the server appends, decided by pure functions over the projection.
 * An accepted intent becomes a stamped event; each `start-turn` effect of an append becomes a `turn-opened`
 * event; a turn whose seat's owner has been gone too long ends as an error, so the round goes on.
 */
import type { RoomEvent, RoomEventBody } from '../room/events.ts';
import type { RoomProjection } from '../room/projection.ts';
import type { RoomEffect } from '../room/reduce.ts';
import { seatOwnerId } from './authority.ts';
import type { IntentBody, Member } from './protocol.ts';

/** The event for an accepted intent: its id, the next Lamport number, the server's time, and the sender. */
export function stampIntent(
  projection: Pick<RoomProjection, 'logLamport'>,
  intentId: string,
  body: IntentBody,
  sender: Pick<Member, 'memberId' | 'name'>,
  now: number,
): RoomEvent {
  const stamp = { id: intentId, lamport: projection.logLamport + 1, at: now };
  if (body.type === 'human-message')
    return { ...body, ...stamp, sender: { memberId: sender.memberId, name: sender.name } };
  return { ...body, ...stamp } as RoomEvent;
}

/** Stamps a body the server itself decided (a turn opened or ended by the coordinator). */
export function stampServerEvent(
  projection: Pick<RoomProjection, 'logLamport'>,
  id: string,
  body: RoomEventBody,
  now: number,
): RoomEvent {
  return { ...body, id, lamport: projection.logLamport + 1, at: now } as RoomEvent;
}

/**
 * The `turn-opened` bodies for the turns an append started, in order. The event id is derived from the turn id,
 * so a turn is opened once however often this runs; `newMessageId` names each reply.
 */
export function turnOpenings(
  effects: readonly RoomEffect[],
  newMessageId: () => string,
): { id: string; body: Extract<RoomEventBody, { type: 'turn-opened' }> }[] {
  return effects
    .filter((effect) => effect.type === 'start-turn')
    .map((effect) => ({
      id: `opened:${effect.turnId}`,
      body: { type: 'turn-opened', turnId: effect.turnId, messageId: newMessageId() },
    }));
}

/** A turn that is running and has its reply message: one a browser is streaming. */
export interface OpenTurn {
  turnId: string;
  peerId: string;
  messageId: string;
  /** The member whose browser runs it. */
  ownerId: string;
}

/** The reply message of a running turn, searched from the newest message shown. */
function replyOf(projection: RoomProjection, turnId: string): string | undefined {
  for (let index = projection.messageIds.length - 1; index >= 0; index -= 1) {
    const message = projection.messages[projection.messageIds[index]!];
    if (message?.turnId === turnId) return message.id;
  }
  return Object.values(projection.messages).find((message) => message.turnId === turnId)?.id;
}

/** The running turns that have a reply message, with the member whose browser runs each. */
export function openTurns(projection: RoomProjection, roomOwnerId: string): OpenTurn[] {
  const { round, orphans } = projection.arbiter;
  const running = [...(round?.inFlight ?? []), ...orphans];
  return running.flatMap((turn) => {
    const messageId = replyOf(projection, turn.turnId);
    if (messageId === undefined) return [];
    const seat = projection.peers.find((peer) => peer.id === turn.peerId);
    // A seat that left mid-turn has no browser to finish it: the room's owner stands in.
    const ownerId = seat ? seatOwnerId(seat, roomOwnerId) : roomOwnerId;
    return [{ turnId: turn.turnId, peerId: turn.peerId, messageId, ownerId }];
  });
}

/** When each member was last connected: `'online'` while they have a connection, else the time they left. */
export type Presence = (memberId: string) => 'online' | number;

/** The open turns whose owner has had no connection for `ownerGoneMs` by `now`. */
export function overdueTurns(
  turns: readonly OpenTurn[],
  presence: Presence,
  now: number,
  ownerGoneMs: number,
): OpenTurn[] {
  return turns.filter((turn) => {
    const seen = presence(turn.ownerId);
    return seen !== 'online' && now - seen >= ownerGoneMs;
  });
}

/** The earliest time one of these turns becomes overdue, or null when none can (every owner is online). */
export function nextOverdueAt(turns: readonly OpenTurn[], presence: Presence, ownerGoneMs: number): number | null {
  const times = turns.map((turn) => presence(turn.ownerId)).filter((seen) => seen !== 'online');
  return times.length === 0 ? null : Math.min(...times) + ownerGoneMs;
}

/** The `turn-finished` that ends a turn whose owner's browser went away, keeping the text relayed so far. */
export function ownerGoneFinish(
  turn: OpenTurn,
  ownerName: string,
  relayedText: string,
): Extract<RoomEventBody, { type: 'turn-finished' }> {
  return {
    type: 'turn-finished',
    turnId: turn.turnId,
    messageId: turn.messageId,
    result: {
      status: 'error',
      text: relayedText,
      error: { reason: 'network', message: `${ownerName}'s browser went offline during this turn.` },
    },
  };
}

/**
 * What the server appends when the owner removes a member: each turn of theirs still running ends now, keeping the
 * text relayed so far, and then their seats leave the table, so the arbiter never picks a peer whose browser is gone.
 * Empty when they had neither.
 */
export function removedMemberEvents(
  projection: RoomProjection,
  removed: { memberId: string; name: string },
  roomOwnerId: string,
  relayedText: (turnId: string) => string,
): RoomEventBody[] {
  const finishes: RoomEventBody[] = openTurns(projection, roomOwnerId)
    .filter((turn) => turn.ownerId === removed.memberId)
    .map((turn) => ({
      type: 'turn-finished',
      turnId: turn.turnId,
      messageId: turn.messageId,
      result: {
        status: 'error',
        text: relayedText(turn.turnId),
        error: { reason: 'aborted', message: `${removed.name} was removed from the room during this turn.` },
      },
    }));
  const kept = projection.peers.filter((seat) => seatOwnerId(seat, roomOwnerId) !== removed.memberId);
  const seats: RoomEventBody[] = kept.length === projection.peers.length ? [] : [{ type: 'seats-set', peers: kept }];
  return [...finishes, ...seats];
}
