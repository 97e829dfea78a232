import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import { isLamportOrdered, type CoreEvent } from '../../core/index.ts';
import { exportConversation } from '../conversation-files.ts';
import { STILL_OPENING_NOTICE } from '../facilitator.ts';
import { settle } from '../testing.ts';
import type { RoomStore, TranscriptMessage } from '../types.ts';
import { deleteConversation, loadConversation, loadEvents, loadMessages, storeConversation } from './conversations.ts';
import type { PeerChatDb } from './db.ts';
import { sharedValues } from './open-reads.ts';
import { PAGE_SIZE, readConversation, readNewestConversation, showConversation } from './open.ts';
import { eventually, idle, persistenceFixtures } from './testing.ts';

type RoomStoreApi = StoreApi<RoomStore>;

const { freshDb, newStore, autosave: startSaving } = persistenceFixtures('open-test');
const autosave = (store: RoomStoreApi, db: PeerChatDb) => startSaving(store, db, { intervalMs: 5 });

/** A stored conversation whose tab died while @claude was streaming (its round is still open in storage). */
async function conversationLeftMidRound(db: PeerChatDb, questionsBefore = 1) {
  const { store: first } = newStore({ 'claude-model': [{ text: 'Half of a thought that never', hold: true }] });
  autosave(first, db);
  for (let question = 1; question <= questionsBefore; question++) {
    first.getState().send(`@gpt question ${question}`);
    await idle(first);
  }
  first.getState().send('@claude think aloud');
  // The tab dies once autosave's timer has written the reply as it streams (and the round, still open).
  return eventually(async () => {
    const stored = (await loadConversation(db, first.getState().conversationId))!;
    expect(stored.messages.at(-1)).toMatchObject({ authorId: 'id-claude', text: 'Half', status: 'streaming' });
    expect(stored.arbiter?.round).not.toBeNull();
    return stored;
  });
}

