import { describe, expect, it } from 'vitest';
import type { AdapterProfile } from '../dap/adapter-profile.ts';
import { ADVERSARIAL_MODE } from '../modes/builtin.ts';
import { adapterProfileOf, currentDapProbabilities } from './policy.ts';
import { createArbiter, reduceArbiter, replayArbiter } from './reduce.ts';
import type { ArbiterInput, ArbiterPeer, ArbiterState } from './types.ts';

// Adversarial runs the `balanced` preset: base 1, pMin 0.15, pMax 1, so products are easy to read.
const start = (peers: ArbiterPeer[] = [seat('a'), seat('b')], seed = 7): ArbiterState =>
  createArbiter({ seed, humanId: 'human', peers, mode: ADVERSARIAL_MODE, at: 0 }).state;

function seat(id: string, dap: ArbiterPeer['dap'] = {}): ArbiterPeer {
  return { id, enabled: true, dap };
}

const profile = (fields: Partial<AdapterProfile> = {}): AdapterProfile => ({
  weight: 1,
  weightSource: 'provider-default',
  health: 1,
  latency: 1,
  ...fields,
});

const setProfile = (peerId: string, fields: Partial<AdapterProfile>, at = 1): ArbiterInput => ({
  type: 'set-adapter-profile',
  at,
  peerId,
  profile: profile(fields),
});

const pOf = (state: ArbiterState, peerId: string) =>
  currentDapProbabilities(state).find((entry) => entry.peerId === peerId);

describe('set-adapter-profile', () => {
  it('multiplies the profile into p_i and says where each factor came from', () => {
    const state = reduceArbiter(start(), setProfile('a', { weight: 0.8, health: 0.7, latency: 0.85 })).state;
    const a = pOf(state, 'a');
    expect(a).toMatchObject({ base: 1, providerWeight: 0.8, adapterHealth: 0.7, latency: 0.85, recency: 1 });
    expect(a?.p).toBeCloseTo(0.8 * 0.7 * 0.85);
    expect(a?.sources).toEqual({
      base: 'mode',
      providerWeight: 'provider-default',
      recency: 'turn-history',
      fairness: 'turn-history',
      health: 'turn-history',
      adapterHealth: 'adapter-observed',
      latency: 'adapter-observed',
    });
    // A seat the adapters said nothing about: every adapter factor 1, marked as not reported.
    expect(pOf(state, 'b')).toMatchObject({ p: 1, providerWeight: 1, adapterHealth: 1, latency: 1 });
    expect(pOf(state, 'b')?.sources).toMatchObject({
      providerWeight: 'not-reported',
      adapterHealth: 'not-reported',
      latency: 'not-reported',
    });
  });

  it('keeps only the latest profile of a seat, records no event and starts nothing', () => {
    const first = reduceArbiter(start(), setProfile('a', { weight: 0.5 }));
    const second = reduceArbiter(first.state, setProfile('a', { weight: 0.9, health: 0.49 }));
    expect(adapterProfileOf(second.state, 'a')).toEqual(profile({ weight: 0.9, health: 0.49 }));
    expect([...first.events, ...second.events, ...first.effects, ...second.effects]).toEqual([]);
  });

  it("a seat whose base the user set keeps the user's value: the provider weight does not apply", () => {
    const state = reduceArbiter(start([seat('a', { base: 0.6 }), seat('b')]), setProfile('a', { weight: 0.7 })).state;
    const a = pOf(state, 'a');
    expect(a).toMatchObject({ base: 0.6, providerWeight: 1, p: 0.6 });
    expect(a?.sources).toMatchObject({ base: 'user', providerWeight: 'user' });
    // Observed health and latency still apply: they are not defaults.
    const failing = reduceArbiter(state, setProfile('a', { health: 0.5 })).state;
    expect(pOf(failing, 'a')?.p).toBeCloseTo(0.3);
  });

  it('the weight gives way as soon as the user sets the base, without waiting for a new profile', () => {
    const weighted = reduceArbiter(start(), setProfile('a', { weight: 0.7 })).state;
    expect(pOf(weighted, 'a')?.p).toBeCloseTo(0.7);
    const userBase = reduceArbiter(weighted, { type: 'set-dap', at: 2, peerId: 'a', dap: { base: 0.9 } }).state;
    expect(pOf(userBase, 'a')).toMatchObject({ p: 0.9, providerWeight: 1 });
  });

  it.each<[string, unknown, string]>([
    ['weight 0 (would silence the peer)', profile({ weight: 0 }), 'weight must be a number in (0, 1]'],
    ['health above 1', profile({ health: 1.5 }), 'health must be a number in (0, 1]'],
    ['latency NaN', profile({ latency: Number.NaN }), 'latency must be a number in (0, 1]'],
    ['a negative factor', profile({ latency: -0.2 }), 'latency must be a number in (0, 1]'],
    ['a weight given as text', { ...profile(), weight: '0.8' }, 'weight must be a number in (0, 1]'],
    ['an unknown weight source', { ...profile(), weightSource: 'catalog' }, 'weightSource must be'],
    ['a user weight other than 1', profile({ weightSource: 'user', weight: 0.8 }), 'weight must be 1 when'],
    ['an unknown field', { ...profile(), speed: 0.5 }, 'unknown fields: speed'],
    ['no profile at all', null, 'must be an object'],
  ])('refuses %s, with a message, state unchanged', (_, bad, message) => {
    const before = reduceArbiter(start(), setProfile('a', { weight: 0.9 })).state;
    const step = reduceArbiter(before, {
      type: 'set-adapter-profile',
      at: 5,
      peerId: 'a',
      profile: bad as AdapterProfile,
    });
    expect(step.state).toEqual(before);
    expect(step.events).toEqual([]);
    expect(step.effects).toEqual([
      { type: 'input-rejected', input: 'set-adapter-profile', message: expect.stringContaining(message) },
    ]);
  });

  it('refuses a profile for a seat that is not at the table', () => {
    const before = start();
    const step = reduceArbiter(before, setProfile('zed', {}));
    expect(step.state).toEqual(before);
    expect(step.effects).toEqual([
      { type: 'input-rejected', input: 'set-adapter-profile', message: 'Unknown peer zed' },
    ]);
  });

  it('is ignored once the session has ended (a late report is not a request)', () => {
    const ended = reduceArbiter(start(), { type: 'end-session', at: 1 }).state;
    const step = reduceArbiter(ended, setProfile('a', { weight: 0.5 }));
    expect(step.state).toEqual(ended);
    expect(step.effects).toEqual([]);
  });

  it('forgets the profile of a seat that leaves the table', () => {
    const state = reduceArbiter(start(), setProfile('b', { health: 0.5 })).state;
    const after = reduceArbiter(state, { type: 'set-peers', at: 2, peers: [seat('a')] }).state;
    expect(adapterProfileOf(after, 'b')).toBeUndefined();
  });

  it('a state stored before profiles existed (no adapterProfiles field) still samples and takes profiles', () => {
    const old: ArbiterState = start();
    delete old.adapterProfiles;
    expect(currentDapProbabilities(old).map((entry) => entry.p)).toEqual([1, 1]);
    const sampled = reduceArbiter(old, {
      type: 'human-message',
      at: 1,
      messageId: 'm1',
      mentions: { peerIds: [], all: false },
    });
    expect(sampled.events.some((event) => event.type === 'dap-sampled')).toBe(true);
    const withProfile = reduceArbiter(old, setProfile('a', { weight: 0.8 })).state;
    expect(pOf(withProfile, 'a')?.p).toBeCloseTo(0.8);
  });
});

