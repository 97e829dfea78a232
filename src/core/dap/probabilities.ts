/**
 * The DAP formula of profile §6. Content-blind: its only inputs are who spoke, when, shares and errors.
 *
 *   p_i = clamp(base_i * recency_i * fairness_i * health_i, p_min, p_max)
 */
import type { DapParams } from './params.ts';

/** What DAP knows about one enabled peer. */
export interface DapPeerInput {
  peerId: string;
  params: DapParams;
  /** Errors in a row of this peer's latest turns (reset by a successful turn). */
  consecutiveErrors: number;
}

/** One peer's probability with every factor, for the UI and the audit trail. */
export interface DapProbability {
  peerId: string;
  /** The clamped probability, always in [pMin, pMax] and > 0. */
  p: number;
  /** The unclamped product. */
  raw: number;
  base: number;
  recency: number;
  fairness: number;
  health: number;
  /** This peer's share of the last 2N turns. */
  share: number;
}

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
  return peers.map(({ peerId, params, consecutiveErrors }) => {
    const recency = recencyFactor(peerId, recentSpeakers, params);
    const share = speakerShare(peerId, recentSpeakers, peerCount);
    const fairness = fairnessFactor(share, peerCount, params);
    const health = healthFactor(consecutiveErrors, params);
    const raw = params.base * recency * fairness * health;
    const p = Number.isFinite(raw) ? clamp(raw, params.pMin, params.pMax) : params.pMin;
    return { peerId, p, raw, base: params.base, recency, fairness, health, share };
  });
}
