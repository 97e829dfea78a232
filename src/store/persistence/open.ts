/**
 * Opening a stored conversation in the room, newest first: its newest messages show at once, the older ones follow
 * (sending waits for them), then the event log, which nothing on screen needs first.
 *
 * These reads use IndexedDB directly (the schema is db.ts's: keys and index names as Dexie made them), in few
 * round trips: the newest conversation's header and newest messages in one transaction, the rest in pages. At
 * start-up that lets the read begin as the page's script starts, before the storage code (Dexie) has loaded.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { CoreEvent } from '../../core/index.ts';
import type { RoomStore, SavedConversation } from '../types.ts';
import { messageOf } from './conversations.ts';
import type { EventRecord, MessageRecord, PeerChatDb } from './db.ts';
import { DATABASE_SCHEMA, openExisting, readPages, readTail, sharedValues } from './open-reads.ts';

export { PAGE_SIZE } from './open-reads.ts';

/** More than a tall window shows, with the virtual list's overscan. */
export const NEWEST_FIRST = 60;

const DATABASE = 'peerchat';

/**
 * The IndexedDB version of the schema db.ts declares (Dexie opens version `n` as `n * 10`): a database found at this
 * version is one the storage code will open as it is, so what was read from it early can be shown before that code
 * has loaded.
 */
export const STORED_SCHEMA_VERSION = DATABASE_SCHEMA * 10;

/** What `readConversation` needs to show a stored conversation; undefined when it is not stored. */
export async function readConversation(
  db: PeerChatDb,
  id: string,
  count = NEWEST_FIRST,
): Promise<SavedConversation | undefined> {
  await db.open();
  return readTail(db.backendDB(), id, count);
}

/** The newest conversation that is not deleted, read as `readConversation` reads one. */
export async function readNewestConversation(
  db: PeerChatDb,
  count = NEWEST_FIRST,
): Promise<SavedConversation | undefined> {
  await db.open();
  return readTail(db.backendDB(), null, count);
}

export interface EarlyRead {
  /**
   * The database version it was read from (0: there was no database): another version than the one Dexie opens
   * (an upgrade at open) means it must be read again.
   */
  version: number;
  saved: SavedConversation | undefined;
}

let early: Promise<EarlyRead | undefined> | undefined;

/**
 * The newest conversation, read straight from IndexedDB before Dexie has loaded: called as the page's script starts
 * (fetch-early.ts), so the read overlaps loading the app. Once. Creates nothing: with no database yet, version 0 and
 * nothing saved; undefined when it cannot be read (the caller then reads with Dexie).
 */
export function readNewestEarly(): Promise<EarlyRead | undefined> {
  early ??= openExisting(DATABASE)
    .then(async (database): Promise<EarlyRead | undefined> => {
      if (database === null) return { version: 0, saved: undefined };
      if (database === undefined) return undefined;
      try {
        const saved = await readTail(database, null, NEWEST_FIRST);
        performance.mark('peerchat:early-read');
        return { version: database.version, saved };
      } finally {
        database.close();
      }
    })
    .catch(() => undefined);
  return early;
}

/**
 * Puts a conversation read early into the room before the storage code has loaded (the rest is read with
 * `readTheRest` once it has): the room's state just as it was loaded, which autosave is to take as stored, or
 * undefined when the room refused it.
 */
export function loadIntoRoom(room: StoreApi<RoomStore>, saved: SavedConversation): RoomStore | undefined {
  let loaded: RoomStore | undefined;
  const unsubscribe = room.subscribe((state) => {
    if (loaded === undefined && state.conversationId === saved.id) loaded = state;
  });
  try {
    room.getState().loadConversation(saved);
  } finally {
    unsubscribe();
  }
  return loaded;
}

/**
 * Opens a conversation `readConversation` read, then hands the room the rest of it as it is read, starting once
 * `shown` resolves (in the app: after the next frame, so reading does not hold up showing it). Resolves when the
 * whole conversation is in, or it was left.
 */
export function showConversation(
  room: StoreApi<RoomStore>,
  db: PeerChatDb,
  saved: SavedConversation,
  shown: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  room.getState().loadConversation(saved);
  return readTheRest(room, db, saved, shown);
}

/**
 * Hands the room the rest of a conversation it was given (`loadConversation`) without it, starting once `shown`
 * resolves. Resolves when the whole conversation is in, or it was left.
 */
export async function readTheRest(
  room: StoreApi<RoomStore>,
  db: PeerChatDb,
  saved: SavedConversation,
  shown: () => Promise<void>,
): Promise<void> {
  const stillOpen = () => room.getState().conversationId === saved.id;
  let part = 'older messages';
  try {
    await shown();
    if (!saved.messagesPending && !saved.eventsPending) return;
    await db.open();
    const database = db.backendDB();
    // One pool for both: a message's parent is the message before it, events name the messages, rounds and peers.
    const shared = sharedValues();
    if (saved.messagesPending) {
      const records = await readPages(
        database,
        'messages',
        [saved.id, '', []],
        (record: MessageRecord) => [record.conversationId, record.id],
        stillOpen,
        (page) => page.map((record) => shared.message(messageOf(record), record.seq)),
      );
      if (records) {
        const messages = records.sort((a, b) => a.seq - b.seq).map(({ message }) => message);
        room.getState().restoreMessages(saved.id, messages);
      }
    }
    part = 'event log';
    if (saved.eventsPending) {
      const events = await readPages(
        database,
        'events',
        [saved.id, -Infinity, Infinity],
        (record: EventRecord) => [record.conversationId, record.lamport],
        stillOpen,
        (page) => page.map(({ conversationId: _c, ...event }) => shared.event(event as CoreEvent)),
      );
      if (events) room.getState().restoreEvents(saved.id, events);
    }
  } catch (error) {
    if (!stillOpen()) return;
    const reason = error instanceof Error ? error.message : String(error);
    room.setState({
      notice: `Could not read this conversation's ${part} from storage (${reason}). Reload to try again.`,
    });
  }
}
