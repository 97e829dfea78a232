/**
 * PeerChat's event log as MPLP events. Lifecycle events become MAP events (`map-events.json`); the governance
 * events MAP has no type for become base events in `collab.json` `events`, so nothing in the log is lost:
 *
 *   session-started     -> MAPSessionStarted          round-started  -> peerchat.round.started
 *   roles-assigned      -> MAPRolesAssigned           dap-sampled    -> peerchat.dap.sampled
 *   turn-dispatched     -> MAPTurnDispatched          turn-skipped   -> peerchat.turn.skipped
 *   turn-completed      -> MAPTurnCompleted           mode-changed   -> peerchat.mode.changed
 *   broadcast-sent      -> MAPBroadcastSent           human-override -> peerchat.human.override
 *   broadcast-received  -> MAPBroadcastReceived       round-ended    -> peerchat.round.ended
 *   session-completed   -> MAPSessionCompleted
 *
 * Two MAP invariants are kept even when the log alone would break them: a turn still running at export time gets a
 * completion marked `synthesized` (status `unfinished`), and a broadcast that reached nobody (everyone muted, or the
 * human stopped it first) is written as `peerchat.broadcast.undelivered` instead of a MAPBroadcastSent.
 *
 * MAPSessionCompleted is mandatory in the MAP profile. A conversation the human ended has it from its log (payload
 * `status: "completed"`); one exported while still open gets one marked `synthesized` with `status: "open"`, last,
 * so the bundle is complete while saying plainly that the conversation goes on.
 */
import type { CoreEvent, TurnReason } from '../../core/index.ts';
import { baseEvent, governanceEventOf } from './governance-events.ts';
import { iso, type MplpIds } from './ids.ts';
import type { JsonObject, MapEventType, MplpBaseEvent, MplpMapEvent } from './types.ts';
import type { ConversationSnapshot } from '../conversation/snapshot.ts';

export interface MplpEvents {
  /** `map-events.json`, in Lamport order. */
  map: MplpMapEvent[];
  /** `collab.json` `events`, in Lamport order. */
  collab: MplpBaseEvent[];
}

/** Converts the snapshot's event log. */
export function mplpEventsOf(snapshot: ConversationSnapshot, ids: MplpIds): MplpEvents {
  const log = [...snapshot.events].sort((a, b) => a.lamport - b.lamport);
  const context = new LogContext(snapshot, ids, log);
  const map: MplpMapEvent[] = [];
  const collab: MplpBaseEvent[] = [];
  for (const event of log) {
    const converted = context.convert(event);
    if (converted === null) continue;
    if ('session_id' in converted) map.push(converted);
    else collab.push(converted);
  }
  const unfinished = context.unfinishedTurnCompletions();
  map.push(...unfinished);
  if (!log.some((event) => event.type === 'session-completed'))
    map.push(context.openSessionCompletion(unfinished.length));
  return { map, collab };
}

/** What converting one event needs to know about the rest of the log. */
class LogContext {
  private readonly turnNumbers = new Map<string, number>();
  /** Dispatches minus completions, per turn and peer (what a MAP consumer matches them by). */
  private readonly openTurns = new Map<string, number>();
  private readonly dispatched: Extract<CoreEvent, { type: 'turn-dispatched' }>[] = [];
  private readonly broadcastSenders = new Map<string, string>();
  private readonly receivedBroadcasts = new Set<string>();
  private readonly lastLamport: number;
  private readonly lastAt: number;

  constructor(
    private readonly snapshot: ConversationSnapshot,
    private readonly ids: MplpIds,
    log: readonly CoreEvent[],
  ) {
    for (const event of log) {
      if (event.type === 'turn-dispatched') this.turnNumbers.set(event.turnId, this.turnNumbers.size + 1);
      if (event.type === 'broadcast-received') this.receivedBroadcasts.add(broadcastKey(event));
    }
    this.lastLamport = log.at(-1)?.lamport ?? 0;
    this.lastAt = Math.max(snapshot.updatedAt, log.at(-1)?.at ?? 0);
  }

