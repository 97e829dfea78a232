/**
 * Conversations in IndexedDB: list, load, save in batches, rename, duplicate, delete (with undo) and search.
 * Messages are stored one record each, keyed by conversation and message id, so two tabs writing the same
 * conversation never overwrite each other's messages.
 */
import type { SavedConversation, TranscriptMessage } from '../types.ts';
import type { ConversationRecord, EventRecord, MessageRecord, PeerChatDb } from './db.ts';

export interface ConversationSummary {
  id: string;
  title: string;
  updatedAt: number;
}

/** Visible conversations, newest first. */
export async function listConversations(db: PeerChatDb): Promise<ConversationSummary[]> {
  const records = await db.conversations.orderBy('updatedAt').reverse().toArray();
  return records
    .filter((record) => record.deletedAt === undefined)
    .map(({ id, title, updatedAt }) => ({ id, title, updatedAt }));
}

export async function loadConversation(db: PeerChatDb, id: string): Promise<SavedConversation | undefined> {
  const record = await db.conversations.get(id);
  if (!record || record.deletedAt !== undefined) return undefined;
  const [messages, events] = await Promise.all([
    db.messages.where('[conversationId+seq]').between([id, -Infinity], [id, Infinity]).toArray(),
    db.events.where('[conversationId+lamport]').between([id, -Infinity], [id, Infinity]).toArray(),
  ]);
  return {
    id: record.id,
    title: record.title,
    room: record.room,
    arbiter: record.arbiter,
    lastRoundEnd: record.lastRoundEnd,
    ...splitPath(
      messages.map(({ conversationId: _c, seq: _s, ...message }) => message),
      record.pathIds,
    ),
    events: events.map(({ conversationId: _c, ...event }) => event as EventRecord),
  };
}

/** The shown versions in path order, and the rest. Without a stored path, every message is on it in `seq` order. */
function splitPath(messages: TranscriptMessage[], pathIds: readonly string[] | undefined) {
  if (!pathIds) return { messages };
  const byId = new Map(messages.map((message) => [message.id, message]));
  const onPath = new Set(pathIds);
  return {
    messages: pathIds.map((id) => byId.get(id)).filter((message) => message !== undefined),
    otherVersions: messages.filter((message) => !onPath.has(message.id)),
  };
}

export interface ConversationChanges {
  record?: ConversationRecord;
  messages: MessageRecord[];
  events: EventRecord[];
}

/** Writes one batch in one transaction. */
export async function saveChanges(db: PeerChatDb, changes: ConversationChanges): Promise<void> {
  await db.transaction('rw', db.conversations, db.messages, db.events, async () => {
    if (changes.record) await db.conversations.put(changes.record);
    if (changes.messages.length > 0) await db.messages.bulkPut(changes.messages);
    if (changes.events.length > 0) await db.events.bulkPut(changes.events);
  });
}

/** Stores a whole conversation at once (an import). */
export async function storeConversation(db: PeerChatDb, saved: SavedConversation, at: number): Promise<void> {
  const all = [...saved.messages, ...(saved.otherVersions ?? [])];
  await saveChanges(db, {
    record: {
      id: saved.id,
      title: saved.title,
      createdAt: all.reduce((first, message) => Math.min(first, message.createdAt), at),
      updatedAt: at,
      room: saved.room,
      arbiter: saved.arbiter,
      lastRoundEnd: saved.lastRoundEnd,
      pathIds: saved.messages.map((message) => message.id),
    },
    messages: all.map((message, seq) => ({ ...message, conversationId: saved.id, seq })),
    events: saved.events.map((event) => ({ ...event, conversationId: saved.id })),
  });
}

export async function renameConversation(db: PeerChatDb, id: string, title: string): Promise<void> {
  await db.conversations.update(id, { title });
}

/** Hides a conversation; `undoDelete` brings it back until `purgeDeleted` removes it for good. */
export async function deleteConversation(db: PeerChatDb, id: string, at: number): Promise<void> {
  await db.conversations.update(id, { deletedAt: at });
}

export async function undoDelete(db: PeerChatDb, id: string): Promise<void> {
  await db.conversations
    .where('id')
    .equals(id)
    .modify((record) => void delete record.deletedAt);
}

/** Removes conversations deleted before `before`, with their messages and events. */
export async function purgeDeleted(db: PeerChatDb, before: number): Promise<void> {
  const doomed = (await db.conversations.toArray()).filter(
    (record) => record.deletedAt !== undefined && record.deletedAt < before,
  );
  for (const record of doomed) {
    await db.transaction('rw', db.conversations, db.messages, db.events, async () => {
      await db.messages.where('[conversationId+seq]').between([record.id, -Infinity], [record.id, Infinity]).delete();
      await db.events.where('[conversationId+lamport]').between([record.id, -Infinity], [record.id, Infinity]).delete();
      await db.conversations.delete(record.id);
    });
  }
}

/** Copies a conversation under a new id and title; messages and events keep their ids inside the copy. */
export async function duplicateConversation(
  db: PeerChatDb,
  id: string,
  copy: { id: string; title: string; at: number },
): Promise<void> {
  const saved = await loadConversation(db, id);
  const record = await db.conversations.get(id);
  if (!saved || !record) return;
  await saveChanges(db, {
    record: { ...record, id: copy.id, title: copy.title, createdAt: copy.at, updatedAt: copy.at },
    messages: saved.messages.map((message, seq) => ({ ...message, conversationId: copy.id, seq })),
    events: saved.events.map((event) => ({ ...event, conversationId: copy.id })),
  });
}

/** Conversations whose title or any message contains the query (case-insensitive), newest first. */
export async function searchConversations(db: PeerChatDb, query: string): Promise<ConversationSummary[]> {
  const needle = query.trim().toLowerCase();
  const all = await listConversations(db);
  if (needle === '') return all;
  const hits = new Set(
    all.filter((summary) => summary.title.toLowerCase().includes(needle)).map((summary) => summary.id),
  );
  await db.messages.each((message) => {
    if (!hits.has(message.conversationId) && message.text.toLowerCase().includes(needle))
      hits.add(message.conversationId);
  });
  return all.filter((summary) => hits.has(summary.id));
}
