/**
 * The store's state through the file formats: snapshots of real store state, export rules that need a running
 * store, and the recorded conversation the format tests in `src/formats/` read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotOf, type ConversationSnapshot } from '../formats/index.ts';
import { collabModeOf, parsePeerChatJson, toMarkdown, toMplpBundle, toPeerChatJson } from '../formats/exports.ts';
import { invariantDocuments, schemaErrors } from '../formats/testing/mplp-bundle-checks.ts';
import { checkInvariants, parseInvariants, type Invariant } from '../formats/testing/mplp-invariants.ts';
import { loadMplpSchemas, type MplpSchemas } from '../formats/testing/mplp-schemas.ts';
import { RECORDING_URL, SECRET_KEY } from '../formats/testing/real-conversation.ts';
import { createFacilitatorStore } from './facilitator.ts';
import { realConversation, type RealConversation } from './real-conversation.ts';
import { scriptedAdapters, settle, testDeps } from './testing.ts';

let schemas: MplpSchemas;
let mapInvariants: Invariant[];
let real: RealConversation;

beforeAll(async () => {
  schemas = loadMplpSchemas();
  mapInvariants = parseInvariants(schemas.read('invariants/map-invariants.yaml'));
  real = await realConversation();
});

/** A snapshot written as PeerChat JSON and read back; the refusal message when it does not come back. */
function roundTrip(snapshot: ConversationSnapshot): ConversationSnapshot | string {
  const parsed = parsePeerChatJson(toPeerChatJson(snapshot));
  return parsed.ok ? parsed.snapshot : parsed.message;
}

describe('the recorded conversation of the format tests', () => {
  it('is still a valid conversation file (PEERCHAT_RECORD_CONVERSATION=1 records it again from this store)', () => {
    const path = fileURLToPath(RECORDING_URL);
    if (process.env.PEERCHAT_RECORD_CONVERSATION === '1')
      writeFileSync(path, `${JSON.stringify(real.snapshot, null, 2)}\n`);
    const recorded = JSON.parse(readFileSync(path, 'utf8')) as ConversationSnapshot;
    expect(roundTrip(recorded)).toStrictEqual(recorded);
  });

  it('is what this store still exports losslessly, validly and without the key', () => {
    expect(roundTrip(real.snapshot)).toStrictEqual(real.snapshot);
    const bundle = toMplpBundle(real.snapshot);
    expect(schemaErrors(schemas, bundle)).toEqual([]);
    expect(checkInvariants(mapInvariants, invariantDocuments(bundle))).toEqual([]);
    for (const text of [toMarkdown(real.snapshot), toPeerChatJson(real.snapshot), JSON.stringify(bundle)])
      expect(text).not.toContain(SECRET_KEY);
  });
});

describe('snapshotOf the store state', () => {
  it('takes the room, the transcript in order and the log — and nothing of the provider settings', () => {
    const { snapshot, state } = real;
    expect(Object.keys(snapshot)).toEqual([
      'id',
      'title',
      'createdAt',
      'updatedAt',
      'room',
      'formerPeers',
      'messages',
      'events',
    ]);
    expect(Object.keys(snapshot.room)).toEqual(['name', 'human', 'peers', 'modeId', 'customModes', 'limits', 'seed']);
    expect(snapshot.messages.map((message) => message.id)).toEqual(state.messageIds);
    expect(snapshot.events).toEqual(state.events);
    expect(state.providers.openai?.apiKey).toBe(SECRET_KEY);
    expect(JSON.stringify(snapshot)).not.toContain(SECRET_KEY);
    expect(JSON.stringify(snapshot)).not.toContain('api.example.test');
  });

  it('is a plain deep copy that equals its own JSON round trip (no undefined fields)', () => {
    const { snapshot, state } = real;
    expect(JSON.parse(JSON.stringify(snapshot))).toStrictEqual(snapshot);
    // A field left undefined in the state (a retry notice cleared while streaming) is not carried over.
    const firstId = state.messageIds[0]!;
    const withUndefined = {
      ...state,
      messages: { ...state.messages, [firstId]: { ...state.messages[firstId]!, retrying: undefined } },
    };
    const copied = snapshotOf(withUndefined, { id: snapshot.id });
    expect(JSON.parse(JSON.stringify(copied))).toStrictEqual(copied);
    expect('retrying' in copied.messages[0]!).toBe(false);
    expect(snapshot.room.peers[0]).not.toBe(state.peers[0]);
    expect(snapshot.messages[0]).not.toBe(state.messages[state.messageIds[0]!]);
  });

  it('defaults title and times from the state; meta wins when given', () => {
    const { snapshot, state } = real;
    expect(snapshot.createdAt).toBe(state.events[0]!.at);
    expect(snapshot.updatedAt).toBe(
      Math.max(...state.events.map((event) => event.at), ...Object.values(state.messages).map((m) => m.createdAt)),
    );
    const named = snapshotOf(state, { id: 'x', title: 'T', createdAt: 1, updatedAt: 2 });
    expect([named.title, named.createdAt, named.updatedAt]).toEqual(['T', 1, 2]);
    expect(snapshotOf(state, { id: 'x' }).title).toBe('Test room');
  });

  it('keeps a removed peer who spoke as a former peer (remembered, or a placeholder)', async () => {
    const adapters = scriptedAdapters({});
    const store = createFacilitatorStore(testDeps(adapters.adapterFor));
    store.getState().send('@gpt hello');
    await settle(() => store.getState().roundActive);
    store.getState().removePeer('id-gpt');
    expect(store.getState().peers.map((peer) => peer.id)).not.toContain('id-gpt');
    expect(snapshotOf(store.getState(), { id: 'c' }).formerPeers).toEqual([
      { id: 'id-gpt', handle: 'removed-1', displayName: 'Removed peer' },
    ]);
    const remembered = { id: 'id-gpt', handle: 'gpt', displayName: 'GPT' };
    const snapshot = snapshotOf(store.getState(), { id: 'c', formerPeers: [remembered] });
    expect(snapshot.formerPeers).toEqual([remembered]);
    expect(parsePeerChatJson(toPeerChatJson(snapshot))).toMatchObject({ ok: true, snapshot });
  });
});

