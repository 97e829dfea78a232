// The test helpers that wait: they resolve once the condition is over, and throw, saying what was still true,
// when it never is.
import { describe, expect, it } from 'vitest';
import { createFacilitatorStore } from './facilitator.ts';
import { roundOver, scriptedAdapters, settle, testDeps } from './testing.ts';

describe('settle', () => {
  it('resolves once the condition turns false', async () => {
    let ticks = 0;
    await settle(() => ++ticks < 5);
    expect(ticks).toBe(5);
  });

  it('throws on timeout, with the description or else the condition itself', async () => {
    await expect(settle(() => true, 'the door is still open', 3)).rejects.toThrow(
      'settle: still true after 3 ticks: the door is still open',
    );
    const flags = { busy: true };
    await expect(settle(() => flags.busy, undefined, 3)).rejects.toThrow('() => flags.busy');
  });
});

describe('roundOver and holding', () => {
  it('waits for a held reply to start, and names the message still streaming when a round never ends', async () => {
    const adapters = scriptedAdapters({ 'claude-model': [{ text: 'Held here forever', hold: true }] });
    const store = createFacilitatorStore(testDeps(adapters.adapterFor));
    store.getState().send('@claude hold on');
    await adapters.holding();
    const reply = store.getState().messages[store.getState().messageIds.at(-1)!]!;
    expect(reply).toMatchObject({ status: 'streaming', text: 'Held' });
    await expect(roundOver(store, 20)).rejects.toThrow(
      new RegExp(`round active: true; streaming: ${reply.id} \\(id-claude\\) "Held"`),
    );
    adapters.releaseAll();
    await roundOver(store);
    expect(store.getState().messages[reply.id]).toMatchObject({ status: 'complete', text: 'Held here forever' });
  });
});
