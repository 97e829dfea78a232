import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFacilitatorStore } from './facilitator.ts';
import { createLibraryStore, UNDO_DELETE_MS } from './library.ts';
import { startAutosave } from './persistence/autosave.ts';
import { PeerChatDb } from './persistence/db.ts';
import { roundOver, scriptedAdapters, testDeps } from './testing.ts';

const dbs: PeerChatDb[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const db of dbs.splice(0)) await db.delete();
});

async function setup() {
  const db = new PeerChatDb(`library-${dbs.length}-${Math.random()}`);
  dbs.push(db);
  const room = createFacilitatorStore(testDeps(scriptedAdapters({}).adapterFor));
  const saver = startAutosave(room, db, { intervalMs: 1 });
  let n = 0;
  /** A library over the room; more than one can follow it. */
  const newLibrary = () =>
    createLibraryStore({
      db: async () => db,
      room,
      now: () => Date.now(),
      newId: () => `copy-${++n}`,
      flushPending: saver.flush,
    });
  const library = newLibrary();
  const talk = async (text: string) => {
    room.getState().send(text);
    await roundOver(room);
  };
  return { db, room, library, newLibrary, talk, stop: saver.stop };
}

describe('the conversation library', () => {
  it('starts new conversations at the same table and switches between them', async () => {
    const { room, library, talk, stop } = await setup();
    await talk('@claude first conversation');
    const first = room.getState().conversationId;
    await library.getState().newConversation();
    expect(room.getState().conversationId).not.toBe(first);
    expect(room.getState().messageIds).toEqual([]);
    expect(room.getState().peers.map((p) => p.handle)).toEqual(['claude', 'gpt', 'gemini']);
    await talk('@gpt second conversation');
    await library.getState().refresh();
    expect(library.getState().conversations).toHaveLength(2);
    expect(await library.getState().open(first)).toEqual({ ok: true });
    expect(room.getState().messages[room.getState().messageIds[0]!]?.text).toBe('@claude first conversation');
    await stop();
  });

  it('follows the room: lists a conversation with its first message, and its new title, until told to stop', async () => {
    const { room, library, newLibrary, talk, stop } = await setup();
    const unfollow = library.getState().followRoom(5);
    const listed = () => library.getState().conversations.map((summary) => summary.title);
    await talk('@claude hello');
    await vi.waitFor(() => expect(listed()).toEqual([room.getState().title]));
    room.getState().rename('Greetings');
    await vi.waitFor(() => expect(listed()).toEqual(['Greetings']));
    unfollow();
    // A library that starts following now sees the rename after the first would have, had it still followed.
    const control = newLibrary();
    const stopControl = control.getState().followRoom(5);
    room.getState().rename('Not followed');
    await vi.waitFor(() => expect(control.getState().conversations.map((c) => c.title)).toEqual(['Not followed']));
    stopControl();
    expect(listed()).toEqual(['Greetings']);
    await stop();
  });

  it('deletes with undo, and opens a fresh conversation when the open one is deleted', async () => {
    const { room, library, talk, stop } = await setup();
    await talk('@claude keep me');
    const id = room.getState().conversationId;
    await library.getState().refresh();
    await library.getState().remove(id);
    expect(room.getState().conversationId).not.toBe(id);
    expect(library.getState().conversations.map((c) => c.id)).not.toContain(id);
    expect(library.getState().deleted?.id).toBe(id);
    await library.getState().undoRemove();
    expect(library.getState().conversations.map((c) => c.id)).toContain(id);
    expect(UNDO_DELETE_MS).toBeGreaterThanOrEqual(5_000);
    await stop();
  });

  it('renames and duplicates; an empty title is refused', async () => {
    const { room, library, talk, stop } = await setup();
    await talk('@claude name me');
    const id = room.getState().conversationId;
    expect(await library.getState().rename(id, '  ')).toMatchObject({ ok: false });
    expect(await library.getState().rename(id, 'Named')).toEqual({ ok: true });
    expect(room.getState().title).toBe('Named');
    await library.getState().duplicate(id);
    expect(
      library
        .getState()
        .conversations.map((c) => c.title)
        .sort(),
    ).toEqual(['Named', 'Named (copy)']);
    await library.getState().search('name me');
    expect(library.getState().conversations).toHaveLength(2);
    await stop();
  });
});

describe('conversation files', () => {
  it('exports the open conversation as Markdown, PeerChat JSON and an MPLP zip, and imports the JSON back', async () => {
    const { room, library, talk, stop } = await setup();
    room.getState().setProvider('openai', { apiKey: 'sk-never-exported' });
    await talk('@all hello everyone');
    room.getState().rename('Greetings!');
    const { exportConversation } = await import('./conversation-files.ts');
    const markdown = await exportConversation(room.getState(), 'markdown');
    const json = await exportConversation(room.getState(), 'json');
    const mplp = await exportConversation(room.getState(), 'mplp');
    expect(markdown.filename).toBe('greetings.md');
    expect(json.filename).toBe('greetings.peerchat.json');
    expect(mplp.filename).toBe('greetings.mplp.zip');
    const { unzipSync, strFromU8 } = await import('fflate');
    const entries = unzipSync(mplp.data as Uint8Array);
    expect(Object.keys(entries)).toEqual(
      expect.arrayContaining([
        'greetings-mplp/collab.json',
        'greetings-mplp/dialog.json',
        'greetings-mplp/map-events.json',
      ]),
    );
    for (const text of [markdown.data, json.data, ...Object.values(entries).map((bytes) => strFromU8(bytes))]) {
      expect(text).not.toContain('sk-never-exported');
    }
    const originalId = room.getState().conversationId;
    const before = room.getState().messageIds.map((id) => room.getState().messages[id]!.text);
    expect(await library.getState().importConversation(json.data as string)).toEqual({ ok: true });
    expect(room.getState().conversationId).not.toBe(originalId);
    expect(room.getState().messageIds.map((id) => room.getState().messages[id]!.text)).toEqual(before);
    expect(library.getState().conversations).toHaveLength(2);
    // The imported log goes on: new events come after the imported ones.
    const lastImported = room.getState().events.at(-1)!.lamport;
    await talk('@claude and again');
    expect(room.getState().events.at(-1)!.lamport).toBeGreaterThan(lastImported);
    await stop();
  });

  it('never overwrites the open conversation, even before it is stored', async () => {
    const { room, library, talk, stop } = await setup();
    // No autosave: the open conversation is not written when its own export comes back in.
    await stop();
    await talk('@claude not saved yet');
    const { exportConversation } = await import('./conversation-files.ts');
    const json = await exportConversation(room.getState(), 'json');
    const openId = room.getState().conversationId;
    expect(await library.getState().importConversation(json.data as string)).toEqual({ ok: true });
    expect(room.getState().conversationId).not.toBe(openId);
  });

  it('refuses a bad conversation file with one clear message and changes nothing', async () => {
    const { room, library, talk, stop } = await setup();
    await talk('@claude hi');
    const before = room.getState().conversationId;
    const result = await library.getState().importConversation('{"format":"peerchat.conversation","version":99}');
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/version/i) });
    expect(room.getState().conversationId).toBe(before);
    await stop();
  });
});
