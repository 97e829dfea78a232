/**
 * When to retry and how long to wait: 429 and 5xx/overloaded only, never after the first token, the provider's
 * retry-after when it gives one (capped), exponential backoff otherwise.
 */
import { isRetryable } from '../errors/classify.ts';
import type { RetryableReason, TurnError } from '../types.ts';
import type { TurnPolicy } from './policy.ts';

export interface RetryPlan {
  reason: RetryableReason;
  waitMs: number;
}

/** `retriesDone` counts the retries already made (0 after the first attempt). Null: do not retry. */
export function planRetry(
  error: TurnError,
  retriesDone: number,
  textStreamed: boolean,
  policy: TurnPolicy,
): RetryPlan | null {
  if (textStreamed || retriesDone >= policy.maxRetries || !isRetryable(error.reason)) return null;
  const askedMs = error.retryAfterSeconds === undefined ? undefined : error.retryAfterSeconds * 1000;
  const waitMs = Math.min(askedMs ?? policy.backoffBaseMs * 2 ** retriesDone, policy.maxWaitMs);
  return { reason: error.reason, waitMs: Math.max(0, waitMs) };
}

/** Seconds for the UI, to a tenth. */
export function waitSeconds(waitMs: number): number {
  return Math.round(waitMs / 100) / 10;
}
