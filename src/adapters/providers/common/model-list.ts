/**
 * Model lists: what the provider said about each model first, the catalog's defaults for the rest.
 */
import type { ModelOverrides } from '../../catalog.ts';
import { lookupModel } from '../../catalog.ts';
import type { ModelInfo, ProviderKind } from '../../types.ts';

/** Fills missing label, context window, prices and capabilities from the catalog; sorts by id; drops duplicates. */
export function withCatalogFacts(
  provider: ProviderKind,
  models: readonly ModelInfo[],
  overrides?: ModelOverrides,
): ModelInfo[] {
  const byId = new Map<string, ModelInfo>();
  for (const model of models) {
    if (model.id === '' || byId.has(model.id)) continue;
    const facts = lookupModel(provider, model.id, overrides);
    const info: ModelInfo = { id: model.id };
    const label = model.label ?? facts?.label;
    const contextWindow = model.contextWindow ?? facts?.contextWindow;
    const input = model.inputPricePerMTok ?? facts?.inputPricePerMTok;
    const output = model.outputPricePerMTok ?? facts?.outputPricePerMTok;
    if (label !== undefined) info.label = label;
    if (contextWindow !== undefined) info.contextWindow = contextWindow;
    if (input !== undefined) info.inputPricePerMTok = input;
    if (output !== undefined) info.outputPricePerMTok = output;
    if (facts?.capabilities !== undefined) info.capabilities = facts.capabilities;
    byId.set(model.id, info);
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
