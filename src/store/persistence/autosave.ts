/**
 * Saves the open conversation to IndexedDB in batches: at most one write per `intervalMs` (never one per token),
 * so a reload or a crash loses at most that much of a streaming reply, which comes back `interrupted`.
 * Only one tab writes a conversation: the others are told, and stay read-only for it.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { RoomState, RoomStore, TranscriptMessage } from '../types.ts';
import type { ConversationRecord, EventRecord, MessageRecord, PeerChatDb, RoomLogRecord } from './db.ts';
import { saveChanges, type ConversationChanges } from './conversations.ts';

/** The Web Locks subset we use: one exclusive lock per conversation, held while it is open. */
export interface ConversationLocks {
  /** Resolves true when this tab now holds the lock (until `release`), false when another tab holds it. */
  acquire(conversationId: string): Promise<boolean>;
  release(conversationId: string): void;
}

export interface AutosaveOptions {
  intervalMs?: number;
  now?: () => number;
  locks?: ConversationLocks;
  /**
   * The room's state just as a stored conversation was loaded into it, before saving started (start-up shows the
   * newest conversation before the storage code has loaded): that is what is stored, and whatever changed since is
   * written.
   */
  opened?: RoomStore;
}

/** Web Locks: held for as long as this tab has the conversation open. */
export function webLocks(locks: LockManager): ConversationLocks {
  const releases = new Map<string, () => void>();
  return {
    acquire: (conversationId) =>
      new Promise<boolean>((resolve) => {
        void locks.request(`peerchat:conversation:${conversationId}`, { ifAvailable: true }, (lock) => {
          if (lock === null) return resolve(false);
          resolve(true);
          return new Promise<void>((release) => releases.set(conversationId, release));
        });
      }),
    release: (conversationId) => {
      releases.get(conversationId)?.();
      releases.delete(conversationId);
    },
  };
}

export const OTHER_TAB_NOTICE =
  'This conversation is open in another tab, which saves it. Nothing you do here is saved; close the other tab and reload to continue here.';

interface Saved {
  conversationId: string;
  messages: Record<string, TranscriptMessage>;
  messageIds: string[];
  /** Events up to this Lamport number are stored. */
  eventsThrough: number;
  /** Room log events up to this Lamport number are stored. */
  logThrough: number;
  recordKey: unknown[];
  createdAt: number | null;
  writable: boolean;
}

function recordKeyOf(state: RoomStore): unknown[] {
  return [
    state.title,
    state.name,
    state.peers,
    state.modeId,
    state.customModes,
    state.limits,
    state.lastRoundEnd,
    state.arbiter,
    state.messageIds,
    state.logLamport,
  ];
}

export interface Autosave {
  /** Writes what is pending now. */
  flush(): Promise<void>;
  /** Flushes and stops saving. */
  stop(): Promise<void>;
}

/** Starts saving the store's open conversation. */
export function startAutosave(store: StoreApi<RoomStore>, db: PeerChatDb, options: AutosaveOptions = {}): Autosave {
  const intervalMs = options.intervalMs ?? 400;
  const now = options.now ?? Date.now;
  // What is in the room before anything is opened (typed before storage opened) is not stored yet.
  const opened = options.opened?.conversationId === store.getState().conversationId ? options.opened : undefined;
  let saved = opened ? baselineOf(opened, false, null, true) : baselineOf(store.getState(), false, null, false);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();

  const claim = (conversationId: string) => {
    // A shared room being joined has no conversation yet: there is nothing to save until its history arrives.
    if (conversationId === '') {
      saved.writable = false;
      return;
    }
    if (!options.locks) {
      saved.writable = true;
      return;
    }
    void options.locks.acquire(conversationId).then((held) => {
      if (saved.conversationId !== conversationId) return options.locks?.release(conversationId);
      saved.writable = held;
      store.setState({ readOnlyReason: held ? null : OTHER_TAB_NOTICE });
      if (held) schedule();
    });
  };

  /** Writes what changed in `state` since the last write (of the same conversation). */
  const flush = (state: RoomStore = store.getState()) => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (state.conversationId !== saved.conversationId || !saved.writable) return writing;
    const changes = diff(state, saved, now());
    if (changes === null) return writing;
    saved = baselineOf(state, true, changes.record.createdAt, true);
    writing = writing
      .then(() => saveChanges(db, changes))
      .catch((error: unknown) => {
        console.error('PeerChat could not save the conversation:', error instanceof Error ? error.message : error);
      });
    return writing;
  };

  const schedule = () => {
    if (timer === null) timer = setTimeout(() => void flush(), intervalMs);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.conversationId !== previous.conversationId) {
      // Leaving a conversation: write its last changes, then start on the new one.
      void flush(previous);
      options.locks?.release(previous.conversationId);
      saved = baselineOf(state, false, null, state.messageIds.length > 0);
      claim(state.conversationId);
      return;
    }
    if (previous.olderMessagesPending && !state.olderMessagesPending) adoptRestored(state, previous);
    schedule();
  });
  claim(saved.conversationId);
  // Changes made between loading and now (a round closed on opening) are written once this tab may write.
  if (opened && !options.locks) schedule();

  return {
    flush: () => flush(),
    async stop() {
      unsubscribe();
      await flush();
      options.locks?.release(saved.conversationId);
    },
  };

  /** The older messages just read from storage are stored: only what changed since is written. */
  function adoptRestored(state: RoomStore, previous: RoomStore) {
    const messages = { ...saved.messages };
    for (const [id, message] of Object.entries(state.messages)) if (!(id in previous.messages)) messages[id] = message;
    saved.messages = messages;
  }

  /**
   * What is stored now, as far as this tab knows: everything when `stored` (just written, or just loaded from
   * storage), else nothing (a new conversation's opening events are written with its first message).
   */
  function baselineOf(state: RoomStore, writable: boolean, createdAt: number | null, stored: boolean): Saved {
    return {
      conversationId: state.conversationId,
      messages: stored ? state.messages : {},
      messageIds: stored ? state.messageIds : [],
      eventsThrough: stored ? storedLamportOf(state) : 0,
      // An opened conversation's log goes on from its snapshot; a new one's is written from its first event.
      logThrough: stored ? state.logLamport : 0,
      recordKey: recordKeyOf(state),
      createdAt,
      writable,
    };
  }
}

