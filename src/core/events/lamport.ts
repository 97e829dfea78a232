/**
 * The Lamport counter of the event log. The arbiter stamps its own events; other parts of the app (e.g. the store
 * recording an edit) stamp theirs with the same functions so the log stays totally ordered.
 */
import type { CoreEvent, CoreEventBody } from './types.ts';

/** Stamps an event with the next counter value; returns it with the new counter. */
export function stampEvent(lamport: number, at: number, body: CoreEventBody): { event: CoreEvent; lamport: number } {
  const next = lamport + 1;
  return { event: { ...body, lamport: next, at }, lamport: next };
}

/** True when a log is in strictly increasing Lamport order. */
export function isLamportOrdered(events: readonly Pick<CoreEvent, 'lamport'>[]): boolean {
  for (let i = 1; i < events.length; i++) {
    if ((events[i] as CoreEvent).lamport <= (events[i - 1] as CoreEvent).lamport) return false;
  }
  return true;
}
