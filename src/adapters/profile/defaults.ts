/**
 * The provider default of a seat's Dynamic Adapter Profile (profile §6, "where the factors come from"): how willing
 * a provider and model are to speak before anything has been observed. A slower or costlier model speaks a little
 * less often; nothing here can silence a peer (the weight stays in (0, 1], and DAP's pMin still applies).
 *
 *   weight = price weight (from the catalog's list price) × speed weight (from the catalog's speed class)
 *
 * Both come from the two tables below, which are meant to be read and edited like the catalog itself. A seat whose
 * own DAP `base` the user set keeps the user's value: the provider default then does not apply (weight 1, source
 * `user`). OpenAI-compatible servers (local models, routers whose price is not the list price) and the demo peers
 * are weight 1, and so is a model the catalog does not know: there is nothing to go on.
 */
import type { AdapterWeightSource, DapOverrides } from '../../core/index.ts';
import { lookupModel } from '../catalog.ts';
import type { ModelOverrides, SpeedClass } from '../catalog.ts';
import type { ProviderKind } from '../types.ts';

/** What a profile needs to know about a seat: which provider and model answer, and the user's own DAP base. */
export interface ProfileSeat {
  provider: ProviderKind;
  model: string;
  /** Another endpoint of the same wire format: a different server is tracked apart. */
  baseURL?: string;
  /** The seat's own DAP settings; a `base` set here is the user's and wins over the provider default. */
  dap?: DapOverrides;
}

/**
 * Price tiers by the blended list price of a typical turn, in USD per million tokens: (3 × input + output) / 4.
 * A PeerChat turn reads the whole shared transcript and writes a short reply, so input counts three times.
 * The first tier whose ceiling the blended price does not exceed gives the weight.
 */
export const PRICE_WEIGHTS: readonly { upToUsdPerMTok: number; weight: number; label: string }[] = Object.freeze([
  { upToUsdPerMTok: 2, weight: 1, label: 'low list price' },
  { upToUsdPerMTok: 8, weight: 0.9, label: 'mid list price' },
  { upToUsdPerMTok: 25, weight: 0.8, label: 'high list price' },
  { upToUsdPerMTok: Number.POSITIVE_INFINITY, weight: 0.7, label: 'very high list price' },
]);

/** Weights by speed class: a model that reasons before its first word keeps the room waiting. */
export const SPEED_WEIGHTS: Readonly<Record<SpeedClass, number>> = Object.freeze({ standard: 1, slow: 0.85 });

/** Providers whose seats always default to weight 1 (see the header). */
const NEUTRAL_PROVIDERS: readonly ProviderKind[] = ['openai-compatible', 'demo'];

/** A seat's provider default, with the facts it came from (for tests, tooltips and the docs). */
export interface ProviderDefault {
  /** In (0, 1], rounded to two decimals; 1 when the user set the base or nothing is known. */
  weight: number;
  source: AdapterWeightSource;
  /** The blended list price used, when the catalog (or the user's price override) gave one. */
  blendedUsdPerMTok?: number;
  speedClass?: SpeedClass;
  /** One plain-language line: why this weight. */
  reason: string;
}

/** The blended price of a typical turn (see `PRICE_WEIGHTS`). */
export function blendedPrice(inputPricePerMTok: number, outputPricePerMTok: number): number {
  return (3 * inputPricePerMTok + outputPricePerMTok) / 4;
}

/** The weight of the first price tier that covers `blendedUsdPerMTok`. */
export function priceWeight(blendedUsdPerMTok: number): { weight: number; label: string } {
  const tier = PRICE_WEIGHTS.find((candidate) => blendedUsdPerMTok <= candidate.upToUsdPerMTok);
  return tier ?? { weight: 1, label: 'unknown list price' };
}

/**
 * The provider default for a seat: the catalog's list price and speed class through the two tables, unless the
 * user set the seat's base. `overrides` are the user's model facts (prices), which win over the catalog.
 */
export function providerDefault(seat: ProfileSeat, overrides?: ModelOverrides): ProviderDefault {
  if (seat.dap?.base !== undefined)
    return { weight: 1, source: 'user', reason: 'Your own base for this seat is used as it is.' };
  if (NEUTRAL_PROVIDERS.includes(seat.provider))
    return {
      weight: 1,
      source: 'provider-default',
      reason:
        seat.provider === 'demo'
          ? 'Simulated peers cost nothing: no reduction.'
          : 'A self-hosted or routed model has no list price here: no reduction.',
    };
  const facts = lookupModel(seat.provider, seat.model, overrides);
  if (facts === undefined)
    return {
      weight: 1,
      source: 'provider-default',
      reason: `${seat.model} is not in the model catalog: no reduction.`,
    };
  const speedClass = facts.speedClass ?? 'standard';
  const speed = SPEED_WEIGHTS[speedClass];
  const name = facts.label ?? seat.model;
  const { inputPricePerMTok: input, outputPricePerMTok: output } = facts;
  if (input === undefined || output === undefined) {
    const reason = speedClass === 'slow' ? `${name} reasons before it answers.` : `${name}: no reduction.`;
    return { weight: round2(speed), source: 'provider-default', speedClass, reason };
  }
  const blended = blendedPrice(input, output);
  const price = priceWeight(blended);
  const parts = [`${price.label} ($${formatPrice(blended)} per million tokens, blended)`];
  if (speedClass === 'slow') parts.push('reasons before it answers');
  return {
    weight: round2(price.weight * speed),
    source: 'provider-default',
    blendedUsdPerMTok: blended,
    speedClass,
    reason: `${name}: ${parts.join('; ')}.`,
  };
}

/** Rounds a factor to two decimals, never below 0.01 (a factor lowers p_i, it never silences a peer). */
export function round2(value: number): number {
  return Math.max(0.01, Math.round(value * 100) / 100);
}

function formatPrice(usd: number): string {
  return usd >= 10 ? usd.toFixed(0) : usd.toFixed(2).replace(/\.?0+$/, '');
}
