/**
 * The IndexedDB reads behind opening a stored conversation (open.ts), made with IndexedDB itself rather than Dexie,
 * so that start-up can read before Dexie has loaded, and in few round trips. They follow the schema db.ts declares:
 * Dexie's store and index names, compound keys as arrays.
 */
import type { CoreEvent } from '../../core/index.ts';
import type { SavedConversation, TranscriptMessage } from '../types.ts';
import { headerOf, messageOf, splitPath } from './conversations.ts';
import type { ConversationRecord, MessageRecord } from './db.ts';

/** The last schema version db.ts declares (`PeerChatDb.verno`, checked by open.test.ts), known here without Dexie. */
export const DATABASE_SCHEMA = 4;

/** The rest is read in pages of this many records: one page is a short task, however long the conversation. */
export const PAGE_SIZE = 1_000;

/**
 * Opens the database if it exists, at whatever version it has, never creating or upgrading it: null when there is
 * none, undefined when it lacks the conversation stores (an older schema, which Dexie upgrades) or IndexedDB is
 * missing.
 */
export function openExisting(name: string): Promise<IDBDatabase | null | undefined> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    let created = false;
    // No database yet: its creation is left to Dexie.
    request.onupgradeneeded = () => {
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const database = request.result;
      // Dexie may need to upgrade it: this connection must not hold that up.
      database.onversionchange = () => database.close();
      const stores = ['conversations', 'messages', 'events'];
      if (stores.every((store) => database.objectStoreNames.contains(store))) resolve(database);
      else {
        database.close();
        resolve(undefined);
      }
    };
    request.onerror = () => (created ? resolve(null) : reject(request.error));
  });
}

/**
 * The conversation `id` (null: the newest not deleted) as `showConversation` takes it, in one transaction: its
 * header, the ids of its shown path and the newest `count` messages of it, without its event log.
 * `messagesPending` and `eventsPending` say what is left to read.
 */
export function readTail(
  database: IDBDatabase,
  id: string | null,
  count: number,
): Promise<SavedConversation | undefined> {
  return new Promise((resolve, reject) => {
    const transaction = database.transaction(['conversations', 'messages', 'events'], 'readonly');
    let result: SavedConversation | undefined;
    transaction.oncomplete = () => resolve(result);
    transaction.onabort = () => reject(transaction.error ?? new Error('reading the conversation was aborted'));
    const conversations = transaction.objectStore('conversations');
    const messages = transaction.objectStore('messages');
    const events = transaction.objectStore('events');

    const withRecord = (record: ConversationRecord | undefined) => {
      if (!record || record.deletedAt !== undefined) return;
      const conversationId = record.id;
      const parts: {
        pathIds?: string[];
        lastLamport?: number;
        messages?: ReturnType<typeof splitPath>;
      } = {};
      const finish = () => {
        const { pathIds, lastLamport, messages: shown } = parts;
        if (pathIds === undefined || lastLamport === undefined || shown === undefined) return;
        const whole = pathIds.length <= count;
        result = {
          ...headerOf(record),
          ...shown,
          events: [],
          ...(whole ? {} : { messagesPending: { pathIds } }),
          ...(lastLamport > 0 ? { eventsPending: { lastLamport } } : {}),
        };
      };
      const withPath = (pathIds: string[]) => {
        parts.pathIds = pathIds;
        if (pathIds.length <= count) {
          const all = messages.getAll(IDBKeyRange.bound([conversationId, ''], [conversationId, []]));
          all.onsuccess = () => {
            const records = (all.result as MessageRecord[]).sort((a, b) => a.seq - b.seq);
            parts.messages = splitPath(records.map(messageOf), record.pathIds);
            finish();
          };
          return;
        }
        const newest = pathIds.slice(-count);
        const from = pathIds.length - newest.length;
        // A path message is stored with its place on the path as `seq`, so one read by `seq` finds the newest (with
        // any other versions stored at those places, left out); one that is not where it should be is read by id.
        const bySeq = messages
          .index('[conversationId+seq]')
          .getAll(IDBKeyRange.bound([conversationId, from], [conversationId, pathIds.length - 1]));
        bySeq.onsuccess = () => {
          const byId = new Map((bySeq.result as MessageRecord[]).map((stored) => [stored.id, stored]));
          const found: (TranscriptMessage | undefined)[] = newest.map((messageId) => {
            const stored = byId.get(messageId);
            return stored && messageOf(stored);
          });
          const missing = newest.flatMap((messageId, index) => (found[index] === undefined ? [index] : []));
          const done = () => {
            parts.messages = { messages: found.filter((message) => message !== undefined) };
            finish();
          };
          if (missing.length === 0) return done();
          let left = missing.length;
          for (const index of missing) {
            const request = messages.get([conversationId, newest[index]!]);
            request.onsuccess = () => {
              const stored = request.result as MessageRecord | undefined;
              found[index] = stored && messageOf(stored);
              if (--left === 0) done();
            };
          }
        };
      };

      if (record.pathIds) withPath(record.pathIds);
      else {
        // Stored before paths were: every message is on it, in `seq` order.
        const keys = messages
          .index('[conversationId+seq]')
          .getAllKeys(IDBKeyRange.bound([conversationId, -Infinity], [conversationId, Infinity]));
        keys.onsuccess = () => withPath((keys.result as [string, string][]).map(([, messageId]) => messageId));
      }
      // A stored arbiter's clock stamped the log; without one (an imported file never continued), its last key tells.
      if (record.arbiter) parts.lastLamport = record.arbiter.lamport;
      else {
        const last = events.openKeyCursor(
          IDBKeyRange.bound([conversationId, -Infinity], [conversationId, Infinity]),
          'prev',
        );
        last.onsuccess = () => {
          parts.lastLamport = (last.result?.primaryKey as [string, number] | undefined)?.[1] ?? 0;
          finish();
        };
      }
      finish();
    };

    if (id !== null) {
      const request = conversations.get(id);
      request.onsuccess = () => withRecord(request.result as ConversationRecord | undefined);
      return;
    }
    // Newest first by `updatedAt`, passing over deleted ones (kept until their undo runs out).
    const cursor = conversations.index('updatedAt').openCursor(null, 'prev');
    cursor.onsuccess = () => {
      const current = cursor.result;
      if (!current) return;
      const record = current.value as ConversationRecord;
      if (record.deletedAt !== undefined) current.continue();
      else withRecord(record);
    };
  });
}

