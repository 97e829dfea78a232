/**
 * A message's versions (its edits or regenerations), read cheaply enough to use in a selector that runs on every
 * store change, streamed tokens included.
 */
import type { RoomState } from '../../store/index.ts';
import { versionsOf } from '../../store/facilitator.ts';

type Transcript = Pick<RoomState, 'messageIds' | 'messages'>;

/**
 * Versions per path. A message is only ever added together with a new path (`messageIds`: a send, a turn, an
 * edit, a version switch, a load), while streamed tokens change text only; so the versions of a message cannot
 * change while the path stays the same, and each is worked out once per path, not once per token.
 */
const byPath = new WeakMap<readonly string[], Map<string, readonly string[]>>();

/** The versions of message `id`, oldest first (itself included). */
export function versionsIn(state: Transcript, id: string): readonly string[] {
  let versions = byPath.get(state.messageIds);
  if (!versions) {
    versions = new Map();
    byPath.set(state.messageIds, versions);
  }
  let found = versions.get(id);
  if (!found) {
    found = versionsOf(state.messages, id);
    versions.set(id, found);
  }
  return found;
}

/** How many versions message `id` has (1 when it was never edited or regenerated). */
export function versionCount(state: Transcript, id: string): number {
  return Math.max(1, versionsIn(state, id).length);
}

/** Which version message `id` is, from 0. */
export function versionIndex(state: Transcript, id: string): number {
  return Math.max(0, versionsIn(state, id).indexOf(id));
}