  convert(event: CoreEvent): MplpMapEvent | MplpBaseEvent | null {
    const { ids } = this;
    const role = (participantId: string) => ids.role(participantId);
    switch (event.type) {
      case 'session-started':
        return this.map(
          event,
          'MAPSessionStarted',
          { seed: event.seed, mode: event.modeId },
          {
            initiator_role: role(this.snapshot.room.human.id),
          },
        );
      case 'roles-assigned':
        return this.map(
          event,
          'MAPRolesAssigned',
          {
            roles: event.roles.map((entry) => ({
              participant_id: entry.participantId,
              role_id: role(entry.participantId),
              role: entry.role,
              enabled: entry.enabled,
            })),
          },
          { target_roles: event.roles.map((entry) => role(entry.participantId)) },
        );
      case 'turn-dispatched': {
        this.dispatched.push(event);
        this.openTurns.set(turnKey(event), (this.openTurns.get(turnKey(event)) ?? 0) + 1);
        const asker = askerOf(event.reason, this.snapshot.room.human.id);
        return this.map(
          event,
          'MAPTurnDispatched',
          {
            role_id: role(event.peerId),
            turn_number: this.turnNumber(event.turnId),
            token_id: ids.turn(event.turnId),
            round_id: ids.round(event.roundId),
            reason: this.reason(event.reason),
            depth: event.depth,
            mode: event.modeId,
          },
          { ...(asker === null ? {} : { initiator_role: role(asker) }), target_roles: [role(event.peerId)] },
        );
      }
      case 'turn-completed': {
        this.openTurns.set(turnKey(event), (this.openTurns.get(turnKey(event)) ?? 0) - 1);
        const result: JsonObject = {
          status: event.status,
          latency_ms: event.latencyMs,
          ...(event.messageId === undefined ? {} : { message_event_id: ids.message(event.messageId) }),
          ...(event.errorReason === undefined ? {} : { error_reason: event.errorReason }),
          ...(event.tokens === undefined ? {} : { tokens: { input: event.tokens.input, output: event.tokens.output } }),
          ...(event.costUsd === undefined ? {} : { cost_usd: event.costUsd }),
        };
        return this.map(
          event,
          'MAPTurnCompleted',
          {
            role_id: role(event.peerId),
            turn_number: this.turnNumber(event.turnId),
            token_id: ids.turn(event.turnId),
            round_id: ids.round(event.roundId),
            result,
          },
          { initiator_role: role(event.peerId) },
        );
      }
      case 'broadcast-sent': {
        const data = {
          round_id: ids.round(event.roundId),
          message: { message_event_id: ids.message(event.messageId) },
        };
        if (!this.receivedBroadcasts.has(broadcastKey(event))) {
          return baseEvent(event, ids, 'peerchat.broadcast.undelivered', {
            ...data,
            sender_role_id: role(event.senderId),
            target_role_ids: event.recipients.map(role),
          });
        }
        this.broadcastSenders.set(broadcastKey(event), event.senderId);
        return this.map(
          event,
          'MAPBroadcastSent',
          { ...data, broadcaster_role_id: role(event.senderId), target_count: event.recipients.length },
          { initiator_role: role(event.senderId), target_roles: event.recipients.map(role) },
        );
      }
      case 'broadcast-received': {
        const sender = this.broadcastSenders.get(broadcastKey(event));
        return this.map(
          event,
          'MAPBroadcastReceived',
          {
            receiver_role_id: role(event.peerId),
            round_id: ids.round(event.roundId),
            message_event_id: ids.message(event.messageId),
            response: { token_id: ids.turn(event.turnId), turn_number: this.turnNumber(event.turnId) },
          },
          { ...(sender === undefined ? {} : { initiator_role: role(sender) }), target_roles: [role(event.peerId)] },
        );
      }
      case 'session-completed':
        return this.map(event, 'MAPSessionCompleted', { status: 'completed' });
      case 'round-started':
      case 'dap-sampled':
      case 'turn-skipped':
      case 'mode-changed':
      case 'human-override':
      case 'round-ended':
      case 'council-tallied':
        return baseEvent(event, ids, ...governanceEventOf(event, ids));
    }
  }

