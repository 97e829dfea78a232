/** Reads what autosave wrote to IndexedDB, from inside the page, for tests that check storage directly. */
import type { Page } from '@playwright/test';

export interface StoredMessage {
  id: string;
  kind: string;
  authorId: string;
  text: string;
  status: string;
}

export interface StoredConversation {
  lastRoundEnd: string | null;
  /** The shown messages in order (the stored path; `seq` order when there is none). */
  messages: StoredMessage[];
}

/** The newest conversation that is not deleted, or null when nothing is stored yet. */
export async function newestStoredConversation(page: Page): Promise<StoredConversation | null> {
  return page.evaluate(async () => {
    const names = await indexedDB.databases();
    if (!names.some((entry) => entry.name === 'peerchat')) return null;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('peerchat');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
    });
    try {
      if (!db.objectStoreNames.contains('conversations')) return null;
      const all = <T>(store: string) =>
        new Promise<T[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as T[]);
          request.onerror = () => reject(request.error ?? new Error('getAll failed'));
        });
      const conversations = await all<{
        id: string;
        updatedAt: number;
        pathIds?: string[];
        lastRoundEnd: string | null;
        deletedAt?: number;
      }>('conversations');
      const newest = conversations
        .filter((conversation) => conversation.deletedAt === undefined)
        .sort((a, b) => b.updatedAt - a.updatedAt)[0];
      if (!newest) return null;
      const messages = (await all<StoredMessage & { conversationId: string; seq: number }>('messages'))
        .filter((message) => message.conversationId === newest.id)
        .sort((a, b) => a.seq - b.seq);
      const byId = new Map(messages.map((message) => [message.id, message]));
      const path = newest.pathIds ?? messages.map((message) => message.id);
      return {
        lastRoundEnd: newest.lastRoundEnd,
        messages: path.flatMap((id) => {
          const message = byId.get(id);
          return message
            ? [{ id, kind: message.kind, authorId: message.authorId, text: message.text, status: message.status }]
            : [];
        }),
      };
    } finally {
      db.close();
    }
  });
}
