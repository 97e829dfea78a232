import { describe, expect, expectTypeOf, it } from 'vitest';
import { createFacilitatorStore } from '../facilitator.ts';
import { scriptedAdapters, settle, testDeps } from '../testing.ts';
import { parsePeerChatJson, toPeerChatJson } from './peerchat-json.ts';
import { toMarkdown } from './markdown.ts';
import { toMplpBundle } from './mplp-bundle.ts';
import { snapshotOf, type ConversationSnapshot } from './snapshot.ts';
import { realConversation, SECRET_KEY } from './testing/real-conversation.ts';

describe('no export can see a key', () => {
  it('the exports take only a snapshot, and a snapshot has no provider settings (checked by tsc)', () => {
    expectTypeOf(toMarkdown).parameters.toEqualTypeOf<[ConversationSnapshot]>();
    expectTypeOf(toMplpBundle).parameters.toEqualTypeOf<[ConversationSnapshot]>();
    expectTypeOf(toPeerChatJson).parameter(0).toEqualTypeOf<ConversationSnapshot>();
    expectTypeOf(toPeerChatJson).parameter(1).toEqualTypeOf<{ exportedAt?: number } | undefined>();
    expectTypeOf<ConversationSnapshot>().not.toHaveProperty('providers');
    expectTypeOf<ConversationSnapshot['room']>().not.toHaveProperty('providers');
    expectTypeOf<ConversationSnapshot['room']['peers'][number]>().not.toHaveProperty('apiKey');
  });
});

describe('snapshotOf', () => {
  it('takes the room, the transcript in order and the log — and nothing of the provider settings', async () => {
    const { snapshot, state } = await realConversation();
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

  it('is a plain deep copy that equals its own JSON round trip (no undefined fields)', async () => {
    const { snapshot, state } = await realConversation();
    expect(
      Object.values(state.messages).some((message) => 'retrying' in message && message.retrying === undefined),
    ).toBe(true);
    expect(JSON.parse(JSON.stringify(snapshot))).toStrictEqual(snapshot);
    expect(snapshot.room.peers[0]).not.toBe(state.peers[0]);
    expect(snapshot.messages[0]).not.toBe(state.messages[state.messageIds[0]!]);
  });

  it('defaults title and times from the state; meta wins when given', async () => {
    const { snapshot, state } = await realConversation();
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