  /** A completion for each turn the log dispatched but never completed (it was still running at export). */
  unfinishedTurnCompletions(): MplpMapEvent[] {
    const open = this.dispatched.filter((event) => {
      const pending = this.openTurns.get(turnKey(event)) ?? 0;
      if (pending <= 0) return false;
      this.openTurns.set(turnKey(event), pending - 1);
      return true;
    });
    return open.map((event, index) => {
      const message = this.snapshot.messages.find((candidate) => candidate.turnId === event.turnId);
      return {
        event_id: this.ids.synthetic(`turn-completed:${event.lamport}`),
        event_type: 'MAPTurnCompleted',
        timestamp: iso(this.lastAt),
        session_id: this.ids.collab,
        initiator_role: this.ids.role(event.peerId),
        payload: {
          lamport: this.lastLamport + index + 1,
          synthesized: true,
          role_id: this.ids.role(event.peerId),
          turn_number: this.turnNumber(event.turnId),
          token_id: this.ids.turn(event.turnId),
          round_id: this.ids.round(event.roundId),
          result: {
            status: 'unfinished',
            ...(message === undefined ? {} : { message_event_id: this.ids.message(message.id) }),
          },
        },
      };
    });
  }

  /** The MAPSessionCompleted of a conversation still open at export: `synthesized`, status `open`, after the rest. */
  openSessionCompletion(synthesizedBefore: number): MplpMapEvent {
    return {
      event_id: this.ids.synthetic('session-completed'),
      event_type: 'MAPSessionCompleted',
      timestamp: iso(this.lastAt),
      session_id: this.ids.collab,
      initiator_role: this.ids.role(this.snapshot.room.human.id),
      payload: { lamport: this.lastLamport + synthesizedBefore + 1, synthesized: true, status: 'open' },
    };
  }

  private turnNumber(turnId: string): number {
    return this.turnNumbers.get(turnId) ?? 0;
  }

  private reason(reason: TurnReason): JsonObject {
    const { ids } = this;
    switch (reason.kind) {
      case 'human-mention':
      case 'all':
        return { kind: reason.kind, message_event_id: ids.message(reason.messageId) };
      case 'dap':
        return { kind: reason.kind, probability: reason.probability, message_event_id: ids.message(reason.messageId) };
      case 'peer-mention':
        return {
          kind: reason.kind,
          message_event_id: ids.message(reason.messageId),
          asked_by_role_id: ids.role(reason.askedBy),
        };
      case 'human-forced':
        return { kind: reason.kind };
      case 'retry':
        return { kind: reason.kind, replaces_message_event_id: ids.message(reason.replacesMessageId) };
      case 'council':
        return { kind: reason.kind, stage: reason.stage, message_event_id: ids.message(reason.messageId) };
    }
  }

  private map(
    event: CoreEvent,
    type: MapEventType,
    payload: JsonObject,
    roles: { initiator_role?: string; target_roles?: string[] } = {},
  ): MplpMapEvent {
    return {
      event_id: this.ids.event(event.lamport),
      event_type: type,
      timestamp: iso(event.at),
      session_id: this.ids.collab,
      ...roles,
      payload: { lamport: event.lamport, ...payload },
    };
  }
}

/** Who asked for a turn: the human, the peer that mentioned, or nobody (DAP chose). */
function askerOf(reason: TurnReason, humanId: string): string | null {
  if (reason.kind === 'dap') return null;
  if (reason.kind === 'peer-mention') return reason.askedBy;
  return humanId;
}

function turnKey(event: { turnId: string; peerId: string }): string {
  return JSON.stringify([event.turnId, event.peerId]);
}

function broadcastKey(event: { roundId: string; messageId: string }): string {
  return JSON.stringify([event.roundId, event.messageId]);
}
