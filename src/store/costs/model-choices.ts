/**
 * What the model picker and the "Model prices" table show about models: the provider's list (after "Test
 * connection") or the catalog's, each with its context window, prices (the user's over the catalog's) and
 * capabilities.
 */
import { lookupModel, MODEL_CATALOG } from '../../adapters/index.ts';
import type { ModelInfo, ModelOverrides, ModelPricing } from '../../adapters/index.ts';
import type { ProviderId } from '../../core/index.ts';
import type { PeerSeat } from '../types.ts';

export interface ModelChoice {
  id: string;
  label?: string;
  contextWindow?: number;
  inputPricePerMTok?: number;
  outputPricePerMTok?: number;
  /** Undefined when the catalog does not know the model (it can still be chosen). */
  capabilities?: { vision: boolean; reasoning: boolean };
}

function catalogOf(provider: ProviderId): readonly { id: string }[] {
  return provider === 'openai-compatible' ? [] : MODEL_CATALOG[provider];
}

/**
 * The models to offer for a provider: those it listed at its last "Test connection", else the catalog's. The
 * user's prices win over what the provider or the catalog says.
 */
export function modelChoices(
  provider: ProviderId,
  listed: readonly ModelInfo[] | undefined,
  overrides: ModelOverrides,
): ModelChoice[] {
  const models: readonly ModelInfo[] = listed ?? catalogOf(provider);
  return models.map((model) => {
    const facts = lookupModel(provider, model.id, overrides);
    const override = overrides[model.id];
    const choice: ModelChoice = { id: model.id };
    const label = override?.label ?? model.label ?? facts?.label;
    const contextWindow = override?.contextWindow ?? model.contextWindow ?? facts?.contextWindow;
    const input = override?.inputPricePerMTok ?? model.inputPricePerMTok ?? facts?.inputPricePerMTok;
    const output = override?.outputPricePerMTok ?? model.outputPricePerMTok ?? facts?.outputPricePerMTok;
    const capabilities = model.capabilities ?? facts?.capabilities;
    if (label !== undefined) choice.label = label;
    if (contextWindow !== undefined) choice.contextWindow = contextWindow;
    if (input !== undefined) choice.inputPricePerMTok = input;
    if (output !== undefined) choice.outputPricePerMTok = output;
    if (capabilities !== undefined) choice.capabilities = capabilities;
    return choice;
  });
}

/** The choices whose id or label holds every word of the query (case does not matter). */
export function filterModelChoices(choices: readonly ModelChoice[], query: string): ModelChoice[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...choices];
  return choices.filter((choice) => {
    const haystack = `${choice.id} ${choice.label ?? ''}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** One row of the "Model prices" table. */
export interface ModelPriceRow {
  model: string;
  provider: ProviderId;
  label?: string;
  /** The prices in force (the user's over the catalog's). */
  prices?: Partial<ModelPricing>;
  /** The catalog's prices, which "Reset to catalog" brings back. */
  catalog?: Partial<ModelPricing>;
  /** True when the user set this model's prices. */
  overridden: boolean;
  /** True when a seat of the room uses the model. */
  inUse: boolean;
}

function priceRow(provider: ProviderId, model: string, overrides: ModelOverrides, inUse: boolean): ModelPriceRow {
  const facts = lookupModel(provider, model, overrides);
  const catalog = lookupModel(provider, model);
  const override = overrides[model];
  const row: ModelPriceRow = {
    model,
    provider,
    overridden: override?.inputPricePerMTok !== undefined || override?.outputPricePerMTok !== undefined,
    inUse,
  };
  if (facts?.label !== undefined) row.label = facts.label;
  if (facts) row.prices = pick(facts);
  if (catalog) row.catalog = pick(catalog);
  return row;
}

function pick(facts: Partial<ModelPricing>): Partial<ModelPricing> {
  const prices: Partial<ModelPricing> = {};
  if (facts.inputPricePerMTok !== undefined) prices.inputPricePerMTok = facts.inputPricePerMTok;
  if (facts.outputPricePerMTok !== undefined) prices.outputPricePerMTok = facts.outputPricePerMTok;
  return prices;
}

const PRICED_PROVIDERS = ['openai', 'anthropic', 'google'] as const;

/**
 * The models of the room's seats (once each, in seat order), then, when `query` is not blank, the catalog's models
 * that match it, and the models the user priced that match it.
 */
export function modelPriceRows(
  peers: readonly Pick<PeerSeat, 'provider' | 'model'>[],
  overrides: ModelOverrides,
  query = '',
): ModelPriceRow[] {
  const rows = new Map<string, ModelPriceRow>();
  for (const seat of peers) {
    if (seat.provider === 'demo' || rows.has(seat.model)) continue;
    rows.set(seat.model, priceRow(seat.provider, seat.model, overrides, true));
  }
  if (query.trim() === '') return [...rows.values()];
  const found = PRICED_PROVIDERS.flatMap((provider) =>
    filterModelChoices(modelChoices(provider, undefined, overrides), query).map((choice) => ({
      provider,
      model: choice.id,
    })),
  );
  for (const { provider, model } of found)
    if (!rows.has(model)) rows.set(model, priceRow(provider, model, overrides, false));
  return [...rows.values()];
}