describe('MPLP bundles of store states', () => {
  it('collab mode is orchestrated when the arbiter chose speakers, broadcast when every human round was @all', async () => {
    expect(collabModeOf(real.snapshot.events)).toBe('orchestrated');
    const adapters = scriptedAdapters({});
    const store = createFacilitatorStore(testDeps(adapters.adapterFor));
    for (const text of ['@all one', '@everyone two']) {
      store.getState().send(text);
      await settle(() => store.getState().roundActive);
    }
    const snapshot = snapshotOf(store.getState(), { id: 'all-rounds' });
    expect(collabModeOf(snapshot.events)).toBe('broadcast');
    expect(checkInvariants(mapInvariants, invariantDocuments(toMplpBundle(snapshot)))).toEqual([]);
    expect(collabModeOf([])).toBe('orchestrated');
  });

  it('a turn still streaming at export gets a synthesized completion', async () => {
    const adapters = scriptedAdapters({ 'claude-model': [{ text: 'still going on and on', hold: true }] });
    const store = createFacilitatorStore(testDeps(adapters.adapterFor));
    store.getState().send('@claude think aloud');
    await adapters.holding();
    const snapshot = snapshotOf(store.getState(), { id: 'mid-stream' });
    adapters.releaseAll();
    expect(snapshot.messages.at(-1)?.status).toBe('streaming');
    const midStream = toMplpBundle(snapshot);
    expect(schemaErrors(schemas, midStream)).toEqual([]);
    expect(checkInvariants(mapInvariants, invariantDocuments(midStream))).toEqual([]);
    expect(midStream['map-events.json'].slice(-2)).toMatchObject([
      { event_type: 'MAPTurnCompleted', payload: { synthesized: true, result: { status: 'unfinished' } } },
      { event_type: 'MAPSessionCompleted', payload: { synthesized: true, status: 'open' } },
    ]);
  });
});

describe('a council round in the exports', () => {
  it('keeps its stages, tally and notice: lossless JSON, a valid MPLP bundle, and Markdown that says who dissented', async () => {
    const adapters = scriptedAdapters({
      'claude-model': [{ text: 'Answer: 42' }, { text: 'Reason: sound.\nVote: Response A' }],
      'gpt-model': [{ text: 'Answer: 42' }, { text: 'Reason: sound.\nVote: Response A' }],
      'gemini-model': [{ text: 'Answer: 41' }, { text: 'Reason: I still think 41.\nVote: Response A' }],
    });
    const store = createFacilitatorStore(testDeps(adapters.adapterFor));
    expect(store.getState().send('What is 6 × 7?', { council: { strategy: 'vote' } }).ok).toBe(true);
    await settle(() => store.getState().roundActive);
    const snapshot = snapshotOf(store.getState(), { id: 'council' });
    const notice = snapshot.messages.at(-1)!;
    expect(notice.council).toMatchObject({ strategy: 'vote', answer: '42', dissent: [{ reason: 'answered: 41' }] });
    expect(roundTrip(snapshot)).toStrictEqual(snapshot);
    const bundle = toMplpBundle(snapshot);
    expect(schemaErrors(schemas, bundle)).toEqual([]);
    expect(checkInvariants(mapInvariants, invariantDocuments(bundle))).toEqual([]);
    expect(JSON.stringify(bundle)).toContain('peerchat.council.tallied');
    const markdown = toMarkdown(snapshot);
    expect(markdown).toContain('answering on its own in a council round');
    expect(markdown).toMatch(/Majority vote\*\* \(3 answers\)[\s\S]*Dissent:\n- \w+ — answered: 41/);
  });
});
