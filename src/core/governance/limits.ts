/**
 * Per-conversation governance limits (profile §5.5) and how they are resolved:
 * profile defaults (depending on the number of peers) <- mode defaults <- the human's own settings.
 */
import { booleanMessage, followsNumberRule, numberRuleMessage } from '../rules/number-rule.ts';
import type { NumberRule } from '../rules/number-rule.ts';

/** The limits in force for a round. */
export interface ConversationLimits {
  /** Peer turns per round; default min(2 x peers, 8). */
  maxTurnsPerRound: number;
  /** Maximum peer-mention chain depth; default 3. */
  maxDepth: number;
  /** How many times in a row the same two peers may answer each other; default 2. */
  pingPong: number;
  /** Run the first wave of a round in parallel ("independent first answers"); default false. */
  parallelFirstWave: boolean;
  /** Tokens (input + output) a round may spend; null = no budget. */
  tokenBudget: number | null;
  /** Cost in USD a round may spend; null = no budget. */
  costBudgetUsd: number | null;
  /** Whether a new human message aborts streams still running (their text stays, `interrupted`); default true. */
  abortInFlightOnHumanMessage: boolean;
}

/** Any subset of limits, as set by a mode or by the human. */
export type LimitOverrides = Partial<ConversationLimits>;

/** Cap of the default turn budget. */
export const MAX_DEFAULT_TURNS_PER_ROUND = 8;

/** The profile defaults for a room with `peerCount` enabled peers. */
export function defaultLimits(peerCount: number): ConversationLimits {
  return {
    maxTurnsPerRound: Math.max(1, Math.min(2 * peerCount, MAX_DEFAULT_TURNS_PER_ROUND)),
    maxDepth: 3,
    pingPong: 2,
    parallelFirstWave: false,
    tokenBudget: null,
    costBudgetUsd: null,
    abortInFlightOnHumanMessage: true,
  };
}

/** Applies overrides in order (later wins; undefined fields are skipped). */
export function resolveLimits(
  peerCount: number,
  ...layers: readonly (LimitOverrides | undefined)[]
): ConversationLimits {
  const limits = defaultLimits(peerCount);
  for (const layer of layers) {
    if (!layer) continue;
    for (const key of Object.keys(layer) as (keyof ConversationLimits)[]) {
      const value = layer[key];
      if (value !== undefined) (limits as Record<keyof ConversationLimits, unknown>)[key] = value;
    }
  }
  return limits;
}

/** The numeric limits: every field except the two switches. */
type NumericLimit = 'maxTurnsPerRound' | 'maxDepth' | 'pingPong' | 'tokenBudget' | 'costBudgetUsd';

/**
 * The bounds of every numeric limit (see docs/core-api.md, "The room's rules"). pingPong starts at 1: one answer
 * to a mention is always allowed; to stop peers handing over at all, set maxDepth to 0 (one knob per behaviour).
 */
export const LIMIT_RULES: Readonly<Record<NumericLimit, NumberRule>> = Object.freeze({
  maxTurnsPerRound: { field: 'maxTurnsPerRound', whole: true, min: 1, max: 100 },
  maxDepth: { field: 'maxDepth', whole: true, min: 0, max: 20 },
  pingPong: { field: 'pingPong', whole: true, min: 1, max: 20 },
  tokenBudget: { field: 'tokenBudget', whole: true, min: 1, max: 1_000_000_000, nullMeans: 'no budget' },
  costBudgetUsd: { field: 'costBudgetUsd', whole: false, min: 0, aboveMin: true, max: 10_000, nullMeans: 'no budget' },
});

export const LIMIT_SWITCHES = ['parallelFirstWave', 'abortInFlightOnHumanMessage'] as const;

/** A problem with a limit value, naming the field. */
export interface LimitIssue {
  field: keyof ConversationLimits;
  message: string;
}

/** Validates overrides (only the fields present). */
export function validateLimitOverrides(overrides: LimitOverrides): LimitIssue[] {
  const issues: LimitIssue[] = [];
  for (const field of Object.keys(LIMIT_RULES) as NumericLimit[]) {
    const value = overrides[field];
    const rule = LIMIT_RULES[field];
    if (value !== undefined && !followsNumberRule(rule, value))
      issues.push({ field, message: numberRuleMessage(rule) });
  }
  for (const field of LIMIT_SWITCHES) {
    const value = overrides[field];
    if (value !== undefined && typeof value !== 'boolean') issues.push({ field, message: booleanMessage(field) });
  }
  return issues;
}
