/**
 * Timeouts and retries with their defaults filled in.
 */
import type { ProviderSettings } from '../types.ts';

export const DEFAULT_FIRST_TOKEN_MS = 60_000;
/** Reasoning models think before the first visible token. */
export const DEFAULT_REASONING_FIRST_TOKEN_MS = 180_000;
export const DEFAULT_IDLE_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_MAX_WAIT_MS = 30_000;
/** First backoff wait when the provider names none; doubles on each retry. */
export const BACKOFF_BASE_MS = 1_000;

export interface TurnPolicy {
  firstTokenMs: number;
  idleMs: number;
  maxRetries: number;
  maxWaitMs: number;
  backoffBaseMs: number;
}

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

export function resolvePolicy(settings: ProviderSettings, reasoningModel = false): TurnPolicy {
  const maxRetries = settings.retry?.maxRetries;
  return {
    firstTokenMs: positiveOr(
      settings.timeouts?.firstTokenMs,
      reasoningModel ? DEFAULT_REASONING_FIRST_TOKEN_MS : DEFAULT_FIRST_TOKEN_MS,
    ),
    idleMs: positiveOr(settings.timeouts?.idleMs, DEFAULT_IDLE_MS),
    maxRetries:
      maxRetries !== undefined && Number.isInteger(maxRetries) && maxRetries >= 0 ? maxRetries : DEFAULT_MAX_RETRIES,
    maxWaitMs:
      settings.retry?.maxWaitMs !== undefined && settings.retry.maxWaitMs >= 0
        ? settings.retry.maxWaitMs
        : DEFAULT_MAX_WAIT_MS,
    backoffBaseMs: BACKOFF_BASE_MS,
  };
}
