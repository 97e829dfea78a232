/**
 * One loaded room: its document (the server is its only writer), the projection of its log, the text relayed for
 * running turns, and the timer that ends turns whose owner went away. Every change goes through `commit`, which
 * appends a validated event and then the coordinator's `turn-opened` events.
 */
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import { appendRoomEvent, replayRoom } from '../src/core/index.ts';
import type { RoomEvent, RoomProjection } from '../src/core/index.ts';
import {
  authorityProblem,
  nextOverdueAt,
  openTurns,
  overdueTurns,
  ownerGoneFinish,
  removedMemberEvents,
  stampIntent,
  stampServerEvent,
  turnOpenings,
} from '../src/core/shared/index.ts';
import type { ClientMessage, IntentBody, Member, Presence } from '../src/core/shared/index.ts';

type Outcome = { ok: true } | { ok: false; reason: string };
type Delta = Extract<ClientMessage, { t: 'delta' }>;

/** The most text the server keeps for one running turn (for members joining mid-turn). */
const MAX_RELAYED_CHARS = 2_000_000;

interface Relayed {
  text: string;
  reasoning: string;
  nextSeq: number;
}

export interface RoomHostOptions {
  doc: Y.Doc;
  ownerGoneMs: number;
  presence: Presence;
  memberName: (memberId: string) => string;
  roomOwnerId: () => string;
  now: () => number;
  onLog: (event: string, reason: string) => void;
}

