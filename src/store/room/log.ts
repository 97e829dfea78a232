/**
 * The room log slice: the one place that changes the room's projection. Every intent becomes a room event, which
 * `appendRoomEvent` (core) validates, applies and appends; the projection's fields sit in the store's state next to
 * the log, and nothing else writes them (the turn runner only adds streamed text to messages still streaming).
 */
import { appendRoomEvent, emptyProjection } from '../../core/index.ts';
import type { RoomEffect, RoomEvent, RoomEventBody, RoomProjection } from '../../core/index.ts';
import type { Result, RoomState, RoomStore } from '../types.ts';
import type { CommitOptions, SetRoom } from './context.ts';
import { arbiterView } from './view.ts';

/** The projection's part of the store's state. */
export function projectionOf(state: RoomState): RoomProjection {
  const { name, human, peers, modeId, customModes, limits, seed } = state;
  const { conversationId, title, messageIds, messages, events, arbiter, lastRoundEnd, ended, logLamport } = state;
  return {
    ...{ name, human, peers, modeId, customModes, limits, seed, shareReasoning: state.shareReasoning === true },
    ...{ conversationId, title, messageIds, messages, events, arbiter, lastRoundEnd, ended, logLamport },
  };
}

/** A room event's id: unique in its conversation's log. */
function eventId(conversationId: string, lamport: number): string {
  return `${conversationId}:${lamport}`;
}

/** The state a conversation starts with, from its `conversation-started` event. */
export function startedState(
  conversationId: string,
  body: Extract<RoomEventBody, { type: 'conversation-started' }>,
  at: number,
): Pick<RoomState, keyof RoomProjection | 'log' | keyof ReturnType<typeof arbiterView>> {
  const event: RoomEvent = { ...body, id: eventId(conversationId, 1), lamport: 1, at };
  const projection = emptyProjection(event as Extract<RoomEvent, { type: 'conversation-started' }>);
  return { ...projection, log: [event], ...arbiterView(projection.arbiter) };
}

export function createRoomLog(
  set: SetRoom,
  get: () => RoomStore,
  now: () => number,
  runEffect: (effect: RoomEffect) => void,
) {
  /** Ids in the log last written here; rebuilt when the log was replaced (a new or opened conversation). */
  let ids = new Set<string>();
  let idsOf: readonly RoomEvent[] | null = null;
  const knownIds = (log: readonly RoomEvent[]) => {
    if (idsOf !== log) ids = new Set(log.map((event) => event.id));
    idsOf = log;
    return ids;
  };

  /** Applies an event built from `body`; see RoomContext.commit. */
  function commit(body: RoomEventBody, options: CommitOptions = {}): Result {
    const state = get();
    const lamport = state.logLamport + 1;
    const event = { ...body, id: eventId(state.conversationId, lamport), lamport, at: now() } as RoomEvent;
    const result = appendRoomEvent(projectionOf(state), state.log, knownIds(state.log), event);
    if (result.status === 'duplicate') return { ok: true };
    if (result.status === 'refused') {
      for (const effect of result.step?.effects ?? []) runEffect(effect);
      return { ok: false, message: result.message };
    }
    ids.add(event.id);
    idsOf = result.log;
    const projection = result.step.state;
    set({ ...projection, log: result.log, ...arbiterView(projection.arbiter) });
    options.beforeEffects?.();
    for (const effect of result.step.effects) runEffect(effect);
    return { ok: true };
  }

  return { commit };
}
