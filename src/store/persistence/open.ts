/**
 * Opening a stored conversation in the room, newest first: its newest messages show at once, the older ones follow
 * (sending waits for them), then the event log, which nothing on screen needs first. Each is read in short pages.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { RoomStore, SavedConversation } from '../types.ts';
import { loadConversationTail, loadEvents, loadMessages } from './conversations.ts';
import type { PeerChatDb } from './db.ts';

/** More than a tall window shows, with the virtual list's overscan. */
const NEWEST_FIRST = 60;

/** Reads what `showConversation` needs to show a stored conversation; undefined when it is not stored. */
export function readConversation(db: PeerChatDb, id: string): Promise<SavedConversation | undefined> {
  return loadConversationTail(db, id, NEWEST_FIRST);
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

async function readTheRest(
  room: StoreApi<RoomStore>,
  db: PeerChatDb,
  saved: SavedConversation,
  shown: () => Promise<void>,
): Promise<void> {
  const stillOpen = () => room.getState().conversationId === saved.id;
  let part = 'older messages';
  try {
    await shown();
    if (saved.messagesPending) {
      const messages = await loadMessages(db, saved.id, stillOpen);
      if (messages) room.getState().restoreMessages(saved.id, messages);
    }
    part = 'event log';
    if (saved.eventsPending) {
      const events = await loadEvents(db, saved.id, stillOpen);
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
