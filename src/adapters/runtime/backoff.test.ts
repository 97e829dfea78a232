import { describe, expect, it } from 'vitest';
import type { TurnError } from '../types.ts';
import { planRetry, waitSeconds } from './backoff.ts';
import { resolvePolicy } from './policy.ts';

const policy = resolvePolicy({ kind: 'openai' });
const error = (reason: TurnError['reason'], retryAfterSeconds?: number): TurnError => ({
  reason,
  message: '',
  ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
});

describe('planRetry', () => {
  it('defaults: 2 retries, 1 s then 2 s of backoff, 30 s cap', () => {
    expect(policy).toMatchObject({ maxRetries: 2, maxWaitMs: 30_000, firstTokenMs: 60_000, idleMs: 30_000 });
    expect(planRetry(error('server-error'), 0, false, policy)).toEqual({ reason: 'server-error', waitMs: 1000 });
    expect(planRetry(error('overloaded'), 1, false, policy)).toEqual({ reason: 'overloaded', waitMs: 2000 });
    expect(planRetry(error('overloaded'), 2, false, policy)).toBeNull();
  });

  it('honours retry-after, capped', () => {
    expect(planRetry(error('rate-limited', 7), 0, false, policy)?.waitMs).toBe(7000);
    expect(planRetry(error('rate-limited', 120), 0, false, policy)?.waitMs).toBe(30_000);
  });

  it('never after the first token, never for other reasons', () => {
    expect(planRetry(error('rate-limited', 1), 0, true, policy)).toBeNull();
    for (const reason of ['bad-key', 'no-access', 'context-too-long', 'network', 'timeout', 'truncated'] as const)
      expect(planRetry(error(reason), 0, false, policy)).toBeNull();
  });

  it('settings override the defaults; reasoning models wait longer for the first token', () => {
    const custom = resolvePolicy({
      kind: 'anthropic',
      retry: { maxRetries: 0, maxWaitMs: 5 },
      timeouts: { idleMs: 10 },
    });
    expect(custom).toMatchObject({ maxRetries: 0, maxWaitMs: 5, idleMs: 10 });
    expect(resolvePolicy({ kind: 'openai' }, true).firstTokenMs).toBe(180_000);
    expect(resolvePolicy({ kind: 'openai', timeouts: { firstTokenMs: 5000 } }, true).firstTokenMs).toBe(5000);
    expect(waitSeconds(1000)).toBe(1);
    expect(waitSeconds(1250)).toBe(1.3);
  });
});
