/**
 * A message's versions (its edits or regenerations), read cheaply enough to use in a selector that runs on every
 * store change, streamed tokens included.
 */
import { groupVersions, versionKey } from '../../store/index.ts';
import type { RoomState } from '../../store/index.ts';

type Transcript = Pick<RoomState, 'messageIds' | 'messages'> & Partial<Pick<RoomState, 'olderMessagesPending'>>;

/**
 * The grouping is the core's (`groupVersions`). A message is only ever added together with a new path
 * (`messageIds`: a send, a turn, an edit, a version switch, a load), while streamed tokens change text only; so it is
 * built once per path, not per message or per token. The one exception: a stored conversation opened newest first
 * gets its older messages (and their other versions) on the same path once they are read (`olderMessagesPending`
 * turns false), so a grouping made before that is made again.
 */
const groupsByPath = new WeakMap<readonly string[], { groups: Map<string, string[]>; partial: boolean }>();

function groupsFor(state: Transcript): Map<string, string[]> {
  const partial = state.olderMessagesPending === true;
  const cached = groupsByPath.get(state.messageIds);
  if (cached && cached.partial === partial) return cached.groups;
  const groups = groupVersions(state.messages);
  groupsByPath.set(state.messageIds, { groups, partial });
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
