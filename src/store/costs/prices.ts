/**
 * Prices of turns: the catalog's, under the user's overrides (`ModelOverrides`), for a seat's model. One place, so
 * the cost recorded for the budget and the figures shown are priced the same way.
 */
import { costOf, lookupModel } from '../../adapters/index.ts';
import type { ModelOverrides, ModelPricing } from '../../adapters/index.ts';
import type { PeerSeat } from '../types.ts';

/** The highest price accepted, in USD per million tokens (well above any list price; catches a slipped digit). */
export const MAX_PRICE_PER_MTOK = 100_000;

/** A seat's model prices in USD per million tokens (overrides over the catalog); undefined when either is unknown. */
export function pricingOf(
  seat: Pick<PeerSeat, 'provider' | 'model'>,
  overrides: ModelOverrides,
): ModelPricing | undefined {
  const facts = lookupModel(seat.provider, seat.model, overrides);
  if (facts?.inputPricePerMTok === undefined || facts.outputPricePerMTok === undefined) return undefined;
  return { inputPricePerMTok: facts.inputPricePerMTok, outputPricePerMTok: facts.outputPricePerMTok };
}

/** Cost in USD of a turn's usage at the seat's prices; undefined when the prices are unknown. */
export function turnCost(
  seat: Pick<PeerSeat, 'provider' | 'model'>,
  usage: { inputTokens: number; outputTokens: number },
  overrides: ModelOverrides,
): number | undefined {
  return costOf(usage, pricingOf(seat, overrides)) ?? undefined;
}

function priceProblem(label: string, price: number): string | null {
  if (Number.isNaN(price)) return `${label} must be a number (US dollars per million tokens).`;
  if (price < 0) return `${label} cannot be negative.`;
  if (!Number.isFinite(price) || price > MAX_PRICE_PER_MTOK)
    return `${label} must be at most $${MAX_PRICE_PER_MTOK.toLocaleString('en-US')} per million tokens.`;
  return null;
}

/** Why prices typed for a model cannot be saved, or null when they can. */
export function modelPricesProblem(model: string, prices: ModelPricing): string | null {
  if (model.trim() === '') return 'Name the model the prices are for.';
  return (
    priceProblem('The input price', prices.inputPricePerMTok) ??
    priceProblem('The output price', prices.outputPricePerMTok)
  );
}
