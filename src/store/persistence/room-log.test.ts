/**
 * Persistence stores the room log next to the snapshot it leads to: the log a conversation wrote replays to what
 * was stored, and a conversation opened again goes on with the same log.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { replayRoom } from '../../core/index.ts';
import { projectionOf } from '../room/log.ts';
import { loadRoomLog } from './conversations.ts';
import { readConversation, showConversation } from './open.ts';
import { eventually, idle, persistenceFixtures } from './testing.ts';

const { freshDb, newStore, autosave } = persistenceFixtures('room-log-test');

describe('the stored room log', () => {
  it('replays to the stored conversation, and goes on from it when the conversation is opened again', async () => {
    const db = freshDb();
    const { store: first } = newStore({ 'claude-model': [{ text: 'Ask @gpt.' }], 'gpt-model': [{ text: 'Fine.' }] });
    const saver = autosave(first, db, { intervalMs: 5 });
    first.getState().send('@claude start');
    await idle(first);
    first.getState().setMode('adversarial');
    first.getState().mute('id-gemini');
    await saver.flush();
    const id = first.getState().conversationId;
    const stored = await eventually(async () => {
      const log = (await loadRoomLog(db, id))!;
      expect(log.length).toBe(first.getState().log.length);
      return log;
    });
    expect(stored).toEqual(first.getState().log);
    expect(replayRoom(stored)).toEqual(projectionOf(first.getState()));

    // Another tab (or a reload) opens it and goes on: the log continues where it stopped.
    await saver.stop();
    const { store: second } = newStore({ 'gpt-model': [{ text: 'Again.' }] });
    const secondSaver = autosave(second, db, { intervalMs: 5 });
    await showConversation(second, db, (await readConversation(db, id))!);
    expect(second.getState().logLamport).toBe(first.getState().logLamport);
    second.getState().send('@gpt once more');
    await idle(second);
    await secondSaver.flush();
    const whole = await eventually(async () => {
      const log = (await loadRoomLog(db, id))!;
      expect(log.at(-1)?.lamport).toBe(second.getState().logLamport);
      return log;
    });
    expect(whole.map((event) => event.lamport)).toEqual(whole.map((_, index) => index + 1));
    expect(replayRoom(whole)).toEqual(projectionOf(second.getState()));
  });
});
