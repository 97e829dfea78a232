import { describe, expect, it } from 'vitest';
import {
  ADVERSARIAL_MODE,
  COLLABORATIVE_MODE,
  createArbiter,
  currentDapProbabilities,
  reduceArbiter,
  replayArbiter,
} from '../../core/index.ts';
import type { AdapterProfile, ArbiterInput, ArbiterPeer, ArbiterState } from '../../core/index.ts';
import { createProfileTracker, providerDefault } from '../index.ts';
import type { ProfileSeat, TurnErrorReason, TurnResult } from '../index.ts';

// ---- Turn results as the adapters report them ----

const ok = (firstTokenMs = 800): TurnResult => ({
  status: 'complete',
  text: 'fine',
  stopReason: 'stop',
  usage: { inputTokens: 100, outputTokens: 20 },
  latency: { firstTokenMs, totalMs: firstTokenMs + 400 },
});

const failed = (reason: TurnErrorReason = 'overloaded'): TurnResult => ({
  status: 'error',
  text: '',
  stopReason: null,
  usage: null,
  latency: { firstTokenMs: null, totalMs: 300 },
  error: { reason, message: 'plain words' },
});

const stopped: TurnResult = {
  status: 'interrupted',
  text: 'par',
  stopReason: null,
  usage: null,
  latency: { firstTokenMs: 50_000, totalMs: 60_000 },
  error: { reason: 'aborted', message: 'Stopped before the reply was finished.' },
};

// ---- Seats ----

const opus: ProfileSeat = { provider: 'anthropic', model: 'claude-opus-4-6' };
const mini: ProfileSeat = { provider: 'openai', model: 'gpt-4o-mini' };
const geminiPro: ProfileSeat = { provider: 'google', model: 'gemini-2.5-pro' };
const local: ProfileSeat = {
  provider: 'openai-compatible',
  model: 'llama3.1:8b',
  baseURL: 'http://localhost:11434/v1',
};

describe('provider defaults (from the catalog)', () => {
  it('a costlier model gets a lower weight than a cheap one', () => {
    expect(providerDefault(opus)).toMatchObject({ weight: 0.8, source: 'provider-default' });
    expect(providerDefault(mini)).toMatchObject({ weight: 1, source: 'provider-default' });
  });

  it('a model that reasons before it answers is weighed down for speed as well as price', () => {
    expect(providerDefault(geminiPro)).toMatchObject({ weight: 0.77, speedClass: 'slow' });
    expect(providerDefault({ provider: 'google', model: 'gemini-2.5-flash' })).toMatchObject({ weight: 1 });
    expect(providerDefault({ provider: 'openai', model: 'o1-pro' }).weight).toBe(0.6);
  });

  it('local and other OpenAI-compatible servers, the demo and unknown models default to 1', () => {
    expect(providerDefault(local).weight).toBe(1);
    // Even a router serving a costly model by its catalog name: its price is not the list price.
    expect(providerDefault({ provider: 'openai-compatible', model: 'anthropic/claude-opus-4.1' }).weight).toBe(1);
    expect(providerDefault({ provider: 'demo', model: 'demo-analyst' }).weight).toBe(1);
    expect(providerDefault({ provider: 'anthropic', model: 'claude-opus-9' }).weight).toBe(1);
  });

  it("a seat whose base the user set keeps the user's value: weight 1, source user", () => {
    expect(providerDefault({ ...opus, dap: { base: 0.6 } })).toMatchObject({ weight: 1, source: 'user' });
    expect(providerDefault({ ...opus, dap: { pMin: 0.2 } })).toMatchObject({ weight: 0.8, source: 'provider-default' });
  });

  it("the user's price for a model wins over the catalog's", () => {
    expect(providerDefault(mini, { 'gpt-4o-mini': { inputPricePerMTok: 20, outputPricePerMTok: 80 } }).weight).toBe(
      0.7,
    );
  });

  it('explains itself in one line', () => {
    expect(providerDefault(opus).reason).toBe('Claude Opus 4.6: high list price ($10 per million tokens, blended).');
  });
});

