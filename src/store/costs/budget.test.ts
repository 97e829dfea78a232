import { describe, expect, it } from 'vitest';
import { createFacilitatorStore } from '../facilitator.ts';
import { roundOver, scriptedAdapters, testDeps } from '../testing.ts';
import type { RoomStore } from '../types.ts';

/** The scripted adapter reports 10 input tokens and one output token per word. */
function setup() {
  const adapters = scriptedAdapters({
    'claude-model': [{ text: 'One two three.' }],
    'gpt-model': [{ text: 'Four five.' }],
    'gemini-model': [{ text: 'Six.' }],
  });
  const store = createFacilitatorStore(testDeps(adapters.adapterFor));
  return { store, adapters, done: () => roundOver(store) };
}

const peerCosts = (state: RoomStore) =>
  Object.values(state.messages)
    .filter((message) => message.kind === 'peer')
    .map((message) => message.costUsd);

describe('the cost budget and the user’s prices', () => {
  it('prices each turn at the user’s prices, so a round stops when they spend its cost budget', async () => {
    const { store, done } = setup();
    // $1 for claude's 10 input tokens: more than the round's budget of $0.50.
    store.getState().setModelPrices('claude-model', { inputPricePerMTok: 100_000, outputPricePerMTok: 0 });
    expect(store.getState().setLimits({ costBudgetUsd: 0.5 })).toEqual({ ok: true });
    store.getState().send('@claude @gpt @gemini go');
    await done();
    expect(peerCosts(store.getState())).toEqual([1]);
    expect(store.getState().lastRoundEnd).toBe('token-budget');
  });

  it('records the cost at the prices in force when the turn finished', async () => {
    const { store, done } = setup();
    store.getState().setModelPrices('gpt-model', { inputPricePerMTok: 2, outputPricePerMTok: 8 });
    store.getState().send('@gpt go');
    await done();
    // 10 × $2 + 2 × $8 per million tokens.
    expect(peerCosts(store.getState())).toEqual([(10 * 2 + 2 * 8) / 1_000_000]);
    const finished = store.getState().log.filter((event) => event.type === 'turn-finished');
    expect(finished.map((event) => event.type === 'turn-finished' && event.result.costUsd)).toEqual([
      (10 * 2 + 2 * 8) / 1_000_000,
    ]);
  });

  it('records no cost for a model nobody priced, and the round goes on', async () => {
    const { store, done } = setup();
    expect(store.getState().setLimits({ costBudgetUsd: 0.5 })).toEqual({ ok: true });
    store.getState().send('@claude @gpt go');
    await done();
    expect(peerCosts(store.getState())).toEqual([undefined, undefined]);
    expect(store.getState().lastRoundEnd).toBe('queue-empty');
  });
});

describe('model prices', () => {
  it('refuses a price that is negative or not a number, with why, and changes nothing', () => {
    const { store } = setup();
    const before = store.getState().modelOverrides;
    expect(store.getState().setModelPrices('gpt-4o', { inputPricePerMTok: -1, outputPricePerMTok: 10 })).toEqual({
      ok: false,
      message: 'The input price cannot be negative.',
    });
    expect(store.getState().setModelPrices('gpt-4o', { inputPricePerMTok: 1, outputPricePerMTok: Number.NaN })).toEqual(
      { ok: false, message: 'The output price must be a number (US dollars per million tokens).' },
    );
    expect(
      store.getState().setModelPrices('gpt-4o', { inputPricePerMTok: Infinity, outputPricePerMTok: 1 }),
    ).toMatchObject({ ok: false, message: 'The input price must be at most $100,000 per million tokens.' });
    expect(store.getState().setModelPrices(' ', { inputPricePerMTok: 1, outputPricePerMTok: 1 })).toMatchObject({
      ok: false,
      message: 'Name the model the prices are for.',
    });
    expect(store.getState().modelOverrides).toBe(before);
  });

  it('keeps a model’s prices until reset, then the catalog’s apply again', () => {
    const { store } = setup();
    expect(store.getState().setModelPrices('gpt-4o', { inputPricePerMTok: 0, outputPricePerMTok: 3 })).toEqual({
      ok: true,
    });
    expect(store.getState().modelOverrides['gpt-4o']).toEqual({ inputPricePerMTok: 0, outputPricePerMTok: 3 });
    store.getState().resetModelPrices('gpt-4o');
    expect(store.getState().modelOverrides['gpt-4o']).toBeUndefined();
  });

  it('moves DAP’s provider default with the price: a costlier model speaks a little less often', () => {
    const { store } = setup();
    const weightOf = () => store.getState().arbiter.adapterProfiles?.['id-gpt']?.weight ?? 1;
    expect(weightOf()).toBe(1);
    store.getState().setModelPrices('gpt-model', { inputPricePerMTok: 100, outputPricePerMTok: 100 });
    expect(weightOf()).toBe(0.7);
    store.getState().resetModelPrices('gpt-model');
    expect(weightOf()).toBe(1);
  });

  it('estimates a streaming turn’s input from the request built, and drops the estimate when it finishes', async () => {
    const adapters = scriptedAdapters({ 'gpt-model': [{ text: 'Hello there friend.', hold: true }] });
    const store = createFacilitatorStore(testDeps(adapters.adapterFor));
    store.getState().send('@gpt go');
    await adapters.holding();
    const [streaming] = Object.entries(store.getState().liveInputTokens);
    expect(streaming?.[1]).toBe(store.getState().contextFills['id-gpt']?.usedTokens);
    expect(streaming?.[1]).toBeGreaterThan(0);
    adapters.releaseAll();
    await roundOver(store);
    expect(store.getState().liveInputTokens).toEqual({});
  });
});
