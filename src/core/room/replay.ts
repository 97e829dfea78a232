/**
 * Appending to a room log and replaying it. A log starts with `conversation-started`; a conversation opened from a
 * snapshot (storage, an imported file) replays the events after it onto that snapshot.
 */
import { roomEventProblem, type RoomEvent } from './events.ts';
import type { RoomProjection } from './projection.ts';
import { emptyProjection, reduceRoom, type RoomStep } from './reduce.ts';

export type AppendResult =
  | { status: 'appended'; log: RoomEvent[]; step: RoomStep }
  /** Its id is already in the log: nothing changed. */
  | { status: 'duplicate' }
  /** Malformed, out of order, or turned down by the arbiter: nothing changed. */
  | { status: 'refused'; message: string; step?: RoomStep };

/**
 * Validates `event`, applies it and appends it. Idempotent by id: `ids` holds the ids already in `log` (the caller
 * keeps it, so the check does not scan the log).
 */
export function appendRoomEvent(
  state: RoomProjection,
  log: readonly RoomEvent[],
  ids: ReadonlySet<string>,
  event: RoomEvent,
): AppendResult {
  if (ids.has(event.id)) return { status: 'duplicate' };
  const problem = roomEventProblem(event, state.logLamport);
  if (problem !== null) return { status: 'refused', message: problem };
  const step = reduceRoom(state, event);
  if (step.refused !== null) return { status: 'refused', message: step.refused, step };
  return { status: 'appended', log: [...log, event], step };
}

/**
 * Rebuilds a projection from a log: from its `conversation-started`, or onto `base` (a snapshot whose
 * `logLamport` the log continues). Throws on a log that does not replay: a gap, a malformed event, a refusal.
 */
export function replayRoom(log: readonly RoomEvent[], base?: RoomProjection): RoomProjection {
  const [first, ...rest] = log;
  let state: RoomProjection;
  let events: readonly RoomEvent[];
  if (base) {
    state = base;
    events = log;
  } else {
    if (first?.type !== 'conversation-started') throw new Error('A room log starts with conversation-started.');
    state = emptyProjection(first);
    events = rest;
  }
  for (const event of events) {
    const problem = roomEventProblem(event, state.logLamport);
    if (problem !== null) throw new Error(problem);
    const step = reduceRoom(state, event);
    if (step.refused !== null) throw new Error(`Room event ${event.id} (${event.type}) was refused: ${step.refused}`);
    state = step.state;
  }
  return state;
}
