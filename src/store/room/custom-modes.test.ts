import { describe, expect, it } from 'vitest';
import { replayRoom } from '../../core/index.ts';
import { createFacilitatorStore } from '../facilitator.ts';
import { roundOver, scriptedAdapters, testDeps } from '../testing.ts';
import { projectionOf } from './log.ts';

function setup() {
  const adapters = scriptedAdapters({});
  const store = createFacilitatorStore(testDeps(adapters.adapterFor));
  return { store, adapters };
}

const devil = { name: 'Devil’s advocate', promptBlock: 'Argue the other side, always.', dapPreset: 'lively' } as const;

describe('custom modes', () => {
  it('a mode the human defines is saved with the room, switched to, and reaches every peer’s prompt', async () => {
    const { store, adapters } = setup();
    expect(store.getState().defineMode({ ...devil, tagline: 'Try me.' })).toEqual({ ok: true });
    const state = store.getState();
    expect(state.modeId).toBe('devil-s-advocate');
    expect(state.customModes).toEqual([
      expect.objectContaining({ id: 'devil-s-advocate', name: 'Devil’s advocate', tagline: 'Try me.', builtIn: false }),
    ]);
    // The mode's DAP preset is in force for every seat.
    expect(state.dapParams['id-claude']?.pMin).toBe(0.3);
    state.send('@claude go');
    await roundOver(store);
    expect(adapters.calls[0]!.request.system).toContain('Argue the other side, always.');
    expect(replayRoom(store.getState().log)).toStrictEqual(projectionOf(store.getState()));
  });

  it('a room file carries the mode, and importing it brings the mode back in force', async () => {
    const { store } = setup();
    store.getState().defineMode({ ...devil, tagline: 'Try me.' });
    const defined = store.getState().customModes;
    const file = store.getState().exportRoom();
    expect(JSON.parse(file)).toMatchObject({ mode: 'devil-s-advocate', modes: [{ id: 'devil-s-advocate' }] });
    const other = setup().store;
    expect(await other.getState().importRoom(file)).toEqual({ ok: true });
    expect(other.getState().customModes).toStrictEqual(defined);
    expect(other.getState().modeId).toBe('devil-s-advocate');
    // Imported seats get new ids; every one of them runs on the mode's preset.
    for (const peer of other.getState().peers) expect(other.getState().dapParams[peer.id]?.pMin).toBe(0.3);
  });

  it('refuses an incomplete mode with what is missing, and changes nothing', () => {
    const { store } = setup();
    const before = store.getState();
    expect(store.getState().defineMode({ ...devil, promptBlock: '  ' })).toEqual({
      ok: false,
      message: 'Prompt: must not be empty',
    });
    expect(store.getState().customModes).toBe(before.customModes);
    expect(store.getState().log).toBe(before.log);
  });

  it('a second mode of the same name gets its own id; redefining one keeps it in force', () => {
    const { store } = setup();
    store.getState().defineMode(devil);
    store.getState().defineMode(devil);
    expect(store.getState().customModes.map((mode) => mode.id)).toEqual(['devil-s-advocate', 'devil-s-advocate-2']);
    expect(store.getState().modeId).toBe('devil-s-advocate-2');
    expect(store.getState().defineMode({ ...devil, id: 'devil-s-advocate-2', dapPreset: 'quiet' })).toEqual({
      ok: true,
    });
    expect(store.getState().modeId).toBe('devil-s-advocate-2');
    expect(store.getState().customModes[1]?.defaults.dapPreset).toBe('quiet');
    expect(store.getState().dapParams['id-claude']?.pMax).toBe(0.85);
  });
});
