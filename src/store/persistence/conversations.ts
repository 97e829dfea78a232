/**
 * Conversations in IndexedDB: list, load, save in batches, rename, duplicate, delete (with undo) and search.
 * Messages are stored one record each, keyed by conversation and message id, so two tabs writing the same
 * conversation never overwrite each other's messages.
 */
import type { CoreEvent, RoomEvent } from '../../core/index.ts';
import type { SavedConversation, TranscriptMessage } from '../types.ts';
import type { Table } from 'dexie';
import { attachmentUsesOf, sweepAttachments } from './attachments.ts';
import type { ConversationRecord, EventRecord, MessageRecord, PeerChatDb, RoomLogRecord } from './db.ts';

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

/** A stored conversation, whole. */
export async function loadConversation(db: PeerChatDb, id: string): Promise<SavedConversation | undefined> {
  const record = await db.conversations.get(id);
  if (!record || record.deletedAt !== undefined) return undefined;
  const [messages = [], events = []] = await Promise.all([loadMessages(db, id), loadEvents(db, id)]);
  return { ...headerOf(record), ...splitPath(messages, record.pathIds), events };
}

/** Reads are made in pages of this many records: one page is a short task, however long the conversation. */
const PAGE_SIZE = 1_000;

/**
 * Every stored message of a conversation (all versions) in `seq` order; undefined once `keepGoing` says stop.
 * Pages follow the primary key, which is unique: versions share a `seq` (a regenerated reply takes the place of the
 * one it replaced), so a page ending inside such a group would skip the rest of it.
 */
export function loadMessages(db: PeerChatDb, id: string, keepGoing?: () => boolean) {
  return inPages<MessageRecord, string>(
    (after) =>
      db.messages
        .where('[conversationId+id]')
        .between([id, after ?? -Infinity], [id, ABOVE_ANY_STRING], after === undefined, true)
        .limit(PAGE_SIZE)
        .toArray(),
    (record) => record.id,
    keepGoing,
  ).then((records) => records?.sort((a, b) => a.seq - b.seq).map(messageOf));
}

/** A conversation's event log in Lamport order (its primary key); undefined once `keepGoing` says stop. */
export function loadEvents(db: PeerChatDb, id: string, keepGoing?: () => boolean) {
  return inLamportOrder(db.events, id, keepGoing).then((records) =>
    records?.map(({ conversationId: _c, ...event }) => event as CoreEvent),
  );
}

/** A table keyed [conversationId+lamport], one conversation's rows in key order, in pages. */
function inLamportOrder<T extends { lamport: number }>(
  table: Table<T, [string, number]>,
  id: string,
  keepGoing?: () => boolean,
): Promise<T[] | undefined> {
  return inPages<T, number>(
    (after) =>
      table
        .where('[conversationId+lamport]')
        .between([id, after ?? -Infinity], [id, Infinity], after === undefined, true)
        .limit(PAGE_SIZE)
        .toArray(),
    (record) => record.lamport,
    keepGoing,
  );
}

/** In IndexedDB's key order an array comes after every string (this is Dexie's `maxKey`). */
const ABOVE_ANY_STRING: never[] = [];

/** Reads page after page, each starting after the unique key of the last record of the one before. */
async function inPages<T, K>(
  page: (after: K | undefined) => Promise<T[]>,
  keyOf: (record: T) => K,
  keepGoing: () => boolean = () => true,
): Promise<T[] | undefined> {
  const all: T[] = [];
  let after: K | undefined;
  for (;;) {
    if (!keepGoing()) return undefined;
    const records = await page(after);
    for (const record of records) all.push(record);
    if (records.length < PAGE_SIZE) return all;
    after = keyOf(records.at(-1)!);
  }
}

/** A stored message without what only storage needs. */
export function messageOf({ conversationId: _c, seq: _s, ...message }: MessageRecord): TranscriptMessage {
  return message;
}

export function headerOf(record: ConversationRecord) {
  return {
    id: record.id,
    title: record.title,
    room: record.room,
    arbiter: record.arbiter,
    lastRoundEnd: record.lastRoundEnd,
    ...(record.logLamport !== undefined ? { logLamport: record.logLamport } : {}),
  };
}

/** The shown versions in path order, and the rest. Without a stored path, every message is on it in `seq` order. */
export function splitPath(messages: TranscriptMessage[], pathIds: readonly string[] | undefined) {
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
  /** New room log events; the record and messages written with them are the snapshot they lead to. */
  roomLog?: RoomLogRecord[];
}

/** Writes one batch in one transaction: the log and the snapshot it leads to are stored together or not at all. */
export async function saveChanges(db: PeerChatDb, changes: ConversationChanges): Promise<void> {
  await db.transaction('rw', [db.conversations, db.messages, db.events, db.roomLog, db.attachmentUses], async () => {
    if (changes.record) await db.conversations.put(changes.record);
    if (changes.messages.length > 0) await db.messages.bulkPut(changes.messages);
    const uses = attachmentUsesOf(changes.messages);
    if (uses.length > 0) await db.attachmentUses.bulkPut(uses);
    if (changes.events.length > 0) await db.events.bulkPut(changes.events);
    if (changes.roomLog && changes.roomLog.length > 0) await db.roomLog.bulkPut(changes.roomLog);
  });
}

/** A conversation's stored room log in Lamport order; undefined once `keepGoing` says stop. */
export function loadRoomLog(db: PeerChatDb, id: string, keepGoing?: () => boolean) {
  return inLamportOrder(db.roomLog, id, keepGoing).then((records) => records?.map((record): RoomEvent => record.event));
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

/** Removes conversations deleted before `before`, with their messages and events, and files only they used. */
export async function purgeDeleted(db: PeerChatDb, before: number): Promise<void> {
  const doomed = (await db.conversations.toArray()).filter(
    (record) => record.deletedAt !== undefined && record.deletedAt < before,
  );
  for (const record of doomed) {
    await db.transaction('rw', [db.conversations, db.messages, db.events, db.roomLog, db.attachmentUses], async () => {
      await db.attachmentUses.where('conversationId').equals(record.id).delete();
      const [from, to] = [
        [record.id, -Infinity],
        [record.id, Infinity],
      ];
      await db.messages.where('[conversationId+seq]').between(from, to).delete();
      await db.events.where('[conversationId+lamport]').between(from, to).delete();
      await db.roomLog.where('[conversationId+lamport]').between(from, to).delete();
      await db.conversations.delete(record.id);
    });
  }
  if (doomed.length > 0) await sweepAttachments(db, before);
}

/**
 * Copies a conversation under a new id and title; messages and events keep their ids inside the copy. A copy of a
 * conversation the human ended is open: it is how an ended conversation goes on, so its log drops the completion.
 */
export async function duplicateConversation(
  db: PeerChatDb,
  id: string,
  copy: { id: string; title: string; at: number },
): Promise<void> {
  const saved = await loadConversation(db, id);
  const record = await db.conversations.get(id);
  if (!saved || !record) return;
  await saveChanges(db, {
    record: {
      ...record,
      id: copy.id,
      title: copy.title,
      createdAt: copy.at,
      updatedAt: copy.at,
      arbiter: record.arbiter && { ...record.arbiter, ended: false },
    },
    messages: [...saved.messages, ...(saved.otherVersions ?? [])].map((message, seq) => ({
      ...message,
      conversationId: copy.id,
      seq,
    })),
    events: saved.events
      .filter((event) => event.type !== 'session-completed')
      .map((event) => ({ ...event, conversationId: copy.id })),
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
