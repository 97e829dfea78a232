/**
 * Sessions that end, and overrides that are recorded: "End conversation" logs the session's completion and leaves
 * the conversation read-only; edit-and-rerun, regenerate and version switches are human overrides in the log; and
 * the MPLP bundle carries every mandatory MAP event whether the conversation is open or ended.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { snapshotOf } from '../formats/index.ts';
import { toMplpBundle, toPeerChatJson } from '../formats/exports.ts';
import { parseConversationFile } from './conversation-files.ts';
import { invariantDocuments, missingMandatoryEvents, schemaErrors } from '../formats/testing/mplp-bundle-checks.ts';
import { checkInvariants, parseInvariants, type Invariant } from '../formats/testing/mplp-invariants.ts';
import { loadMplpSchemas, type MplpSchemas } from '../formats/testing/mplp-schemas.ts';
import { createFacilitatorStore, ENDED_NOTICE } from './facilitator.ts';
import { createLibraryStore } from './library.ts';
import { startAutosave } from './persistence/autosave.ts';
import { PeerChatDb } from './persistence/db.ts';
import { roundOver, scriptedAdapters, testDeps } from './testing.ts';
import type { RoomStore } from './types.ts';

let schemas: MplpSchemas;
let mapInvariants: Invariant[];

beforeAll(() => {
  schemas = loadMplpSchemas();
  mapInvariants = parseInvariants(schemas.read('invariants/map-invariants.yaml'));
});

function room(script: Parameters<typeof scriptedAdapters>[0] = {}) {
  const adapters = scriptedAdapters(script);
  const store = createFacilitatorStore(testDeps(adapters.adapterFor));
  return { adapters, store, state: () => store.getState() };
}

const overrides = (state: RoomStore) =>
  state.events.flatMap((event) => (event.type === 'human-override' ? [event] : []));

/** The bundle of the conversation as it stands, checked against the schemas, the invariants and the profile. */
function checkedBundle(state: RoomStore, id: string) {
  const bundle = toMplpBundle(snapshotOf(state, { id }));
  expect(schemaErrors(schemas, bundle)).toEqual([]);
  expect(checkInvariants(mapInvariants, invariantDocuments(bundle))).toEqual([]);
  expect(missingMandatoryEvents(schemas, bundle)).toEqual([]);
  return bundle;
}

describe('End conversation', () => {
  it('stops what runs, logs the completion last, and refuses every later change with one reason', async () => {
    const { adapters, store, state } = room({ 'claude-model': [{ text: 'a long thought cut short', hold: true }] });
    state().send('@gpt first');
    await roundOver(store);
    state().send('@claude go on');
    await adapters.holding();

    expect(state().endConversation()).toEqual({ ok: true });
    await roundOver(store);
    expect(state().ended).toBe(true);
    expect(state().events.at(-1)?.type).toBe('session-completed');
    const cut = Object.values(state().messages).find((message) => message.authorId === 'id-claude');
    expect(cut).toMatchObject({ status: 'interrupted', text: 'a' });

    const eventsAtEnd = state().events.length;
    expect(state().send('one more thing')).toEqual({ ok: false, message: ENDED_NOTICE });
    expect(state().speakNow('id-gpt')).toEqual({ ok: false, message: ENDED_NOTICE });
    expect(state().endConversation()).toEqual({ ok: false, message: ENDED_NOTICE });
    const gptReply = Object.values(state().messages).find((message) => message.authorId === 'id-gpt')!;
    expect(state().regenerate(gptReply.id)).toEqual({ ok: false, message: ENDED_NOTICE });
    expect(state().events).toHaveLength(eventsAtEnd);
  });

  it('gives a bundle that ends with the real MAPSessionCompleted and says the session is completed', async () => {
    const { store, state } = room();
    state().send('@all hello');
    await roundOver(store);
    state().endConversation();
    const bundle = checkedBundle(state(), 'ended');
    expect(bundle['map-events.json'].at(-1)).toMatchObject({
      event_type: 'MAPSessionCompleted',
      payload: { status: 'completed' },
    });
    expect(bundle['map-events.json'].at(-1)?.payload).not.toHaveProperty('synthesized');
    expect(bundle['collab.json'].status).toBe('completed');
    expect(bundle['context.json'].status).toBe('closed');
  });

  it('survives a PeerChat JSON round trip: the imported conversation opens ended', async () => {
    const { store, state } = room();
    state().send('@gpt hello');
    await roundOver(store);
    state().endConversation();
    const file = toPeerChatJson(snapshotOf(state(), { id: 'to-file' }));
    const parsed = await parseConversationFile(
      file,
      async () => false,
      () => 'unused',
    );
    if (!parsed.ok) throw new Error(parsed.message);
    const reopened = room();
    reopened.state().loadConversation(parsed.saved);
    expect(reopened.state().ended).toBe(true);
    expect(reopened.state().send('again?')).toEqual({ ok: false, message: ENDED_NOTICE });
  });
});

