/**
 * The conversation library: the sidebar's list (newest first), search across titles and text, and new / open /
 * rename / duplicate / delete-with-undo, over IndexedDB and the facilitator store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { parseConversationFile } from './conversation-files.ts';
import { putAttachment } from './persistence/attachments.ts';
import type { PeerChatDb } from './persistence/db.ts';
import {
  deleteConversation,
  duplicateConversation,
  purgeDeleted,
  renameConversation,
  storeConversation,
  searchConversations,
  undoDelete,
  type ConversationSummary,
} from './persistence/conversations.ts';
import { readConversation, showConversation } from './persistence/open.ts';
import type { Result, RoomStore } from './types.ts';

/** How long a deletion can be undone. */
export const UNDO_DELETE_MS = 10_000;

export interface LibraryState {
  /** Conversations matching `query` (all when it is empty), newest first. */
  conversations: ConversationSummary[];
  query: string;
  /** The last deletion, while it can be undone. */
  deleted: ConversationSummary | null;
}

export interface LibraryActions {
  refresh(): Promise<void>;
  search(query: string): Promise<void>;
  newConversation(): Promise<void>;
  open(id: string): Promise<Result>;
  rename(id: string, title: string): Promise<Result>;
  duplicate(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  undoRemove(): Promise<void>;
  /** Imports a PeerChat JSON file as a new conversation and opens it; a bad file changes nothing. */
  importConversation(text: string): Promise<Result>;
  /**
   * Keeps the list in step with the open conversation until the returned function is called: it is listed with its
   * first message, moves to the top as it goes on, and changes title or identity. Refreshes at most once per
   * `delayMs` (never per streamed token), and once at the start.
   */
  followRoom(delayMs?: number): () => void;
}

export type LibraryStore = LibraryState & LibraryActions;

export interface LibraryDeps {
  /** The database, opened on first use (Dexie stays out of the first page load). */
  db(): Promise<PeerChatDb>;
  room: StoreApi<RoomStore>;
  now(): number;
  newId(): string;
  /** Lets the autosave write what is pending before the open conversation changes. */
  flushPending(): Promise<void>;
  /** Resolves once a conversation just opened has been drawn; the rest of it is read after. */
  shown?(): Promise<void>;
}

export function createLibraryStore(deps: LibraryDeps): StoreApi<LibraryStore> {
  let purgeTimer: ReturnType<typeof setTimeout> | null = null;

  return createStore<LibraryStore>()((set, get) => {
    const refresh = async () => {
      await deps.flushPending();
      set({ conversations: await searchConversations(await deps.db(), get().query) });
    };

    return {
      conversations: [],
      query: '',
      deleted: null,

      refresh,

      async search(query) {
        set({ query });
        set({ conversations: await searchConversations(await deps.db(), query) });
      },

      async newConversation() {
        await deps.flushPending();
        deps.room.getState().newConversation();
        await refresh();
      },

      async open(id) {
        if (id === deps.room.getState().conversationId) return { ok: true };
        await deps.flushPending();
        const db = await deps.db();
        const saved = await readConversation(db, id);
        if (!saved) return { ok: false, message: 'That conversation is no longer stored in this browser.' };
        void showConversation(deps.room, db, saved, deps.shown);
        // A stored room that cannot be repaired is not opened; the room's notice says why (see room-rules.ts).
        const opened = deps.room.getState().conversationId === id;
        return opened ? { ok: true } : { ok: false, message: deps.room.getState().notice ?? 'It could not be opened.' };
      },

      async rename(id, title) {
        const trimmed = title.trim();
        if (trimmed === '') return { ok: false, message: 'A conversation needs a title.' };
        if (id === deps.room.getState().conversationId) {
          const result = deps.room.getState().rename(trimmed);
          if (!result.ok) return result;
        }
        await renameConversation(await deps.db(), id, trimmed.slice(0, 200));
        await refresh();
        return { ok: true };
      },

      async duplicate(id) {
        await deps.flushPending();
        const source = get().conversations.find((summary) => summary.id === id);
        await duplicateConversation(await deps.db(), id, {
          id: deps.newId(),
          title: `${source?.title ?? 'Conversation'} (copy)`,
          at: deps.now(),
        });
        await refresh();
      },

      async remove(id) {
        await deps.flushPending();
        const summary = get().conversations.find((entry) => entry.id === id) ?? null;
        await deleteConversation(await deps.db(), id, deps.now());
        if (id === deps.room.getState().conversationId) deps.room.getState().newConversation();
        set({ deleted: summary });
        if (purgeTimer !== null) clearTimeout(purgeTimer);
        purgeTimer = setTimeout(() => {
          set({ deleted: null });
          void deps.db().then((db) => purgeDeleted(db, deps.now()));
        }, UNDO_DELETE_MS);
        await refresh();
      },

      async importConversation(text) {
        const db = await deps.db();
        // The open conversation may not be stored yet: its id counts as taken all the same.
        const taken = async (id: string) =>
          id === deps.room.getState().conversationId || (await db.conversations.get(id)) !== undefined;
        const parsed = await parseConversationFile(text, taken, deps.newId);
        if (!parsed.ok) return parsed;
        for (const file of parsed.files) await putAttachment(db, { ...file, storedAt: deps.now() });
        await storeConversation(db, parsed.saved, deps.now());
        await deps.flushPending();
        // Opened from the file in hand, log included: no need to read back what was just written.
        deps.room.getState().loadConversation(parsed.saved);
        await refresh();
        return { ok: true };
      },

      followRoom(delayMs = 300) {
        let timer: ReturnType<typeof setTimeout> | null = null;
        const schedule = () => {
          if (timer !== null) clearTimeout(timer);
          timer = setTimeout(() => {
            timer = null;
            // A failed refresh leaves the list as it was; the next change tries again.
            refresh().catch(() => {});
          }, delayMs);
        };
        schedule();
        const unsubscribe = deps.room.subscribe((state, previous) => {
          if (
            state.conversationId !== previous.conversationId ||
            state.title !== previous.title ||
            state.messageIds !== previous.messageIds ||
            state.roundActive !== previous.roundActive
          )
            schedule();
        });
        return () => {
          unsubscribe();
          if (timer !== null) clearTimeout(timer);
        };
      },

      async undoRemove() {
        const deleted = get().deleted;
        if (!deleted) return;
        await undoDelete(await deps.db(), deleted.id);
        set({ deleted: null });
        await refresh();
      },
    };
  });
}
