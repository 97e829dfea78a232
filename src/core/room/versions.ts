/**
 * Versions of a message and the path shown through them. An edit of the human's message or a regeneration of a
 * peer's is a new message that follows the same message as the old one (`parentId`), by the same author: those
 * messages are one message's versions. The transcript shown is one path through them.
 */
import type { TranscriptMessage } from './types.ts';

type Messages = Readonly<Record<string, TranscriptMessage>>;

/** Messages with the same key are versions of one another. */
export function versionKey(message: TranscriptMessage): string {
  return `${message.parentId ?? ''}\u0000${message.authorId}\u0000${message.kind}`;
}

/** Every group of versions, each oldest first, by `versionKey`. One pass over the messages. */
export function groupVersions(messages: Messages): Map<string, string[]> {
  const members = new Map<string, TranscriptMessage[]>();
  for (const message of Object.values(messages)) {
    const key = versionKey(message);
    const group = members.get(key);
    if (group) group.push(message);
    else members.set(key, [message]);
  }
  const groups = new Map<string, string[]>();
  for (const [key, group] of members) {
    groups.set(
      key,
      group.sort((a, b) => a.createdAt - b.createdAt).map((message) => message.id),
    );
  }
  return groups;
}

/** The versions of a message, oldest first (itself included); empty for an unknown id. */
export function versionsOf(messages: Messages, messageId: string): string[] {
  const message = messages[messageId];
  if (!message) return [];
  return groupVersions(messages).get(versionKey(message)) ?? [messageId];
}

/** The path through `messageId`: its ancestors, itself, then the newest version at each later step. */
export function pathThrough(messages: Messages, messageId: string): string[] {
  const children = new Map<string, TranscriptMessage[]>();
  for (const message of Object.values(messages)) {
    if (message.parentId === undefined) continue;
    const siblings = children.get(message.parentId) ?? [];
    siblings.push(message);
    children.set(message.parentId, siblings);
  }
  const path: string[] = [];
  const seen = new Set<string>();
  for (let id: string | undefined = messageId; id !== undefined && !seen.has(id); id = messages[id]?.parentId) {
    seen.add(id);
    path.unshift(id);
  }
  for (let next = newest(children.get(messageId)); next && !seen.has(next.id); next = newest(children.get(next.id))) {
    seen.add(next.id);
    path.push(next.id);
  }
  return path;
}

function newest(messages: readonly TranscriptMessage[] | undefined): TranscriptMessage | undefined {
  return messages?.reduce((latest, message) => (message.createdAt >= latest.createdAt ? message : latest));
}

/** `parentId` of a message appended after the path `messageIds`. */
export function parentOf(messageIds: readonly string[]): { parentId?: string } {
  const last = messageIds.at(-1);
  return last === undefined ? {} : { parentId: last };
}
