import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createFacilitatorStore, pathThrough, versionsOf } from './facilitator.ts';
import { parsePeerChatJson, snapshotOf, toPeerChatJson } from '../formats/exports.ts';
import { startAutosave } from './persistence/autosave.ts';
import { loadConversation } from './persistence/conversations.ts';
import { PeerChatDb } from './persistence/db.ts';
import { scriptedAdapters, settle, testDeps } from './testing.ts';

function setup() {
  const adapters = scriptedAdapters({
    'claude-model': [{ text: 'First answer.' }, { text: 'Second answer.' }, { text: 'Third answer.' }],
  });
  const store = createFacilitatorStore(testDeps(adapters.adapterFor));
  const texts = () => store.getState().messageIds.map((id) => store.getState().messages[id]!.text);
  const idle = () =>
    settle(
      () =>
        store.getState().roundActive || Object.values(store.getState().messages).some((m) => m.status === 'streaming'),
    );
  return { store, adapters, texts, idle };
}

describe('edit, rerun and versions', () => {
  it('editing a human message reruns from there and keeps the earlier version to switch back to', async () => {
    const { store, adapters, texts, idle } = setup();
    store.getState().send('@claude what is 2+2?');
    await idle();
    const original = store.getState().messageIds[0]!;
    expect(store.getState().editAndRerun(original, '@claude what is 3+3?')).toEqual({ ok: true });
    await idle();
    expect(texts()).toEqual(['@claude what is 3+3?', 'Second answer.']);
    // The rerun's request no longer holds the earlier question.
    expect(JSON.stringify(adapters.calls[1]!.request.messages)).not.toContain('2+2');
    const edited = store.getState().messageIds[0]!;
    expect(versionsOf(store.getState().messages, edited)).toEqual([original, edited]);
    store.getState().showVersion(original);
    expect(texts()).toEqual(['@claude what is 2+2?', 'First answer.']);
  });

  it('regenerating a peer message adds a version after the same message', async () => {
    const { store, texts, idle } = setup();
    store.getState().send('@claude hi');
    await idle();
    const first = store.getState().messageIds[1]!;
    expect(store.getState().regenerate(first)).toEqual({ ok: true });
    await idle();
    expect(texts()).toEqual(['@claude hi', 'Second answer.']);
    const second = store.getState().messageIds[1]!;
    expect(store.getState().messages[second]?.reason).toEqual({ kind: 'retry', replacesMessageId: first });
    expect(versionsOf(store.getState().messages, second)).toEqual([first, second]);
    expect(pathThrough(store.getState().messages, first)).toEqual([store.getState().messageIds[0], first]);
  });

  it('refuses to edit a peer’s message', async () => {
    const { store, idle } = setup();
    store.getState().send('@claude hi');
    await idle();
    expect(store.getState().editAndRerun(store.getState().messageIds[1]!, 'forged')).toMatchObject({ ok: false });
  });

  it('keeps every version through storage and through PeerChat JSON', async () => {
    const { store, idle } = setup();
    const db = new PeerChatDb(`branches-${Math.random()}`);
    const saver = startAutosave(store, db, { intervalMs: 1 });
    store.getState().send('@claude one');
    await idle();
    store.getState().editAndRerun(store.getState().messageIds[0]!, '@claude two');
    await idle();
    await saver.stop();
    const saved = await loadConversation(db, store.getState().conversationId);
    expect(saved?.messages.map((m) => m.text)).toEqual(['@claude two', 'Second answer.']);
    expect(saved?.otherVersions?.map((m) => m.text).sort()).toEqual(['@claude one', 'First answer.']);
    const snapshot = snapshotOf(store.getState(), { id: store.getState().conversationId });
    const parsed = parsePeerChatJson(toPeerChatJson(snapshot));
    expect(parsed.ok && parsed.snapshot.otherVersions).toEqual(snapshot.otherVersions);
    await db.delete();
  });
});
