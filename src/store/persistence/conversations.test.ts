import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import type { RoomStore } from '../types.ts';
import { startAutosave, OTHER_TAB_NOTICE, type ConversationLocks } from './autosave.ts';
import {
  deleteConversation,
  duplicateConversation,
  listConversations,
  loadConversation,
  purgeDeleted,
  renameConversation,
  searchConversations,
  undoDelete,
} from './conversations.ts';
import type { PeerChatDb } from './db.ts';
import { eventually, idle, persistenceFixtures } from './testing.ts';

const { freshDb, newStore, autosave } = persistenceFixtures('conversations-test');

/** The stored conversation has the room's shown messages and its whole event log. */
async function expectStoredAsShown(db: PeerChatDb, store: StoreApi<RoomStore>) {
  const saved = await loadConversation(db, store.getState().conversationId);
  expect(saved?.messages.map((m) => m.text)).toEqual(
    store.getState().messageIds.map((id) => store.getState().messages[id]!.text),
  );
  expect(saved?.events).toEqual(store.getState().events);
  return saved;
}

describe('autosave', () => {
  it('stores the conversation and brings it back as it was', async () => {
    const db = freshDb();
    const { store } = newStore();
    autosave(store, db, { intervalMs: 5 });
    store.getState().send('@claude hello');
    await idle(store);
    store.getState().send('@gpt and you?');
    await idle(store);
    const saved = await eventually(() => expectStoredAsShown(db, store));
    const { store: reopened } = newStore();
    reopened.getState().loadConversation(saved!);
    expect(reopened.getState().messageIds).toEqual(store.getState().messageIds);
    expect(reopened.getState().lastRoundEnd).toBe('queue-empty');
  });

  // Not saving what was just loaded again is open.test.ts's ("stores only new events").
  it('saves what was said before it started', async () => {
    const db = freshDb();
    const { store } = newStore();
    store.getState().send('@claude said before storage opened');
    await idle(store);
    autosave(store, db, { intervalMs: 5 });
    store.getState().send('@gpt and after');
    await idle(store);
    await eventually(() => expectStoredAsShown(db, store));
  });

  it('writes in batches, not once per token', async () => {
    const db = freshDb();
    const longReply = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    const { store } = newStore({ 'claude-model': [{ text: longReply }] });
    let writes = 0;
    db.messages.hook('creating', () => void writes++);
    db.messages.hook('updating', () => void writes++);
    autosave(store, db, { intervalMs: 20 });
    store.getState().send('@claude a long one');
    await idle(store);
    await eventually(async () => {
      const saved = await loadConversation(db, store.getState().conversationId);
      expect(saved?.messages.at(-1)).toMatchObject({ text: longReply, status: 'complete' });
    });
    expect(writes).toBeLessThan(20);
  });

  it('a reload mid-stream finds the partial reply, marked interrupted, and the round closed', async () => {
    const db = freshDb();
    const { store } = newStore({ 'claude-model': [{ text: 'Half of a thought that never', hold: true }] });
    autosave(store, db, { intervalMs: 5 });
    store.getState().send('@claude think aloud');
    // The timer writes the reply as it streams; the tab dies once it has: no stop, no final write.
    const saved = await eventually(async () => {
      const stored = await loadConversation(db, store.getState().conversationId);
      expect(stored?.messages.at(-1)).toMatchObject({ authorId: 'id-claude', text: 'Half' });
      return stored;
    });
    // A new tab opens the conversation.
    const { store: reloaded } = newStore();
    reloaded.getState().loadConversation(saved!);
    const reply = reloaded.getState().messages[reloaded.getState().messageIds.at(-1)!]!;
    expect(reply.status).toBe('interrupted');
    expect(reply.text).toBe('Half');
    expect(reloaded.getState().roundActive).toBe(false);
    const events = reloaded.getState().events;
    const dispatched = events.filter((e) => e.type === 'turn-dispatched').length;
    expect(events.filter((e) => e.type === 'turn-completed')).toHaveLength(dispatched);
  });

  it('stores a version that an edit replaced before it was ever written, and a duplicate keeps it', async () => {
    const db = freshDb();
    const { store } = newStore({ 'claude-model': [{ text: 'Paris.' }, { text: 'Rome.' }] });
    const saver = autosave(store, db, { intervalMs: 60_000 }); // nothing is written until the flush below
    store.getState().send('@claude capital of France?');
    await idle(store);
    const first = store.getState().messageIds[0]!;
    expect(store.getState().editAndRerun(first, '@claude capital of Italy?')).toEqual({ ok: true });
    await idle(store);
    await saver.flush();
    const id = store.getState().conversationId;
    const saved = (await loadConversation(db, id))!;
    expect(saved.messages.map((m) => m.text)).toEqual(['@claude capital of Italy?', 'Rome.']);
    expect(saved.otherVersions?.map((m) => [m.text, m.status])).toEqual([
      ['@claude capital of France?', 'complete'],
      ['Paris.', 'complete'],
    ]);
    await duplicateConversation(db, id, { id: 'copy', title: 'Copy', at: Date.now() });
    expect((await loadConversation(db, 'copy'))!.otherVersions?.map((m) => m.text)).toEqual([
      '@claude capital of France?',
      'Paris.',
    ]);
  });

  it('a second tab on the same conversation is told, cannot send, and writes nothing', async () => {
    const db = freshDb();
    const held = new Set<string>();
    const locks: ConversationLocks = {
      acquire: async (id) => (held.has(id) ? false : (held.add(id), true)),
      release: (id) => void held.delete(id),
    };
    const { store: first } = newStore();
    autosave(first, db, { intervalMs: 5, locks });
    first.getState().send('@claude from the first tab');
    await idle(first);
    const saved = await eventually(() => expectStoredAsShown(db, first));
    const { store: second } = newStore();
    const secondSaver = autosave(second, db, { intervalMs: 5, locks });
    second.getState().loadConversation(saved!);
    await eventually(() => expect(second.getState().readOnlyReason).toBe(OTHER_TAB_NOTICE));
    expect(second.getState().send('@gpt from the second tab')).toEqual({ ok: false, message: OTHER_TAB_NOTICE });
    expect(second.getState().speakNow('id-gpt')).toEqual({ ok: false, message: OTHER_TAB_NOTICE });
    expect(second.getState().regenerate(saved!.messages.at(-1)!.id)).toEqual({
      ok: false,
      message: OTHER_TAB_NOTICE,
    });
    expect(second.getState().setMode('adversarial')).toEqual({ ok: false, message: OTHER_TAB_NOTICE });
    await secondSaver.flush(); // writes nothing: this tab may not
    const after = await loadConversation(db, saved!.id);
    expect(after?.messages).toHaveLength(saved!.messages.length);
  });
});

