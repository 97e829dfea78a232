/**
 * What a seat's L0 adapter reports about its provider and model for DAP (profile §6, "where the factors come
 * from"). Plain data, computed by the adapters layer (`src/adapters/profile/`) and handed to the arbiter with the
 * `set-adapter-profile` input; the arbiter multiplies the factors into p_i when it samples. Like every DAP input it
 * is traffic control only: nothing here ever reaches a model's context.
 */

/** Where a profile's weight came from: the provider's catalog default, or the user (their own `base` stands). */
export type AdapterWeightSource = 'provider-default' | 'user';

/** One seat's adapter profile. Every factor lies in (0, 1]: a profile can lower p_i, never silence a peer. */
export interface AdapterProfile {
  /** How willing this provider/model is to speak by default (slower or costlier models a little less). */
  weight: number;
  /** `user` when the seat's own DAP `base` is set: then the weight is 1 and the user's base stands alone. */
  weightSource: AdapterWeightSource;
  /** Recent failures of this provider/model seen by the adapter: 1 when healthy, lower after failures. */
  health: number;
  /** Observed latency against a reference for its speed class: 1 when as fast or faster, lower when slower. */
  latency: number;
}

/** The profile of a seat the adapters have said nothing about: every factor 1. */
export const NEUTRAL_ADAPTER_PROFILE: Readonly<AdapterProfile> = Object.freeze({
  weight: 1,
  weightSource: 'provider-default',
  health: 1,
  latency: 1,
});

const FACTORS = ['weight', 'health', 'latency'] as const;
const WEIGHT_SOURCES: readonly string[] = ['provider-default', 'user'] satisfies AdapterWeightSource[];

/**
 * Checks a profile received from outside the core (it is plain data and may come from anywhere). Returns one
 * plain-language message per problem; empty when the profile is valid.
 */
export function validateAdapterProfile(profile: unknown): string[] {
  if (typeof profile !== 'object' || profile === null) return ['An adapter profile must be an object.'];
  const record = profile as Record<string, unknown>;
  const issues: string[] = [];
  for (const field of FACTORS) {
    const value = record[field];
    if (typeof value !== 'number' || !(value > 0 && value <= 1))
      issues.push(`Adapter profile ${field} must be a number in (0, 1]: a profile lowers p_i, never silences a peer.`);
  }
  if (typeof record.weightSource !== 'string' || !WEIGHT_SOURCES.includes(record.weightSource))
    issues.push('Adapter profile weightSource must be "provider-default" or "user".');
  else if (record.weightSource === 'user' && record.weight !== 1)
    issues.push('Adapter profile weight must be 1 when its source is "user": the user\'s own base stands alone.');
  const unknown = Object.keys(record).filter(
    (key) => !(FACTORS as readonly string[]).includes(key) && key !== 'weightSource',
  );
  if (unknown.length > 0) issues.push(`Adapter profile has unknown fields: ${unknown.join(', ')}.`);
  return issues;
}

/** True when two profiles say the same thing (the store dispatches a profile only when it changed). */
export function sameAdapterProfile(
  a: Readonly<AdapterProfile> | undefined,
  b: Readonly<AdapterProfile> | undefined,
): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.weight === b.weight && a.weightSource === b.weightSource && a.health === b.health && a.latency === b.latency;
}
