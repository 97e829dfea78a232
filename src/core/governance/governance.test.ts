import { describe, expect, it } from 'vitest';
import { defaultLimits, resolveLimits, validateLimitOverrides } from './limits.ts';
import {
  breaksPingPongLimit,
  exceedsDepth,
  nextPingPongRun,
  spendBudgetSpent,
  turnBudgetSpent,
} from './loop-guards.ts';

describe('limits', () => {
  it.each([
    [1, 2],
    [2, 4],
    [4, 8],
    [8, 8],
    [0, 1],
  ])('default turn budget for %i peers is %i', (peers, turns) => {
    expect(defaultLimits(peers).maxTurnsPerRound).toBe(turns);
  });

  it('defaults of profile §5.5', () => {
    expect(defaultLimits(3)).toEqual({
      maxTurnsPerRound: 6,
      maxDepth: 3,
      pingPong: 2,
      parallelFirstWave: false,
      tokenBudget: null,
      costBudgetUsd: null,
      abortInFlightOnHumanMessage: true,
    });
  });

  it('layers: later overrides win, undefined is skipped', () => {
    expect(resolveLimits(3, { maxDepth: 4 }, { maxDepth: undefined, pingPong: 5 })).toMatchObject({
      maxDepth: 4,
      pingPong: 5,
    });
  });

  it.each([
    [{ maxTurnsPerRound: 0 }, 'maxTurnsPerRound'],
    [{ maxDepth: 1.5 }, 'maxDepth'],
    [{ pingPong: -1 }, 'pingPong'],
    [{ tokenBudget: 0 }, 'tokenBudget'],
    [{ costBudgetUsd: Number.POSITIVE_INFINITY }, 'costBudgetUsd'],
  ] as const)('refuses %j', (overrides, field) => {
    expect(validateLimitOverrides(overrides).map((issue) => issue.field)).toEqual([field]);
  });

  it('accepts null budgets (no budget)', () => {
    expect(validateLimitOverrides({ tokenBudget: null, costBudgetUsd: null, maxDepth: 0 })).toEqual([]);
  });
});

describe('loop guards', () => {
  const limits = defaultLimits(3);

  it('ping-pong run grows only while two peers answer each other', () => {
    let run = nextPingPongRun(null, { peerId: 'b', askedBy: 'a' }, 'a');
    expect(run).toEqual({ pair: ['a', 'b'], count: 1 });
    run = nextPingPongRun(run, { peerId: 'a', askedBy: 'b' }, 'b');
    expect(run?.count).toBe(2);
    expect(breaksPingPongLimit(run, { peerId: 'b', askedBy: 'a' }, 'a', limits)).toBe(true);
    expect(nextPingPongRun(run, { peerId: 'c', askedBy: 'a' }, 'a')).toEqual({ pair: ['a', 'c'], count: 1 });
    expect(nextPingPongRun(run, { peerId: 'b' }, 'a')).toBeNull();
    expect(nextPingPongRun(run, { peerId: 'b', askedBy: 'a' }, 'c')).toBeNull();
  });

  it('depth and budgets', () => {
    expect(exceedsDepth(3, limits)).toBe(false);
    expect(exceedsDepth(4, limits)).toBe(true);
    expect(turnBudgetSpent(5, limits)).toBe(false);
    expect(turnBudgetSpent(6, limits)).toBe(true);
    expect(spendBudgetSpent({ tokens: 1e9, costUsd: 1e9 }, limits)).toBe(false);
    expect(spendBudgetSpent({ tokens: 100, costUsd: 0 }, { ...limits, tokenBudget: 100 })).toBe(true);
    expect(spendBudgetSpent({ tokens: 0, costUsd: 0.5 }, { ...limits, costBudgetUsd: 1 })).toBe(false);
  });
});
