/**
 * The room log slice: the one place that changes the room's projection. Every intent becomes a room event, which
 * `appendRoomEvent` (core) validates, applies and appends; the projection's fields sit in the store's state next to
 * the log, and nothing else writes them (the turn runner only adds streamed text to messages still streaming).
 *
 * In a shared room the sync server appends: `commit` checks the intent against the same core (so a mistake is
 * named at once) and hands it to the room's `remote`, and the events the server appended come back through
 * `receive`, in the room's one order.
 */
import { appendRoomEvent, emptyProjection } from '../../core/index.ts';
import type { IntentBody, RoomEffect, RoomEvent, RoomEventBody, RoomProjection } from '../../core/index.ts';
import type { Result, RoomState, RoomStore } from '../types.ts';
import type { CommitOptions, SetRoom } from './context.ts';
import { arbiterView } from './view.ts';

/** The projection's part of the store's state. */
export function projectionOf(state: RoomState): RoomProjection {
  const { name, human, peers, modeId, customModes, limits, seed } = state;
  const { conversationId, title, messageIds, messages, events, arbiter, lastRoundEnd, ended, logLamport } = state;
  return {
    ...{ name, human, peers, modeId, customModes, limits, seed, shareReasoning: state.shareReasoning === true },
    councilDefault: state.councilDefault ?? null,
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

/** Where a shared room's intents go: the sync server, which appends them for everyone. */
export interface RemoteLog {
  send(body: IntentBody): void;
}

/** One event that arrived from a shared room's server, with what applying it asks the store to do. */
export interface ReceivedStep {
  event: RoomEvent;
  effects: RoomEffect[];
}

export function createRoomLog(
  set: SetRoom,
  get: () => RoomStore,
  now: () => number,
  runEffect: (effect: RoomEffect) => void,
) {
  let remote: RemoteLog | null = null;
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
    if (remote !== null) {
      // The server decides turns and stamps events: only what a member may ask for leaves this browser.
      if (body.type === 'conversation-started' || body.type === 'history-carried' || body.type === 'turn-opened')
        return { ok: false, message: 'In a shared room only the server opens turns.' };
      remote.send(body);
      return { ok: true };
    }
    ids.add(event.id);
    idsOf = result.log;
    const projection = result.step.state;
    set({ ...projection, log: result.log, ...arbiterView(projection.arbiter) });
    options.beforeEffects?.();
    for (const effect of result.step.effects) runEffect(effect);
    return { ok: true };
  }

  /**
   * Applies events the shared room's server appended, in order, in one store change. An event already here is
   * skipped; one the core refuses stops the batch (the room's history no longer matches this browser's) and is
   * returned as `problem`.
   */
  function receive(events: readonly RoomEvent[]): { steps: ReceivedStep[]; problem: string | null } {
    const steps: ReceivedStep[] = [];
    const state = get();
    let projection = projectionOf(state);
    let log = state.log;
    let problem: string | null = null;
    for (const event of events) {
      const result = appendRoomEvent(projection, log, knownIds(log), event);
      if (result.status === 'duplicate') continue;
      if (result.status === 'refused') {
        problem = `Event ${event.id} of the shared room could not be applied here: ${result.message}`;
        break;
      }
      ids.add(event.id);
      idsOf = result.log;
      log = result.log;
      projection = result.step.state;
      steps.push({ event, effects: result.step.effects });
    }
    if (steps.length > 0) set({ ...projection, log, ...arbiterView(projection.arbiter) });
    return { steps, problem };
  }

  return {
    commit,
    receive,
    /** Sends intents to a shared room's server from now on (null: back to appending here). */
    setRemote(next: RemoteLog | null) {
      remote = next;
    },
    isShared: () => remote !== null,
  };
}