describe('sampling with adapter profiles: seeded, recorded, replayable', () => {
  const message = (at: number, messageId: string): ArbiterInput => ({
    type: 'human-message',
    at,
    messageId,
    mentions: { peerIds: [], all: false },
  });
  const inputs: ArbiterInput[] = [
    setProfile('a', { weight: 0.7, health: 0.49, latency: 0.85 }, 1),
    setProfile('b', { weight: 0.9 }, 1),
    message(2, 'm1'),
    { type: 'stop-all', at: 3 },
    setProfile('a', { weight: 0.7, health: 0.7, latency: 0.85 }, 4),
    message(5, 'm2'),
  ];

  it('the dap-sampled event carries every factor and its source', () => {
    const { events } = replayArbiter(start(), inputs);
    const sampled = events.filter((event) => event.type === 'dap-sampled');
    expect(sampled).toHaveLength(2);
    const a = sampled[0]?.probabilities.find((entry) => entry.peerId === 'a');
    expect(a).toMatchObject({ providerWeight: 0.7, adapterHealth: 0.49, latency: 0.85 });
    expect(a?.p).toBeCloseTo(0.7 * 0.49 * 0.85);
    expect(a?.sources?.adapterHealth).toBe('adapter-observed');
    expect(sampled[1]?.probabilities.find((entry) => entry.peerId === 'a')?.adapterHealth).toBe(0.7);
  });

  it('replaying the same inputs from the same seed gives the same draws, effects and state', () => {
    const first = replayArbiter(start(), inputs);
    const again = replayArbiter(start(), inputs);
    expect(again).toEqual(first);
    const draws = (run: typeof first) =>
      run.events.flatMap((event) => (event.type === 'dap-sampled' ? [event.draws] : []));
    expect(draws(again)).toEqual(draws(first));
    expect(draws(first)).toHaveLength(2);
  });

  it('the profile changes who is likely to be drawn, not the generator: the uniform numbers stay the same', () => {
    const withProfiles = replayArbiter(start(), inputs);
    const without = replayArbiter(
      start(),
      inputs.filter((input) => input.type !== 'set-adapter-profile'),
    );
    const us = (run: typeof without) =>
      run.events.flatMap((event) => (event.type === 'dap-sampled' ? event.draws.map((draw) => draw.u) : []));
    expect(us(withProfiles)[0]).toBe(us(without)[0]);
    expect(us(withProfiles)[1]).toBe(us(without)[1]);
  });
});