describe('the profile tracker', () => {
  it('starts from the provider default with full health and latency', () => {
    expect(createProfileTracker().profileFor(opus)).toEqual({
      weight: 0.8,
      weightSource: 'provider-default',
      health: 1,
      latency: 1,
    });
  });

  it('lowers health with each provider failure and restores it as calls succeed again', () => {
    const tracker = createProfileTracker();
    const healths = [tracker.profileFor(opus).health];
    for (const result of [failed(), failed('rate-limited'), failed('network'), ok(), ok(), ok()]) {
      tracker.observe(opus, result);
      healths.push(tracker.profileFor(opus).health);
    }
    expect(healths).toEqual([1, 0.7, 0.49, 0.34, 0.49, 0.7, 1]);
  });

  it('counts at most four failures, so a long outage recovers in four good turns', () => {
    const tracker = createProfileTracker();
    for (let i = 0; i < 20; i++) tracker.observe(opus, failed());
    expect(tracker.profileFor(opus).health).toBe(0.24);
    for (let i = 0; i < 4; i++) tracker.observe(opus, ok());
    expect(tracker.profileFor(opus).health).toBe(1);
  });

  it('does not blame the provider for our own request or for a stop', () => {
    const tracker = createProfileTracker();
    for (const result of [failed('context-too-long'), failed('bad-request'), stopped]) tracker.observe(opus, result);
    expect(tracker.profileFor(opus)).toMatchObject({ health: 1, latency: 1 });
  });

  it('lowers latency slightly when the first word comes later than the reference, never below 0.6', () => {
    const tracker = createProfileTracker();
    tracker.observe(local, ok(8_000)); // twice the 4 s reference
    expect(tracker.profileFor(local).latency).toBe(0.85);
    for (let i = 0; i < 30; i++) tracker.observe(local, ok(120_000));
    expect(tracker.profileFor(local).latency).toBe(0.6);
    for (let i = 0; i < 30; i++) tracker.observe(local, ok(1_000));
    expect(tracker.profileFor(local).latency).toBe(1);
  });

  it('measures a model that reasons first against its own, longer reference', () => {
    const tracker = createProfileTracker();
    tracker.observe(geminiPro, ok(15_000));
    tracker.observe(local, ok(15_000));
    expect(tracker.profileFor(geminiPro).latency).toBe(1);
    expect(tracker.profileFor(local).latency).toBeLessThan(1);
  });

  it('keeps observations per provider, endpoint and model; two seats on the same model share them', () => {
    const tracker = createProfileTracker();
    tracker.observe(opus, failed());
    expect(tracker.profileFor({ ...opus, dap: { base: 0.5 } }).health).toBe(0.7);
    expect(tracker.profileFor(mini).health).toBe(1);
    expect(tracker.profileFor({ ...opus, baseURL: 'https://proxy.example/' }).health).toBe(1);
  });

  it('is deterministic: the same observations give the same profile, whatever the time', () => {
    const results = [ok(3_000), failed(), ok(9_000), failed('timeout'), ok(2_000)];
    const run = () => {
      const tracker = createProfileTracker();
      for (const result of results) tracker.observe(local, result);
      return tracker.profileFor(local);
    };
    expect(run()).toEqual(run());
  });

  it('forgets everything on reset', () => {
    const tracker = createProfileTracker();
    tracker.observe(opus, failed());
    tracker.reset();
    expect(tracker.observationsFor(opus)).toEqual({ failures: 0, firstTokenMs: null });
  });
});

// ---- Through the arbiter, as the store will drive it ----

interface Seat extends ProfileSeat {
  id: string;
  dap: ArbiterPeer['dap'];
}

const arbiterPeers = (seats: readonly Seat[]): ArbiterPeer[] =>
  seats.map(({ id, dap }) => ({ id, enabled: true, dap }));

function startArbiter(seats: readonly Seat[], mode = ADVERSARIAL_MODE): ArbiterState {
  return createArbiter({ seed: 42, humanId: 'you', peers: arbiterPeers(seats), mode, at: 0 }).state;
}

/** What the store does after a turn: observe it, then hand the arbiter every profile that changed. */
function profileInputs(tracker: ReturnType<typeof createProfileTracker>, seats: readonly Seat[], at: number) {
  return seats.map((seat): ArbiterInput => ({
    type: 'set-adapter-profile',
    at,
    peerId: seat.id,
    profile: tracker.profileFor(seat),
  }));
}

const pOf = (state: ArbiterState, peerId: string) =>
  currentDapProbabilities(state).find((entry) => entry.peerId === peerId);

