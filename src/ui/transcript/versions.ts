/**
 * A message's versions (its edits or regenerations), read cheaply enough to use in a selector that runs on every
 * store change, streamed tokens included.
 */
import type { RoomState, TranscriptMessage } from '../../store/index.ts';

type Transcript = Pick<RoomState, 'messageIds' | 'messages'>;

/**
 * Versions are the messages that follow the same message and share author and kind (as the store's `versionsOf`).
 * A message is only ever added together with a new path (`messageIds`: a send, a turn, an edit, a version switch,
 * a load), while streamed tokens change text only; so the grouping is built in one pass per path, not per message
 * or per token.
 */
const groupsByPath = new WeakMap<readonly string[], Map<string, string[]>>();

function groupKey(message: TranscriptMessage): string {
  return `${message.parentId ?? ''}\u0000${message.authorId}\u0000${message.kind}`;
}

function groupsFor(state: Transcript): Map<string, string[]> {
  let groups = groupsByPath.get(state.messageIds);
  if (groups) return groups;
  const members = new Map<string, TranscriptMessage[]>();
  for (const message of Object.values(state.messages)) {
    const key = groupKey(message);
    const group = members.get(key);
    if (group) group.push(message);
    else members.set(key, [message]);
  }
  groups = new Map();
  for (const [key, group] of members) {
    groups.set(
      key,
      group.sort((a, b) => a.createdAt - b.createdAt).map((message) => message.id),
    );
  }
  groupsByPath.set(state.messageIds, groups);
  return groups;
}

/** The versions of message `id`, oldest first (itself included). */
export function versionsIn(state: Transcript, id: string): readonly string[] {
  const message = state.messages[id];
  if (!message) return [];
  return groupsFor(state).get(groupKey(message)) ?? [id];
}

/** How many versions message `id` has (1 when it was never edited or regenerated). */
export function versionCount(state: Transcript, id: string): number {
  return Math.max(1, versionsIn(state, id).length);
}

/** Which version message `id` is, from 0. */
export function versionIndex(state: Transcript, id: string): number {
  return Math.max(0, versionsIn(state, id).indexOf(id));
}
