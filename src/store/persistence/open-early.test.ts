import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { TranscriptMessage } from '../types.ts';
import { loadConversation, storeConversation } from './conversations.ts';
import { PeerChatDb } from './db.ts';
import { DATABASE_SCHEMA } from './open-reads.ts';
import { loadIntoRoom, readConversation, STORED_SCHEMA_VERSION } from './open.ts';
import { eventually, idle, persistenceFixtures } from './testing.ts';

const { freshDb, newStore, autosave } = persistenceFixtures('open-early-test');

/** A stored conversation of `questions` rounds, each a question to @gpt and its answer. */
async function storedConversation(db: PeerChatDb, questions: number) {
  const { store } = newStore();
  const saver = autosave(store, db, { intervalMs: 5 });
  for (let question = 1; question <= questions; question++) {
    store.getState().send(`@gpt question ${question}`);
    await idle(store);
  }
  await saver.stop();
  return (await loadConversation(db, store.getState().conversationId))!;
}

describe('opening the newest conversation before the storage code has loaded', () => {
  it('reads at the schema version the storage code opens', () => {
    expect(new PeerChatDb('open-early-version').verno).toBe(DATABASE_SCHEMA);
    expect(STORED_SCHEMA_VERSION).toBe(DATABASE_SCHEMA * 10);
  });

  it('takes the conversation as loaded as stored, and writes what changed before saving started', async () => {
    const db = freshDb();
    const stored = await storedConversation(db, 2);
    const { store: room } = newStore();
    const loaded = loadIntoRoom(room, (await readConversation(db, stored.id))!)!;
    expect(loaded.conversationId).toBe(stored.id);
    expect(loaded.messageIds).toEqual(stored.messages.map((m) => m.id));
    // Sent before the storage code has loaded and saving has started.
    expect(room.getState().send('@gpt said early')).toEqual({ ok: true });
    await idle(room);
    let messageWrites = 0;
    db.messages.hook('creating', () => void messageWrites++);
    db.messages.hook('updating', () => void messageWrites++);

    const saver = autosave(room, db, { intervalMs: 5, opened: loaded });
    await eventually(async () =>
      expect((await loadConversation(db, stored.id))!.messages.map((m) => m.id)).toEqual(room.getState().messageIds),
    );
    await saver.flush();
    // The question and its answer; the messages that were stored are not written again.
    expect(messageWrites).toBe(2);
    const reread = (await loadConversation(db, stored.id))!;
    expect(reread.messages.map((m) => m.text)).toEqual(
      room.getState().messageIds.map((id) => room.getState().messages[id]!.text),
    );
    expect(reread.events).toEqual([...stored.events, ...room.getState().events]);
  });

  it('is refused (nothing loaded) when the room refuses the stored conversation', async () => {
    const db = freshDb();
    const stored = await storedConversation(db, 1);
    const saved = (await readConversation(db, stored.id))!;
    const { store: room } = newStore();
    const before = room.getState().conversationId;
    // Two seats with one id: a damaged room, which the room refuses to open.
    const damaged = { ...saved, room: { ...saved.room, peers: [saved.room.peers[0]!, saved.room.peers[0]!] } };
    expect(loadIntoRoom(room, damaged)).toBeUndefined();
    expect(room.getState().conversationId).toBe(before);
    expect(room.getState().notice).toMatch(/cannot be opened/);
  });
});

describe('reading the newest messages of a long path', () => {
  it('finds each by its place on the path, leaving out other versions there, and one stored out of place by id', async () => {
    const db = freshDb();
    const stored = await storedConversation(db, 4);
    const path = stored.messages;
    // Other versions stored at the places of the newest messages (as regenerating leaves them).
    const others: TranscriptMessage[] = path.slice(-3).map((message, index) => ({
      ...message,
      id: `other-${index}`,
      text: `an older version ${index}`,
    }));
    await storeConversation(db, { ...stored, otherVersions: others }, 10);
    await db.messages.bulkPut(
      others.map((message, index) => ({ ...message, conversationId: stored.id, seq: path.length - 3 + index })),
    );
    // One of the newest stored at another place than its place on the path.
    await db.messages.update([stored.id, path.at(-2)!.id], { seq: 999 });

    const saved = (await readConversation(db, stored.id, 3))!;
    expect(saved.messages).toEqual(path.slice(-3));
    expect(saved.messagesPending).toEqual({ pathIds: path.map((m) => m.id) });
  });
});
