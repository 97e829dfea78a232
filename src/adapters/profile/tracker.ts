/**
 * The dynamic part of a seat's Dynamic Adapter Profile (profile §6): what the adapters observed of a provider and
 * model on recent calls, turned into two factors in (0, 1] that the arbiter multiplies into p_i.
 *
 * - health: each counted failure multiplies it by `HEALTH_RULES.perFailure`; each successful turn takes one failure
 *   off again, so a provider that works again recovers step by step (at most `maxCounted` failures are counted).
 * - latency: a moving average (EWMA) of the time to the first word of complete turns, against the reference of the
 *   model's speed class; as fast or faster is 1, each doubling beyond the reference takes `dropPerDoubling` off,
 *   down to `floor`.
 *
 * Observations are kept per provider, endpoint and model (two seats on the same model share them: it is the same
 * service). Everything is deterministic given the observations: no clock is read, times come from
 * `TurnResult.latency`. Factors are rounded to two decimals, so a profile changes only when it changes visibly.
 */
import type { AdapterProfile, TurnErrorReason } from '../../core/index.ts';
import { lookupModel } from '../catalog.ts';
import type { ModelOverrides, SpeedClass } from '../catalog.ts';
import type { TurnResult } from '../types.ts';
import { providerDefault, round2 } from './defaults.ts';
import type { ProfileSeat } from './defaults.ts';

/** How failures lower a provider's health and successes restore it. */
export const HEALTH_RULES = Object.freeze({
  /** Factor per counted failure: 1 failure 0.7, 2 → 0.49, 3 → 0.34, 4 → 0.24. */
  perFailure: 0.7,
  /** Failures counted at most, so a long outage recovers in a few good turns. */
  maxCounted: 4,
});

/**
 * Failures that say nothing about the provider: our own request was at fault (the transcript too long for the
 * seat's window, a request the provider refused as malformed), or the human stopped the turn. The core's own
 * health factor (errors in a row of one seat) still sees them.
 */
export const NOT_PROVIDER_FAILURES: readonly TurnErrorReason[] = Object.freeze([
  'aborted',
  'context-too-long',
  'bad-request',
]);

/** How the time to the first word lowers the latency factor. */
export const LATENCY_RULES = Object.freeze({
  /** What a person can expect to wait for the first word, per speed class, in milliseconds. */
  referenceFirstTokenMs: Object.freeze({ standard: 4_000, slow: 20_000 } satisfies Record<SpeedClass, number>),
  /** Weight of the newest turn in the moving average (the rest is the history). */
  smoothing: 0.3,
  /** Taken off the factor for each doubling of the average beyond the reference. */
  dropPerDoubling: 0.15,
  /** The lowest the factor goes. */
  floor: 0.6,
});

/** What was observed of one provider, endpoint and model. */
export interface ProviderObservations {
  /** Failures counted now: +1 per provider failure, −1 per successful turn, within [0, HEALTH_RULES.maxCounted]. */
  failures: number;
  /** Moving average of the time to the first word of complete turns, in ms; null before the first one. */
  firstTokenMs: number | null;
}

export const NO_OBSERVATIONS: Readonly<ProviderObservations> = Object.freeze({ failures: 0, firstTokenMs: null });

/** The key observations are kept under: provider, endpoint (if any) and model. */
export function profileKey(seat: Pick<ProfileSeat, 'provider' | 'model' | 'baseURL'>): string {
  return JSON.stringify([seat.provider, seat.baseURL ?? '', seat.model]);
}

/**
 * What one finished turn adds to the observations (pure). A complete turn is a success (one failure off) and, when
 * text came, a latency sample; an error whose reason is the provider's is a failure; anything else changes nothing.
 */
export function observeTurn(observations: Readonly<ProviderObservations>, result: TurnResult): ProviderObservations {
  if (result.status === 'complete') {
    const sample = result.latency.firstTokenMs;
    const usable = sample !== null && Number.isFinite(sample) && sample >= 0;
    return {
      failures: Math.max(0, observations.failures - 1),
      firstTokenMs: !usable
        ? observations.firstTokenMs
        : observations.firstTokenMs === null
          ? sample
          : observations.firstTokenMs + LATENCY_RULES.smoothing * (sample - observations.firstTokenMs),
    };
  }
  if (result.status === 'error' && !NOT_PROVIDER_FAILURES.includes(result.error.reason))
    return { ...observations, failures: Math.min(HEALTH_RULES.maxCounted, observations.failures + 1) };
  return { ...observations };
}

/** The health factor of `failures` counted failures. */
export function healthOf(failures: number): number {
  return round2(Math.pow(HEALTH_RULES.perFailure, failures));
}

/** The latency factor of an average time to the first word, for a model of `speedClass`. */
export function latencyOf(firstTokenMs: number | null, speedClass: SpeedClass): number {
  if (firstTokenMs === null) return 1;
  const ratio = firstTokenMs / LATENCY_RULES.referenceFirstTokenMs[speedClass];
  if (!(ratio > 1)) return 1;
  return round2(Math.max(LATENCY_RULES.floor, 1 - LATENCY_RULES.dropPerDoubling * Math.log2(ratio)));
}

/** A seat's profile from its provider default and what was observed (pure). */
export function profileFromObservations(
  seat: ProfileSeat,
  observations: Readonly<ProviderObservations>,
  overrides?: ModelOverrides,
): AdapterProfile {
  const defaults = providerDefault(seat, overrides);
  const speedClass = lookupModel(seat.provider, seat.model, overrides)?.speedClass ?? 'standard';
  return {
    weight: defaults.weight,
    weightSource: defaults.source,
    health: healthOf(observations.failures),
    latency: latencyOf(observations.firstTokenMs, speedClass),
  };
}

/** The tracker the store owns: observations per provider/model, and each seat's profile from them. */
export interface ProfileTracker {
  /** Records what a finished turn of `seat` showed about its provider and model. */
  observe(seat: ProfileSeat, result: TurnResult): void;
  /**
   * The seat's profile now: the provider default and the observed health and latency of its provider/model.
   * `overrides` (the user's model prices now) win over those the tracker was created with.
   */
  profileFor(seat: ProfileSeat, overrides?: ModelOverrides): AdapterProfile;
  /** What was observed of the seat's provider/model (nothing yet: no failures, no latency). */
  observationsFor(seat: ProfileSeat): ProviderObservations;
  /** Forgets every observation. */
  reset(): void;
}

export interface ProfileTrackerOptions {
  /** The user's model facts (prices), which win over the catalog's list prices. */
  modelOverrides?: ModelOverrides;
}

/** Creates an empty tracker. */
export function createProfileTracker(options: ProfileTrackerOptions = {}): ProfileTracker {
  const observed = new Map<string, ProviderObservations>();
  const observationsFor = (seat: ProfileSeat): ProviderObservations => ({
    ...(observed.get(profileKey(seat)) ?? NO_OBSERVATIONS),
  });
  return {
    observe(seat, result) {
      observed.set(profileKey(seat), observeTurn(observationsFor(seat), result));
    },
    profileFor(seat, overrides) {
      return profileFromObservations(seat, observationsFor(seat), overrides ?? options.modelOverrides);
    },
    observationsFor,
    reset() {
      observed.clear();
    },
  };
}
