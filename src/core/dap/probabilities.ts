/**
 * The DAP formula of profile §6. Content-blind: its only inputs are who spoke, when, shares, errors, and what the
 * seat's adapter reported about its provider (weight, health, latency; see `adapter-profile.ts`).
 *
 *   p_i = clamp(base_i * providerWeight_i * recency_i * fairness_i * health_i * adapterHealth_i * latency_i,
 *               p_min, p_max)
 */
import type { AdapterProfile } from './adapter-profile.ts';
import type { DapParams } from './params.ts';

/** What DAP knows about one enabled peer. */
export interface DapPeerInput {
  peerId: string;
  params: DapParams;
  /** Errors in a row of this peer's latest turns (reset by a successful turn). */
  consecutiveErrors: number;
  /** True when the seat's own DAP settings set `base`: then the user's base stands and no provider weight applies. */
  baseSetByUser?: boolean;
  /** What the seat's adapter last reported; absent until it reports (every adapter factor is then 1). */
  adapterProfile?: AdapterProfile;
}

/**
 * Where each factor of a probability came from, for the UI and the audit trail:
 * - `user`: the human's own setting for this seat;
 * - `mode`: the DAP settings of the mode in force (its preset and adjustments);
 * - `provider-default`: the adapters' default for the seat's provider and model (from the model catalog);
 * - `turn-history`: the arbiter's own record of who spoke and who failed (recency, fairness, health);
 * - `adapter-observed`: what the seat's adapter observed on recent calls (failures, latency);
 * - `not-reported`: the adapters have not reported a profile for this seat yet, so the factor is 1.
 * (A type, not an interface, so that it is plain JSON for the exports.)
 */
export type DapFactorSources = {
  base: 'user' | 'mode';
  providerWeight: 'user' | 'provider-default' | 'not-reported';
  recency: 'turn-history';
  fairness: 'turn-history';
  health: 'turn-history';
  adapterHealth: 'adapter-observed' | 'not-reported';
  latency: 'adapter-observed' | 'not-reported';
};

export type DapFactorName = keyof DapFactorSources;

/** The factors of p_i in the order of the formula. */
export const DAP_FACTOR_NAMES: readonly DapFactorName[] = Object.freeze([
  'base',
  'providerWeight',
  'recency',
  'fairness',
  'health',
  'adapterHealth',
  'latency',
]);

/** One peer's probability with every factor and where each came from, for the UI and the audit trail. */
export interface DapProbability {
  peerId: string;
  /** The clamped probability, always in [pMin, pMax] and > 0. */
  p: number;
  /** The unclamped product. */
  raw: number;
  base: number;
  /** The provider's default weight from the adapter profile; 1 when the user set `base` or none was reported. */
  providerWeight: number;
  recency: number;
  fairness: number;
  health: number;
  /** The adapter's observed health of this provider/model (recent failures); 1 when none was reported. */
  adapterHealth: number;
  /** The adapter's observed latency factor; 1 when none was reported. */
  latency: number;
  /** This peer's share of the last 2N turns. */
  share: number;
  sources: DapFactorSources;
}

/** The fields a probability gained with adapter profiles. */
type AdapterProfileFields = 'providerWeight' | 'adapterHealth' | 'latency' | 'sources';

/**
 * A probability as the audit trail keeps it (`dap-sampled`). Events recorded before adapter profiles existed lack
 * the provider weight, the adapter's health and latency (all effectively 1 then) and the sources; files and stored
 * logs carrying such events stay valid as they are.
 */
export interface RecordedDapProbability
  extends Omit<DapProbability, AdapterProfileFields>, Partial<Pick<DapProbability, AdapterProfileFields>> {}