describe('opening a stored conversation', () => {
  it('shows the transcript before the event log is read, then the whole log in order, and stores only new events', async () => {
    const db = freshDb();
    const stored = await conversationLeftMidRound(db);
    const { store: reopened } = newStore();
    const saver = autosave(reopened, db); // as at start-up: saving runs before the conversation opens
    let newEventWrites = 0;
    db.events.hook('creating', () => void newEventWrites++);
    db.events.hook('updating', () => void newEventWrites++);

    const saved = (await readConversation(db, stored.id))!;
    expect(saved.eventsPending).toEqual({ lastLamport: stored.arbiter!.lamport });
    expect(saved.events).toEqual([]);
    showConversation(reopened, db, saved);
    const opened = reopened.getState();
    expect(opened.messageIds).toEqual(stored.messages.map((m) => m.id));
    expect(opened.eventLogPending).toBe(true);
    // The round that was open is closed at once; those events are the only ones the room has so far.
    expect(opened.roundActive).toBe(false);
    const sinceOpening = opened.events;
    expect(sinceOpening.length).toBeGreaterThan(0);
    expect(sinceOpening[0]!.lamport).toBe(stored.arbiter!.lamport + 1);

    await settle(() => reopened.getState().eventLogPending);
    const restored = reopened.getState().events;
    expect(restored).toEqual([...stored.events, ...sinceOpening]);
    expect(isLamportOrdered(restored)).toBe(true);

    await saver.flush(); // whatever its timer has not written yet
    expect((await loadConversation(db, stored.id))!.events).toEqual(restored);
    expect(newEventWrites).toBe(sinceOpening.length);
  });

  it('keeps a late event log out of the conversation opened after it', async () => {
    const db = freshDb();
    const stored = await conversationLeftMidRound(db);
    const { store: room } = newStore();
    const readingTheRest = showConversation(room, db, (await readConversation(db, stored.id))!);
    room.getState().newConversation();
    const fresh = room.getState().events;
    await readingTheRest; // it resolves once the log is read, or the reading stopped
    expect(room.getState().events).toBe(fresh);
    expect(room.getState().eventLogPending).toBe(false);
  });

  it('refuses to export the conversation until its event log is in', async () => {
    const db = freshDb();
    const stored = await conversationLeftMidRound(db);
    const { store: room } = newStore();
    showConversation(room, db, (await readConversation(db, stored.id))!);
    await expect(exportConversation(room.getState(), 'json')).rejects.toThrow(/still being read from storage/);
    await settle(() => room.getState().eventLogPending);
    const file = await exportConversation(room.getState(), 'json');
    expect(JSON.parse(file.data as string).conversation.events).toHaveLength(room.getState().events.length);
  });

  it('continues the stored clock without reading the log when no arbiter state was stored (an imported file)', async () => {
    const db = freshDb();
    const stored = await conversationLeftMidRound(db);
    await db.conversations.update(stored.id, { arbiter: null });
    const saved = (await readConversation(db, stored.id))!;
    const lastLamport = stored.events.at(-1)!.lamport;
    expect(saved.eventsPending).toEqual({ lastLamport });
    const { store: room } = newStore();
    showConversation(room, db, saved);
    expect(room.getState().arbiter.lamport).toBe(lastLamport);
    room.getState().send('@gpt still there?');
    await settle(() => room.getState().eventLogPending);
    await idle(room);
    const events = room.getState().events;
    expect(events.slice(0, stored.events.length)).toEqual(stored.events);
    expect(events.length).toBeGreaterThan(stored.events.length);
    expect(isLamportOrdered(events)).toBe(true);
  });

  it('shows the newest messages first, refuses changes until the rest is read, then has all of it, written once', async () => {
    const db = freshDb();
    const stored = await conversationLeftMidRound(db, 4);
    const storedIds = stored.messages.map((m) => m.id);
    const { store: room } = newStore();
    const saver = autosave(room, db);
    let messageWrites = 0;
    db.messages.hook('creating', () => void messageWrites++);
    db.messages.hook('updating', () => void messageWrites++);

    const saved = (await readConversation(db, stored.id, 3))!;
    expect(saved.messages).toEqual(stored.messages.slice(-3));
    expect(saved.messagesPending).toEqual({ pathIds: storedIds });
    showConversation(room, db, saved);
    const opened = room.getState();
    expect(opened.messageIds).toEqual(storedIds);
    expect(opened.olderMessagesPending).toBe(true);
    expect(Object.keys(opened.messages)).toHaveLength(3);
    expect(opened.messages[storedIds.at(-1)!]!.status).toBe('interrupted');
    // Nothing that needs the whole transcript happens yet, and nothing changes.
    expect(opened.send('@gpt too soon')).toEqual({ ok: false, message: STILL_OPENING_NOTICE });
    expect(opened.speakNow('id-gpt')).toEqual({ ok: false, message: STILL_OPENING_NOTICE });
    expect(opened.regenerate(storedIds.at(-2)!)).toEqual({ ok: false, message: STILL_OPENING_NOTICE });
    opened.showVersion(storedIds.at(-1)!);
    expect(room.getState().notice).toBe(STILL_OPENING_NOTICE);
    expect(room.getState().messageIds).toEqual(storedIds);

    await settle(() => room.getState().olderMessagesPending || room.getState().eventLogPending);
    const all = room.getState();
    expect(all.messageIds).toEqual(storedIds);
    expect(storedIds.map((id) => all.messages[id]?.text)).toEqual(stored.messages.map((m) => m.text));
    expect(Object.keys(all.contextFills).length).toBeGreaterThan(0);
    await saver.flush(); // whatever its timer has not written yet
    // Only the turn that was cut short is written again; the older messages came from storage.
    expect(messageWrites).toBe(1);
    const reread = (await loadConversation(db, stored.id))!;
    expect(reread.messages.map((m) => m.id)).toEqual(storedIds);
    expect(reread.messages.at(-1)!.status).toBe('interrupted');

    expect(all.send('@gpt now then')).toEqual({ ok: true });
    await idle(room);
    expect(room.getState().messageIds.slice(0, storedIds.length)).toEqual(storedIds);
  });

  it('drops a path id whose message is missing from storage once the rest is read', async () => {
    const db = freshDb();
    const stored = await conversationLeftMidRound(db, 3);
    const lost = stored.messages[1]!.id;
    await db.messages.delete([stored.id, lost]);
    const { store: room } = newStore();
    await showConversation(room, db, (await readConversation(db, stored.id, 2))!);
    expect(room.getState().olderMessagesPending).toBe(false);
    expect(room.getState().messageIds).toEqual(stored.messages.map((m) => m.id).filter((id) => id !== lost));
  });

  it('loses no message where a page ends among versions that share a place (the same seq)', async () => {
    const db = freshDb();
    const stored = await conversationLeftMidRound(db, 1);
    const template = stored.messages[0]!;
    // Three versions per place, as regenerating or editing leaves them; 1,500 records straddle the page boundary.
    const records = Array.from({ length: 1_500 }, (_, index) => ({
      ...template,
      id: `v${String(index).padStart(4, '0')}`,
      text: `version ${index}`,
      conversationId: 'versions',
      seq: Math.floor(index / 3),
    }));
    await db.messages.bulkPut(records);
    const read = (await loadMessages(db, 'versions'))!;
    expect(read).toHaveLength(records.length);
    expect(read.map((m) => m.text)).toEqual(records.map((r) => r.text));
  });

  it('opens the newest conversation that is not deleted, whole when it is short', async () => {
    const db = freshDb();
    expect(await readNewestConversation(db)).toBeUndefined();
    const older = await conversationLeftMidRound(db, 1);
    const newer = await conversationLeftMidRound(db, 1);
    await db.conversations.update(older.id, { updatedAt: 1 });
    await db.conversations.update(newer.id, { updatedAt: 2 });
    const newest = (await readNewestConversation(db))!;
    expect(newest.id).toBe(newer.id);
    expect(newest.messages).toEqual(newer.messages);
    expect(newest.messagesPending).toBeUndefined();
    expect(newest.eventsPending).toEqual({ lastLamport: newer.arbiter!.lamport });
    await deleteConversation(db, newer.id, 3);
    expect((await readNewestConversation(db))!.id).toBe(older.id);
    expect(await readConversation(db, newer.id)).toBeUndefined();
  });

  it('reads the rest of a long conversation in pages, every message and event, with versions', async () => {
    const db = freshDb();
    const stored = await conversationLeftMidRound(db, 2);
    const template = stored.messages[0]!;
    const count = 2 * PAGE_SIZE + 345;
    const messages = Array.from({ length: count }, (_, index) => ({
      ...template,
      id: `m${String(index).padStart(5, '0')}`,
      text: `message ${index}`,
      createdAt: template.createdAt + index,
    }));
    // Versions off the path, keyed to fall between the path's messages across page ends.
    const otherVersions = Array.from({ length: PAGE_SIZE + 10 }, (_, index) => ({
      ...messages[index * 2]!,
      id: `m${String(index * 2).padStart(5, '0')}v`,
      text: `version ${index}`,
    }));
    const events = Array.from({ length: 2 * PAGE_SIZE + 100 }, (_, index) => ({
      ...stored.events[0]!,
      lamport: index + 1,
    }));
    // No stored arbiter (an imported file): its clock continues from the log's last event.
    await storeConversation(db, { ...stored, id: 'long', arbiter: null, messages, otherVersions, events }, Date.now());
    const { store: room } = newStore();
    const saved = (await readConversation(db, 'long'))!;
    expect(saved.messages).toEqual(messages.slice(-60));
    expect(saved.eventsPending).toEqual({ lastLamport: events.length });
    await showConversation(room, db, saved);
    const state = room.getState();
    expect(state.olderMessagesPending).toBe(false);
    expect(state.eventLogPending).toBe(false);
    expect(state.messageIds).toEqual(messages.map((m) => m.id));
    expect(Object.keys(state.messages)).toHaveLength(messages.length + otherVersions.length);
    for (const message of [...messages, ...otherVersions]) expect(state.messages[message.id]).toEqual(message);
    expect(state.events.slice(0, events.length)).toEqual(events);
    expect(isLamportOrdered(state.events)).toBe(true);
  });

  it('shares what the records it reads repeat, and changes no value', () => {
    const shared = sharedValues();
    const dispatched = (lamport: number) =>
      structuredClone({
        type: 'turn-dispatched',
        roundId: 'r1',
        turnId: `t${lamport}`,
        peerId: 'id-claude',
        reason: { kind: 'all', messageId: 'm1' },
        depth: 0,
        modeId: 'collaborative',
        lamport,
        at: 1,
      }) as CoreEvent;
    const [first, second] = [shared.event(dispatched(1)), shared.event(dispatched(2))];
    expect([first, second]).toEqual([dispatched(1), dispatched(2)]);
    expect(first).not.toBe(second);
    // Equal objects are one object; so is each short string.
    expect((first as { reason: object }).reason).toBe((second as { reason: object }).reason);
    const longText = 'x'.repeat(100);
    const message = {
      id: 'p1',
      kind: 'peer',
      authorId: 'id-claude',
      text: longText,
      status: 'complete',
      createdAt: 1,
      reason: { kind: 'all', messageId: 'm1' },
    };
    const { message: kept } = shared.message(structuredClone(message) as TranscriptMessage, 0);
    expect(kept).toEqual(message);
    expect((kept as { reason?: object }).reason).toBe((first as { reason: object }).reason);
  });

  it('reads long conversations back whole, across pages, in order', async () => {
    const db = freshDb();
    const stored = await conversationLeftMidRound(db, 2);
    const template = stored.messages[0]!;
    const messages = Array.from({ length: 2_345 }, (_, index) => ({
      ...template,
      id: `m${index}`,
      text: `message ${index}`,
      createdAt: template.createdAt + index,
    }));
    const events = Array.from({ length: 2_100 }, (_, index) => ({ ...stored.events[0]!, lamport: index + 1 }));
    await storeConversation(db, { ...stored, id: 'long', messages, otherVersions: [], events }, Date.now());
    expect((await loadMessages(db, 'long'))!.map((m) => m.text)).toEqual(messages.map((m) => m.text));
    expect((await loadEvents(db, 'long'))!.map((e) => e.lamport)).toEqual(events.map((e) => e.lamport));
    let pages = 0;
    expect(await loadMessages(db, 'long', () => ++pages < 2)).toBeUndefined();
    expect(pages).toBe(2);
  });
});
