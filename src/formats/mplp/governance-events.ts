/**
 * The governance events of PeerChat's log that MAP has no type for (round starts and ends, DAP draws, skipped turns,
 * mode changes, the human's overrides), as MPLP base events in `collab.json` `events`, so nothing in the log is lost.
 */
import type { CoreEvent } from '../../core/index.ts';
import { iso, type MplpIds } from './ids.ts';
import type { JsonObject, MplpBaseEvent } from './types.ts';

/** Source of the base events PeerChat writes. */
export const PEERCHAT_EVENT_SOURCE = 'peerchat.facilitator';

export type GovernanceEvent = Extract<
  CoreEvent,
  {
    type:
      | 'round-started'
      | 'dap-sampled'
      | 'turn-skipped'
      | 'mode-changed'
      | 'human-override'
      | 'round-ended'
      | 'council-tallied';
  }
>;

/** A governance event's base-event type and data. */
export function governanceEventOf(event: GovernanceEvent, ids: MplpIds): [type: string, data: JsonObject] {
  const role = (participantId: string) => ids.role(participantId);
  switch (event.type) {
    case 'round-started':
      return [
        'peerchat.round.started',
        {
          round_id: ids.round(event.roundId),
          trigger: event.trigger,
          ...(event.messageId === null ? {} : { message_event_id: ids.message(event.messageId) }),
        },
      ];
    case 'dap-sampled':
      return [
        'peerchat.dap.sampled',
        {
          round_id: ids.round(event.roundId),
          probabilities: event.probabilities.map(({ peerId, ...factors }) => ({ role_id: role(peerId), ...factors })),
          draws: event.draws.map(({ peerId, ...draw }) => ({ role_id: role(peerId), ...draw })),
          fallback: event.fallback,
        },
      ];
    case 'turn-skipped':
      return [
        'peerchat.turn.skipped',
        {
          round_id: ids.round(event.roundId),
          role_id: role(event.peerId),
          reason: event.reason,
          ...(event.askedByMessageId === undefined
            ? {}
            : { asked_by_message_event_id: ids.message(event.askedByMessageId) }),
        },
      ];
    case 'mode-changed':
      return ['peerchat.mode.changed', { from: event.from, to: event.to }];
    case 'human-override':
      return [
        'peerchat.human.override',
        {
          action: event.action,
          ...(event.peerId === undefined ? {} : { role_id: role(event.peerId) }),
          ...(event.messageId === undefined ? {} : { message_event_id: ids.message(event.messageId) }),
          ...(event.detail === undefined ? {} : { detail: event.detail }),
        },
      ];
    case 'round-ended':
      return [
        'peerchat.round.ended',
        {
          round_id: ids.round(event.roundId),
          reason: event.reason,
          turns: event.turns,
        },
      ];
    case 'council-tallied':
      return [
        'peerchat.council.tallied',
        {
          round_id: ids.round(event.roundId),
          message_event_id: ids.message(event.messageId),
          strategy: event.strategy,
          consensus_role_ids: event.consensus.map(role),
          ...(event.answer === null ? {} : { answer: event.answer }),
          votes: Object.entries(event.votes).map(([peerId, count]) => ({ role_id: role(peerId), count })),
          dissent: event.dissent.map((dissent) => ({ role_id: role(dissent.peerId), reason: dissent.reason })),
          answered: event.answered,
        },
      ];
  }
}

/** One base event, stamped with the log's Lamport number and time. */
export function baseEvent(event: CoreEvent, ids: MplpIds, type: string, data: JsonObject): MplpBaseEvent {
  return {
    event_id: ids.event(event.lamport),
    event_type: type,
    source: PEERCHAT_EVENT_SOURCE,
    timestamp: iso(event.at),
    data: { lamport: event.lamport, ...data },
  };
}