describe('the conversation list', () => {
  async function seeded() {
    const db = freshDb();
    const ids: string[] = [];
    // Each conversation is saved at a clock of its own, the second after the first: the list is newest first.
    for (const [at, title, text] of [
      [1_000, 'Budget', 'numbers for Q3'],
      [2_000, 'Holiday plans', 'Lisbon or Porto?'],
    ] as const) {
      const { store } = newStore();
      let clock = at;
      const { stop } = startAutosave(store, db, { intervalMs: 1, now: () => clock++ });
      store.getState().rename(title);
      store.getState().send(`@claude ${text}`);
      await idle(store);
      await stop();
      ids.push(store.getState().conversationId);
    }
    return { db, ids };
  }

  it('lists newest first and searches titles and message text', async () => {
    const { db, ids } = await seeded();
    expect((await listConversations(db)).map((c) => c.id)).toEqual([ids[1], ids[0]]);
    expect((await searchConversations(db, 'porto')).map((c) => c.title)).toEqual(['Holiday plans']);
    expect((await searchConversations(db, 'BUDGET')).map((c) => c.title)).toEqual(['Budget']);
    expect(await searchConversations(db, 'nowhere')).toEqual([]);
  });

  it('renames, duplicates, deletes with undo, and purges', async () => {
    const { db, ids } = await seeded();
    await renameConversation(db, ids[0]!, 'Budget 2027');
    await duplicateConversation(db, ids[0]!, { id: 'copy', title: 'Budget 2027 (copy)', at: Date.now() + 1000 });
    const copy = await loadConversation(db, 'copy');
    const original = await loadConversation(db, ids[0]!);
    expect(copy?.messages).toEqual(original?.messages);
    await deleteConversation(db, ids[1]!, 100);
    expect((await listConversations(db)).map((c) => c.title)).toEqual(['Budget 2027 (copy)', 'Budget 2027']);
    await undoDelete(db, ids[1]!);
    expect(await listConversations(db)).toHaveLength(3);
    await deleteConversation(db, ids[1]!, 100);
    await purgeDeleted(db, 200);
    expect(await loadConversation(db, ids[1]!)).toBeUndefined();
    expect(
      await db.messages.where('[conversationId+seq]').between([ids[1]!, -Infinity], [ids[1]!, Infinity]).count(),
    ).toBe(0);
  });
});