describe('adapter profiles in the arbiter', () => {
  it('two seats on different providers get different default profiles and so different p', () => {
    const seats: Seat[] = [
      { id: 'claude', ...opus, dap: {} },
      { id: 'gpt', ...mini, dap: {} },
    ];
    const tracker = createProfileTracker();
    const state = replayArbiter(startArbiter(seats), profileInputs(tracker, seats, 1)).state;
    expect(pOf(state, 'claude')).toMatchObject({ p: 0.8, providerWeight: 0.8 });
    expect(pOf(state, 'claude')?.sources.providerWeight).toBe('provider-default');
    expect(pOf(state, 'gpt')).toMatchObject({ p: 1, providerWeight: 1 });
  });

  it('Gemini Pro against a local model, in the quiet Collaborative preset (base 0.45)', () => {
    const seats: Seat[] = [
      { id: 'gemini', ...geminiPro, dap: {} },
      { id: 'llama', ...local, dap: {} },
    ];
    const state = replayArbiter(
      startArbiter(seats, COLLABORATIVE_MODE),
      profileInputs(createProfileTracker(), seats, 1),
    ).state;
    expect(pOf(state, 'gemini')?.p).toBeCloseTo(0.45 * 0.77);
    expect(pOf(state, 'llama')?.p).toBeCloseTo(0.45);
  });

  it('a seat whose base the user set keeps it, on a costly provider too', () => {
    const seats: Seat[] = [{ id: 'claude', ...opus, dap: { base: 0.9 } }];
    const state = replayArbiter(startArbiter(seats), profileInputs(createProfileTracker(), seats, 1)).state;
    expect(pOf(state, 'claude')).toMatchObject({ base: 0.9, providerWeight: 1, p: 0.9 });
    expect(pOf(state, 'claude')?.sources).toMatchObject({ base: 'user', providerWeight: 'user' });
  });

  it("a failing provider's p drops as failures are observed and recovers as successes are", () => {
    const seats: Seat[] = [
      { id: 'claude', ...opus, dap: {} },
      { id: 'gpt', ...mini, dap: {} },
    ];
    const tracker = createProfileTracker();
    let state = replayArbiter(startArbiter(seats), profileInputs(tracker, seats, 1)).state;
    const history = [pOf(state, 'claude')?.p];
    const observe = (result: TurnResult, at: number) => {
      tracker.observe(seats[0]!, result);
      state = replayArbiter(state, profileInputs(tracker, seats, at)).state;
      history.push(pOf(state, 'claude')?.p);
    };
    observe(failed('overloaded'), 2);
    observe(failed('server-error'), 3);
    observe(ok(), 4);
    observe(ok(), 5);
    const [healthy, oneFailure, twoFailures, oneBack, recovered] = history as number[];
    expect(oneFailure).toBeLessThan(healthy!);
    expect(twoFailures).toBeLessThan(oneFailure!);
    expect(oneBack).toBeGreaterThan(twoFailures!);
    expect(recovered).toBe(healthy);
    expect(twoFailures).toBeCloseTo(0.8 * 0.49);
    // The other provider is untouched.
    expect(pOf(state, 'gpt')?.p).toBe(1);
  });

  it('replaying the same inputs gives the same draws', () => {
    const seats: Seat[] = [
      { id: 'claude', ...opus, dap: {} },
      { id: 'gpt', ...mini, dap: {} },
      { id: 'gemini', ...geminiPro, dap: {} },
    ];
    const tracker = createProfileTracker();
    tracker.observe(seats[2]!, failed());
    tracker.observe(seats[2]!, ok(60_000));
    const inputs: ArbiterInput[] = [];
    for (let round = 0; round < 6; round++) {
      inputs.push(...profileInputs(tracker, seats, round * 10));
      inputs.push({
        type: 'human-message',
        at: round * 10 + 1,
        messageId: `m${round}`,
        mentions: { peerIds: [], all: false },
      });
      inputs.push({ type: 'stop-all', at: round * 10 + 2 });
    }
    const draws = (state: ArbiterState) =>
      replayArbiter(state, inputs).events.flatMap((event) => (event.type === 'dap-sampled' ? [event] : []));
    const first = draws(startArbiter(seats));
    expect(first).toHaveLength(6);
    expect(draws(startArbiter(seats))).toEqual(first);
    const gemini = first[0]?.probabilities.find((entry) => entry.peerId === 'gemini');
    // One failure then one success: health back to 1. A 60 s first word is three times the 20 s reference of a
    // model that reasons first: 1 − 0.15 × log2(3) ≈ 0.76.
    expect(gemini).toMatchObject({ providerWeight: 0.77, adapterHealth: 1, latency: 0.76 });
  });

  it('an invalid profile is rejected and changes nothing', () => {
    const seats: Seat[] = [{ id: 'claude', ...opus, dap: {} }];
    const state = startArbiter(seats);
    const bad: AdapterProfile = { weight: 0, weightSource: 'provider-default', health: 1, latency: 1 };
    const step = reduceArbiter(state, { type: 'set-adapter-profile', at: 1, peerId: 'claude', profile: bad });
    expect(step.state).toEqual(state);
    expect(step.effects).toMatchObject([{ type: 'input-rejected', input: 'set-adapter-profile' }]);
  });
});