export class RoomHost {
  private readonly log: Y.Array<RoomEvent>;
  private projection: RoomProjection | null = null;
  private readonly ids = new Set<string>();
  private readonly relayed = new Map<string, Relayed>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: RoomHostOptions) {
    this.log = options.doc.getArray<RoomEvent>('log');
    const events = this.log.toArray();
    for (const event of events) this.ids.add(event.id);
    if (events.length > 0) this.projection = replayRoom(events);
  }

  get members(): Y.Map<Member> {
    return this.options.doc.getMap<Member>('members');
  }

  hasConversation(): boolean {
    return this.projection !== null;
  }

  /** The owner's first message: the room's log so far, checked by replaying it. */
  importLog(owner: Member, log: RoomEvent[]): Outcome {
    if (this.projection !== null) {
      // The owner's page resends an unanswered import after a reconnect: the same log again changes nothing.
      const same = (event: RoomEvent, index: number) => JSON.stringify(this.log.get(index)) === JSON.stringify(event);
      const again = log.length > 0 && log.length <= this.log.length && log.every(same);
      return again ? { ok: true } : { ok: false, reason: 'This room already has a conversation.' };
    }
    const forged = log.find(
      (event) => event.type === 'human-message' && event.sender && event.sender.memberId !== owner.memberId,
    );
    if (forged) return { ok: false, reason: `Event ${forged.id} names another member as its sender.` };
    let projection: RoomProjection;
    try {
      projection = replayRoom(log);
    } catch (error) {
      return { ok: false, reason: `The conversation does not replay: ${(error as Error).message}` };
    }
    if (new Set(log.map((event) => event.id)).size !== log.length)
      return { ok: false, reason: 'Two events of the conversation share one id.' };
    this.options.doc.transact(() => this.log.push(log));
    for (const event of log) this.ids.add(event.id);
    this.projection = projection;
    this.scheduleOverdue();
    return { ok: true };
  }

  /** A member's intent: authorized, stamped and appended; a known id changes nothing. */
  intent(member: Member, id: string, body: IntentBody): Outcome {
    if (this.ids.has(id)) return { ok: true };
    const projection = this.projection;
    if (projection === null) return { ok: false, reason: 'This room has no conversation yet.' };
    const problem = authorityProblem(projection, member, this.options.roomOwnerId(), body);
    if (problem !== null) return { ok: false, reason: problem };
    let stamped = body;
    if (body.type === 'turn-finished') {
      const turn = openTurns(projection, this.options.roomOwnerId()).find((open) => open.turnId === body.turnId);
      if (!turn) return { ok: false, reason: 'That turn has no reply message yet.' };
      if (body.messageId !== undefined && body.messageId !== turn.messageId)
        return { ok: false, reason: 'That reply belongs to another turn.' };
      stamped = { ...body, messageId: turn.messageId };
    }
    return this.commit([stampIntent(projection, id, stamped, member, this.options.now())]);
  }

  /** Relays a running turn's text from its owner; keeps it for members who join mid-turn. */
  delta(member: Member, delta: Delta): Outcome {
    const projection = this.projection;
    if (projection === null) return { ok: false, reason: 'This room has no conversation yet.' };
    const turn = openTurns(projection, this.options.roomOwnerId()).find((open) => open.turnId === delta.turnId);
    if (!turn) return { ok: false, reason: 'That turn is not running.' };
    if (turn.ownerId !== member.memberId) return { ok: false, reason: 'Only the seat’s owner streams its turn.' };
    if (delta.full) {
      // All the text so far, from the owner's page after a reconnect: it replaces what was kept.
      const reasoning = delta.reasoning ?? '';
      this.relayed.set(turn.turnId, { text: delta.text, reasoning, nextSeq: delta.seq + 1 });
      return { ok: true };
    }
    const relayed = this.relayed.get(turn.turnId) ?? { text: '', reasoning: '', nextSeq: 0 };
    if (relayed.text.length + relayed.reasoning.length > MAX_RELAYED_CHARS)
      return {
        ok: false,
        reason: `A turn relays at most ${MAX_RELAYED_CHARS} characters; the rest comes with its end.`,
      };
    if (delta.seq !== relayed.nextSeq)
      return { ok: false, reason: `Delta ${delta.seq} is out of order (expected ${relayed.nextSeq}).` };
    this.relayed.set(turn.turnId, {
      text: relayed.text + delta.text,
      reasoning: relayed.reasoning + (delta.reasoning ?? ''),
      nextSeq: relayed.nextSeq + 1,
    });
    return { ok: true };
  }

  /** The text so far of each running turn, for a member who joins mid-turn. */
  relayedSoFar(): { turnId: string; text: string; reasoning: string }[] {
    return [...this.relayed].map(([turnId, { text, reasoning }]) => ({ turnId, text, reasoning }));
  }

  /** Someone came or went: the turns of owners who left may now be due to end. */
  presenceChanged(): void {
    this.scheduleOverdue();
  }

  /** Ends the turns whose owner has been gone for `ownerGoneMs`. */
  endOverdueTurns(): void {
    const projection = this.projection;
    if (projection === null) return;
    const { ownerGoneMs, presence, now, memberName, roomOwnerId } = this.options;
    for (const turn of overdueTurns(openTurns(projection, roomOwnerId()), presence, now(), ownerGoneMs)) {
      const current = this.projection!;
      const text = this.relayed.get(turn.turnId)?.text ?? '';
      const body = ownerGoneFinish(turn, memberName(turn.ownerId), text);
      this.options.onLog('turn-ended-owner-gone', `${turn.turnId}: the seat's owner has been offline too long.`);
      this.commit([stampServerEvent(current, `gone:${turn.turnId}`, body, now())]);
    }
    this.scheduleOverdue();
  }

  /** The owner removed a member: their running turns end and their seats leave (`removedMemberEvents`). */
  memberRemoved(memberId: string): void {
    const projection = this.projection;
    if (projection === null) return;
    const { now, memberName, roomOwnerId, onLog } = this.options;
    const removed = { memberId, name: memberName(memberId) };
    const bodies = removedMemberEvents(
      projection,
      removed,
      roomOwnerId(),
      (turnId) => this.relayed.get(turnId)?.text ?? '',
    );
    if (bodies.length === 0) return;
    onLog('member-seats-removed', `${memberId}: ${bodies.length} event(s) for a removed member's turns and seats.`);
    this.commit(bodies.map((body, index) => stampServerEvent(projection, `removed:${memberId}:${index}`, body, now())));
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Appends `events` in order, each followed by the turn-opened events of the turns it started. */
  private commit(events: RoomEvent[]): Outcome {
    const appended: RoomEvent[] = [];
    let projection = this.projection!;
    const pending = [...events];
    while (pending.length > 0) {
      // Each event takes the next Lamport number as it is appended, after the openings that came before it.
      const event = { ...pending.shift()!, lamport: projection.logLamport + 1 };
      const result = appendRoomEvent(projection, [], this.ids, event);
      if (result.status === 'duplicate') continue;
      if (result.status === 'refused') {
        if (appended.length === 0) return { ok: false, reason: result.message };
        this.options.onLog('coordinator-refused', result.message);
        continue;
      }
      projection = result.step.state;
      this.ids.add(event.id);
      appended.push(event);
      if (event.type === 'turn-finished') this.relayed.delete(event.turnId);
      const openings = turnOpenings(result.step.effects, randomUUID).map((opening) =>
        stampServerEvent(projection, opening.id, opening.body, this.options.now()),
      );
      pending.unshift(...openings);
    }
    this.projection = projection;
    this.options.doc.transact(() => this.log.push(appended));
    this.scheduleOverdue();
    return { ok: true };
  }

  private scheduleOverdue(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.projection === null) return;
    const turns = openTurns(this.projection, this.options.roomOwnerId());
    const due = nextOverdueAt(turns, this.options.presence, this.options.ownerGoneMs);
    if (due === null) return;
    this.timer = setTimeout(() => this.endOverdueTurns(), Math.max(0, due - this.options.now()));
  }
}