describe('a conversation exported while still open', () => {
  it('carries every mandatory MAP event, the completion synthesized and marked open', async () => {
    const { store, state } = room();
    state().send('@claude hello');
    await roundOver(store);
    const bundle = checkedBundle(state(), 'open');
    expect(bundle['map-events.json'].at(-1)).toMatchObject({
      event_type: 'MAPSessionCompleted',
      payload: { synthesized: true, status: 'open' },
    });
    expect(bundle['collab.json'].status).toBe('active');
    expect(bundle['context.json'].status).toBe('active');
  });

  it('with a reply still streaming, carries them too, the running turn completed as unfinished', async () => {
    const { adapters, state } = room({ 'claude-model': [{ text: 'still thinking it over', hold: true }] });
    state().send('@claude think aloud');
    await adapters.holding();
    const bundle = checkedBundle(state(), 'mid-stream');
    adapters.releaseAll();
    expect(bundle['map-events.json'].map((event) => event.event_type).slice(-2)).toEqual([
      'MAPTurnCompleted',
      'MAPSessionCompleted',
    ]);
  });
});

describe('edits, regenerations and version switches are human overrides', () => {
  it('edit and rerun names the edited message, stops what runs and reruns from there', async () => {
    const { adapters, store, state } = room({ 'claude-model': [{ text: 'slow answer', hold: true }] });
    expect(state().send('@claude first try')).toEqual({ ok: true });
    const original = state().messageIds[0]!;
    await adapters.holding();
    expect(state().editAndRerun(original, '@gpt second try')).toEqual({ ok: true });
    await roundOver(store);
    expect(overrides(state())).toMatchObject([{ action: 'edit-and-rerun', messageId: original }]);
    expect(adapters.calls.find((call) => call.model === 'claude-model')?.aborted).toBe(true);
    const rounds = state().events.flatMap((event) => (event.type === 'round-ended' ? [event.reason] : []));
    expect(rounds).toEqual(['preempted-by-human', 'queue-empty']);
    expect(state().messages[state().messageIds[0]!]?.text).toBe('@gpt second try');
    expect(state().messages[original]?.text).toBe('@claude first try');
  });

  it('regenerate names the message it replaces', async () => {
    const { store, state } = room();
    state().send('@gpt hello');
    await roundOver(store);
    const reply = state().messageIds[1]!;
    expect(state().regenerate(reply)).toEqual({ ok: true });
    await roundOver(store);
    expect(overrides(state())).toMatchObject([{ action: 'regenerate', peerId: 'id-gpt', messageId: reply }]);
  });

  it('a version switch names the version shown and is exported in collab.json', async () => {
    const { store, state } = room();
    state().send('@gpt first');
    await roundOver(store);
    const first = state().messageIds[0]!;
    state().editAndRerun(first, '@gpt second');
    await roundOver(store);
    state().showVersion(first);
    expect(state().messageIds[0]).toBe(first);
    expect(overrides(state()).map((event) => [event.action, event.messageId])).toEqual([
      ['edit-and-rerun', first],
      ['show-version', first],
    ]);
    const exported = checkedBundle(state(), 'versions')['collab.json'].events.filter(
      (event) => event.event_type === 'peerchat.human.override',
    );
    expect(exported.map((event) => event.data.action)).toEqual(['edit-and-rerun', 'show-version']);
    expect(exported.every((event) => typeof event.data.message_event_id === 'string')).toBe(true);
  });
});

describe('an ended conversation in the library', () => {
  it('opens ended again; its duplicate is open, without the completion, and can go on', async () => {
    const db = new PeerChatDb(`ended-${Math.random()}`);
    const { store, state } = room();
    const saver = startAutosave(store, db, { intervalMs: 1 });
    const library = createLibraryStore({
      db: async () => db,
      room: store,
      now: () => Date.now(),
      newId: () => 'the-copy',
      flushPending: saver.flush,
    });
    state().send('@gpt hello');
    await roundOver(store);
    state().endConversation();
    const ended = state().conversationId;
    await library.getState().duplicate(ended);

    await library.getState().newConversation();
    expect(await library.getState().open(ended)).toEqual({ ok: true });
    await vi.waitFor(() => expect(state().eventLogPending).toBe(false));
    expect(state().ended).toBe(true);
    expect(state().events.at(-1)?.type).toBe('session-completed');

    expect(await library.getState().open('the-copy')).toEqual({ ok: true });
    await vi.waitFor(() => expect(state().eventLogPending).toBe(false));
    expect(state().ended).toBe(false);
    expect(state().events.some((event) => event.type === 'session-completed')).toBe(false);
    expect(state().send('@gpt and now?')).toEqual({ ok: true });
    await roundOver(store);
    checkedBundle(state(), 'the-copy');
    await saver.stop();
    await db.delete();
  });
});
