/**
 * Dynamic Adapter Profiles come from the adapters: each seat's provider and model give its default, what the
 * adapter observes moves it, and the store logs each change so replay draws the same.
 */
import { describe, expect, it } from 'vitest';
import { replayRoom } from '../../core/index.ts';
import { createFacilitatorStore } from '../facilitator.ts';
import { roundOver, scriptedAdapters, seat, testDeps, testRoom } from '../testing.ts';
import { projectionOf } from './log.ts';

function setup(script: Parameters<typeof scriptedAdapters>[0] = {}) {
  const room = {
    ...testRoom(),
    peers: [
      seat('claude', { provider: 'anthropic', model: 'claude-opus-4-6' }),
      seat('gpt', { provider: 'openai', model: 'gpt-4o-mini' }),
    ],
  };
  const adapters = scriptedAdapters(script);
  const store = createFacilitatorStore(testDeps(adapters.adapterFor, room));
  const p = (peerId: string) => store.getState().dapProbabilities.find((entry) => entry.peerId === peerId)!;
  return { store, p };
}

describe('adapter profiles', () => {
  it('two seats on different providers get different default profiles', async () => {
    const { store, p } = setup();
    store.getState().send('@all hello');
    await roundOver(store);
    expect(p('id-claude')).toMatchObject({ providerWeight: 0.8 });
    expect(p('id-claude').sources.providerWeight).toBe('provider-default');
    expect(p('id-gpt')).toMatchObject({ providerWeight: 1 });
    expect(p('id-claude').raw).toBeLessThan(p('id-gpt').raw);
    // A base the user sets replaces the provider default.
    store.getState().setPeerDap('id-claude', { base: 0.9 });
    expect(p('id-claude')).toMatchObject({ providerWeight: 1, base: 0.9 });
    expect(p('id-claude').sources.base).toBe('user');
  });

  it('a failing provider’s probability drops as it fails and recovers as it answers again', async () => {
    const failure = { text: 'x', error: 'server-error' as const };
    const { store, p } = setup({ 'gpt-4o-mini': [failure, failure, { text: 'Back.' }, { text: 'Fine.' }] });
    const health: number[] = [];
    for (let turn = 0; turn < 4; turn++) {
      store.getState().send('@gpt are you there?');
      await roundOver(store);
      health.push(p('id-gpt').adapterHealth);
    }
    expect(health).toEqual([0.7, 0.49, 0.7, 1]);
    expect(p('id-claude').adapterHealth).toBe(1);
    expect(store.getState().log.filter((event) => event.type === 'adapter-profile-set').length).toBeGreaterThan(2);
    expect(replayRoom(store.getState().log)).toStrictEqual(projectionOf(store.getState()));
  });
});