/** Clamps `value` into [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** recency_i: `cooldownFactor` if the peer spoke within its last `cooldown` turns, else 1. */
export function recencyFactor(peerId: string, recentSpeakers: readonly string[], params: DapParams): number {
  const from = Math.max(0, recentSpeakers.length - params.cooldown);
  for (let i = from; i < recentSpeakers.length; i++) {
    if (recentSpeakers[i] === peerId) return params.cooldownFactor;
  }
  return 1;
}

/**
 * share_i over the last 2N turns. The window always has 2N slots: turns that have not happened yet count as
 * nobody's, so the first turns of a conversation do not make one peer look dominant.
 */
export function speakerShare(peerId: string, recentSpeakers: readonly string[], peerCount: number): number {
  const windowSize = 2 * peerCount;
  if (windowSize === 0) return 0;
  let count = 0;
  for (let i = Math.max(0, recentSpeakers.length - windowSize); i < recentSpeakers.length; i++) {
    if (recentSpeakers[i] === peerId) count++;
  }
  return count / windowSize;
}

/** fairness_i = 1 - dominance_penalty * max(0, share_i - 1/N), floored at 0. */
export function fairnessFactor(share: number, peerCount: number, params: DapParams): number {
  if (peerCount === 0) return 1;
  return Math.max(0, 1 - params.dominancePenalty * Math.max(0, share - 1 / peerCount));
}

/** health_i = error_backoff ^ consecutive_errors_i. */
export function healthFactor(consecutiveErrors: number, params: DapParams): number {
  return Math.pow(params.errorBackoff, consecutiveErrors);
}

/**
 * Computes p_i for every enabled peer. `recentSpeakers` lists the speakers of past turns, oldest first.
 * The result never contains 0: the clamp floor pMin is > 0 by validation, and a non-finite product is
 * treated as pMin.
 */
export function computeDapProbabilities(
  peers: readonly DapPeerInput[],
  recentSpeakers: readonly string[],
): DapProbability[] {
  const peerCount = peers.length;
  return peers.map(({ peerId, params, consecutiveErrors, baseSetByUser = false, adapterProfile }) => {
    const recency = recencyFactor(peerId, recentSpeakers, params);
    const share = speakerShare(peerId, recentSpeakers, peerCount);
    const fairness = fairnessFactor(share, peerCount, params);
    const health = healthFactor(consecutiveErrors, params);
    const adapter = adapterFactors(adapterProfile, baseSetByUser);
    const raw =
      params.base * adapter.providerWeight * recency * fairness * health * adapter.adapterHealth * adapter.latency;
    const p = Number.isFinite(raw) ? clamp(raw, params.pMin, params.pMax) : params.pMin;
    const reported = adapterProfile === undefined ? 'not-reported' : 'adapter-observed';
    return {
      peerId,
      p,
      raw,
      base: params.base,
      providerWeight: adapter.providerWeight,
      recency,
      fairness,
      health,
      adapterHealth: adapter.adapterHealth,
      latency: adapter.latency,
      share,
      sources: {
        base: baseSetByUser ? 'user' : 'mode',
        providerWeight: adapter.weightSource,
        recency: 'turn-history',
        fairness: 'turn-history',
        health: 'turn-history',
        adapterHealth: reported,
        latency: reported,
      },
    };
  });
}

/**
 * The adapter's factors. The provider weight is a default: it gives way to the user's own `base` (the user's value
 * is kept as it is) and to a profile that says its weight is the user's.
 */
function adapterFactors(
  profile: AdapterProfile | undefined,
  baseSetByUser: boolean,
): {
  providerWeight: number;
  weightSource: DapFactorSources['providerWeight'];
  adapterHealth: number;
  latency: number;
} {
  const userWeight = baseSetByUser || profile?.weightSource === 'user';
  const weightSource = userWeight ? 'user' : profile === undefined ? 'not-reported' : 'provider-default';
  return {
    providerWeight: userWeight || profile === undefined ? 1 : profile.weight,
    weightSource,
    adapterHealth: profile?.health ?? 1,
    latency: profile?.latency ?? 1,
  };
}
