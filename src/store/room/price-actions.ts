/**
 * The user's model prices: overrides of the catalog's, per model id. They price every turn from then on (and so
 * the cost budget), the figures shown, and DAP's provider default; `persistence/settings.ts` keeps them.
 */
import type { ModelOverride } from '../../adapters/index.ts';
import type { RoomStore } from '../types.ts';
import { modelPricesProblem } from '../costs/prices.ts';
import type { RoomContext } from './context.ts';

type PriceActions = Pick<RoomStore, 'setModelPrices' | 'resetModelPrices'>;

export function priceActions({
  get,
  set,
  syncProfiles,
}: Pick<RoomContext, 'get' | 'set' | 'syncProfiles'>): PriceActions {
  return {
    setModelPrices(model, prices) {
      const problem = modelPricesProblem(model, prices);
      if (problem) return { ok: false, message: problem };
      const id = model.trim();
      const current: ModelOverride = get().modelOverrides[id] ?? {};
      set({ modelOverrides: { ...get().modelOverrides, [id]: { ...current, ...prices } } });
      // A costlier model speaks a little less often (DAP's provider default follows its price).
      syncProfiles();
      return { ok: true };
    },
    resetModelPrices(model) {
      const current = get().modelOverrides[model];
      if (current === undefined) return;
      const { inputPricePerMTok: _input, outputPricePerMTok: _output, ...rest } = current;
      const overrides = { ...get().modelOverrides };
      if (Object.keys(rest).length > 0) overrides[model] = rest;
      else delete overrides[model];
      set({ modelOverrides: overrides });
      syncProfiles();
    },
  };
}
