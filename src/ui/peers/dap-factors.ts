/**
 * A seat's DAP probability as rows a person can read (display only; the arbiter decides): each factor of
 *   p = base × provider weight × recency × fairness × health × provider health × latency, kept within [min, max]
 * with its value, where it came from, and one line saying why.
 */
import { DAP_FACTOR_NAMES } from '../../store/index.ts';
import type { DapFactorName, DapProbability } from '../../store/index.ts';

export interface DapFactorRow {
  factor: DapFactorName;
  /** What the factor is, e.g. "Provider weight". */
  label: string;
  value: number;
  /** Where it came from, e.g. "Provider default", "Your setting", "Recency". */
  source: string;
  /** Why it has this value, in plain words. */
  detail: string;
}

const LABEL: Record<DapFactorName, string> = {
  base: 'Base willingness',
  providerWeight: 'Provider weight',
  recency: 'Recency',
  fairness: 'Fairness',
  health: 'Errors in a row',
  adapterHealth: 'Provider health',
  latency: 'Latency',
};

/** What the UI knows besides the probability: the why of the provider default (from the adapters' catalog). */
export interface DapFactorContext {
  /** e.g. "Claude Opus 4.6: high list price ($10 per million tokens, blended)." */
  providerDefaultReason?: string;
}

/** One row per factor, in the order of the formula. */
export function dapFactorRows(live: DapProbability, context: DapFactorContext = {}): DapFactorRow[] {
  return DAP_FACTOR_NAMES.map((factor) => ({
    factor,
    label: LABEL[factor],
    value: live[factor],
    ...sourceAndDetail(factor, live, context),
  }));
}

function sourceAndDetail(
  factor: DapFactorName,
  live: DapProbability,
  context: DapFactorContext,
): { source: string; detail: string } {
  const lowered = live[factor] < 1;
  switch (factor) {
    case 'base':
      return live.sources.base === 'user'
        ? { source: 'Your setting', detail: 'The base you set for this seat.' }
        : { source: 'Mode default', detail: 'The base of the DAP preset the mode uses.' };
    case 'providerWeight':
      if (live.sources.providerWeight === 'user')
        return { source: 'Your setting', detail: 'You set this seat’s base, so no provider default applies.' };
      if (live.sources.providerWeight === 'not-reported')
        return { source: 'Not reported yet', detail: 'The provider has not reported a profile for this seat.' };
      return {
        source: 'Provider default',
        detail: context.providerDefaultReason ?? (lowered ? 'Slower or costlier models speak a little less.' : ''),
      };
    case 'recency':
      return {
        source: 'Recency',
        detail: lowered ? 'Spoke in the last few turns, so waits a little.' : 'Has not spoken just now.',
      };
    case 'fairness':
      return {
        source: 'Fairness',
        detail: `${Math.round(live.share * 100)} % of the recent turns${lowered ? ': more than its share.' : '.'}`,
      };
    case 'health':
      return {
        source: 'Health',
        detail: lowered ? 'Its latest turns failed, one after another.' : 'No failed turns in a row.',
      };
    case 'adapterHealth':
      if (live.sources.adapterHealth === 'not-reported')
        return { source: 'Not reported yet', detail: 'No calls to this provider observed yet.' };
      return {
        source: 'Health (observed)',
        detail: lowered
          ? 'Recent calls to this provider and model failed; it recovers as calls succeed.'
          : 'Recent calls to this provider and model succeeded.',
      };
    case 'latency':
      if (live.sources.latency === 'not-reported')
        return { source: 'Not reported yet', detail: 'No answer time measured yet.' };
      return {
        source: 'Latency (observed)',
        detail: lowered ? 'Its first words come slower than expected.' : 'Answers in good time.',
      };
  }
}

/** How the product became p: as it is, or raised to the floor, or capped at the ceiling. */
export function clampNote(live: DapProbability): string | null {
  if (!Number.isFinite(live.raw) || live.raw < live.p) return 'raised to the minimum chance (Min p)';
  if (live.raw > live.p) return 'capped at the maximum chance (Max p)';
  return null;
}