/**
 * Every record of one conversation in a store keyed `[conversationId, key]`, in key order, mapped a page at a time;
 * undefined once `keepGoing` says stop. Each page starts after the last key of the one before (keys are unique), and
 * is asked for before the one before is mapped, so storage reads while the page is worked on.
 */
export async function readPages<T, R>(
  database: IDBDatabase,
  store: 'messages' | 'events',
  [conversationId, lowest, highest]: [string, string | number, number | never[]],
  keyOf: (record: T) => IDBValidKey,
  keepGoing: () => boolean,
  map: (page: T[]) => R[],
): Promise<R[] | undefined> {
  const page = (after: IDBValidKey | undefined) =>
    new Promise<{ records: T[]; last: IDBValidKey | undefined }>((resolve, reject) => {
      const transaction = database.transaction(store, 'readonly');
      const range = IDBKeyRange.bound(
        after ?? [conversationId, lowest],
        [conversationId, highest],
        after !== undefined,
      );
      const request = transaction.objectStore(store).getAll(range, PAGE_SIZE);
      transaction.oncomplete = () => {
        const records = request.result as T[];
        resolve({ records, last: records.length > 0 ? keyOf(records.at(-1)!) : undefined });
      };
      transaction.onabort = () => reject(transaction.error ?? new Error('reading from storage was aborted'));
    });
  const all: R[] = [];
  let next = page(undefined);
  for (;;) {
    if (!keepGoing()) return undefined;
    const { records, last } = await next;
    const more = records.length === PAGE_SIZE;
    if (more) next = page(last);
    for (const item of map(records)) all.push(item);
    if (!more) return all;
  }
}

/**
 * One copy of what the records repeat: storage hands back a fresh copy of every string and object of every record,
 * and for a long conversation those copies are most of its memory. Short strings (ids of rounds, turns, peers and
 * messages, event types, statuses) are shared, and so are objects and arrays equal in content (a turn's reason, a
 * peer's DAP factors and where they came from, a broadcast's recipients), which the room never changes in place.
 * The records themselves are not (each is one event or message), nor message texts.
 */
export function sharedValues() {
  const strings = new Map<string, string>();
  const objects = new Map<string, object>();
  /** Each shared object's number, for the content key of an object that holds it. */
  const ids = new WeakMap<object, number>();
  const string = (value: string): string => {
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
  };
  /** A value's part of its holder's content key; null when the holder is not to be shared. */
  const keyOf = (value: unknown): string | null => {
    switch (typeof value) {
      case 'string':
        return value.length > MAX_SHARED_STRING ? null : `s${value.length}:${value}`;
      case 'number':
        return `n${value}`;
      case 'boolean':
        return value ? 't' : 'f';
      case 'undefined':
        return 'u';
      case 'object': {
        if (value === null) return 'z';
        const id = ids.get(value);
        return id === undefined ? null : `#${id}`;
      }
      default:
        return null;
    }
  };
  const share = (value: unknown): unknown => {
    if (typeof value === 'string') return value.length > MAX_SHARED_STRING ? value : string(value);
    if (typeof value !== 'object' || value === null) return value;
    let key: string | null = Array.isArray(value) ? '[' : '{';
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const item = (value[index] = share(value[index]));
        const part: string | null = key === null ? null : keyOf(item);
        key = part === null ? null : `${key}${part},`;
      }
    } else {
      const record = value as Record<string, unknown>;
      for (const field of Object.keys(record)) {
        const item = (record[field] = share(record[field]));
        const part: string | null = key === null ? null : keyOf(item);
        key = part === null ? null : `${key}${field}=${part},`;
      }
    }
    if (key === null || key.length > MAX_SHARED_KEY) return value;
    const known = objects.get(key);
    if (known !== undefined) return known;
    objects.set(key, value);
    ids.set(value, objects.size);
    return value;
  };
  /** Shares the fields of a record (not the record, one of a kind), except `skip`. */
  const fieldsOf = <T extends object>(record: T, skip?: string): T => {
    const fields = record as Record<string, unknown>;
    for (const field of Object.keys(fields)) if (field !== skip) fields[field] = share(fields[field]);
    return record;
  };
  return {
    message: (message: TranscriptMessage, seq: number) => ({ message: fieldsOf(message, 'text'), seq }),
    event: (event: CoreEvent): CoreEvent => fieldsOf(event),
  };
}

/** Longer strings (message texts, error details) are one of a kind: not worth a lookup. */
const MAX_SHARED_STRING = 64;
/** Objects with more content than this are not looked up by it. */
const MAX_SHARED_KEY = 1_024;