function diff(
  state: RoomStore,
  saved: Saved,
  at: number,
): (ConversationChanges & { record: ConversationRecord }) | null {
  if (state.messageIds.length === 0) return null;
  const messages: MessageRecord[] = [];
  const written = new Set<string>();
  state.messageIds.forEach((id, seq) => {
    const message = state.messages[id];
    if (message && (message !== saved.messages[id] || saved.messageIds[seq] !== id)) {
      messages.push({ ...stripUndefined(message), conversationId: state.conversationId, seq });
      written.add(id);
    }
  });
  // Versions off the shown path (an edit or a regeneration replaced them, perhaps before they were ever written):
  // a changed message not written above is one of them. Their `seq` only has to come after the path's.
  let offPath = state.messageIds.length;
  for (const id in state.messages) {
    const message = state.messages[id]!;
    if (message === saved.messages[id] || written.has(id)) continue;
    messages.push({ ...stripUndefined(message), conversationId: state.conversationId, seq: offPath++ });
  }
  const events: EventRecord[] = eventsAfter(state.events, saved.eventsThrough).map((event) => ({
    ...event,
    conversationId: state.conversationId,
  }));
  const roomLog: RoomLogRecord[] = eventsAfter(state.log, saved.logThrough).map((event) => ({
    conversationId: state.conversationId,
    lamport: event.lamport,
    event,
  }));
  const key = recordKeyOf(state);
  const recordChanged = saved.createdAt === null || key.some((part, index) => part !== saved.recordKey[index]);
  if (messages.length === 0 && events.length === 0 && roomLog.length === 0 && !recordChanged) return null;
  const createdAt = saved.createdAt ?? state.messages[state.messageIds[0]!]?.createdAt ?? at;
  return { record: recordOf(state, createdAt, at), messages, events, roomLog };
}

/**
 * The newest Lamport number of a conversation as stored: its last event, or while the stored log is still being
 * read, the clock the conversation was opened with (which continues that log).
 */
function storedLamportOf(state: RoomState): number {
  const lastEvent = state.events.at(-1)?.lamport ?? 0;
  return state.eventLogPending ? Math.max(lastEvent, state.arbiter.lamport) : lastEvent;
}

/** The events stamped after `lamport` (the log is in Lamport order, so they are at its end). */
function eventsAfter<T extends { lamport: number }>(events: readonly T[], lamport: number): T[] {
  let start = events.length;
  while (start > 0 && events[start - 1]!.lamport > lamport) start--;
  return events.slice(start);
}

function recordOf(state: RoomState, createdAt: number, at: number): ConversationRecord {
  const { name, human, peers, modeId, customModes, limits, seed } = state;
  return {
    id: state.conversationId,
    title: state.title,
    createdAt,
    updatedAt: at,
    room: {
      ...{ name, human, peers, modeId, customModes, limits, seed },
      ...(state.shareReasoning === true ? { shareReasoning: true } : {}),
    },
    arbiter: state.arbiter,
    lastRoundEnd: state.lastRoundEnd,
    logLamport: state.logLamport,
    pathIds: state.messageIds,
  };
}

/** IndexedDB's structured clone keeps `undefined` fields; dropping them keeps stored records tidy. */
function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
