/**
 * A message's versions (its edits or regenerations), read cheaply enough to use in a selector that runs on every
 * store change, streamed tokens included.
 */
import { groupVersions, versionKey } from '../../store/index.ts';
import type { RoomState } from '../../store/index.ts';

type Transcript = Pick<RoomState, 'messageIds' | 'messages'>;

/**
 * The grouping is the core's (`groupVersions`). A message is only ever added together with a new path
 * (`messageIds`: a send, a turn, an edit, a version switch, a load), while streamed tokens change text only; so it is
 * built once per path, not per message or per token.
 */
const groupsByPath = new WeakMap<readonly string[], Map<string, string[]>>();

function groupsFor(state: Transcript): Map<string, string[]> {
  let groups = groupsByPath.get(state.messageIds);
  if (!groups) {
    groups = groupVersions(state.messages);
    groupsByPath.set(state.messageIds, groups);
  }
  return groups;
}

/** The versions of message `id`, oldest first (itself included). */
export function versionsIn(state: Transcript, id: string): readonly string[] {
  const message = state.messages[id];
  if (!message) return [];
  return groupsFor(state).get(versionKey(message)) ?? [id];
}

/** How many versions message `id` has (1 when it was never edited or regenerated). */
export function versionCount(state: Transcript, id: string): number {
  return Math.max(1, versionsIn(state, id).length);
}

/** Which version message `id` is, from 0. */
export function versionIndex(state: Transcript, id: string): number {
  return Math.max(0, versionsIn(state, id).indexOf(id));
}
