/**
 * Per-conversation governance limits (profile §5.5) and how they are resolved:
 * profile defaults (depending on the number of peers) <- mode defaults <- the human's own settings.
 */

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

/** A problem with a limit value, naming the field. */
export interface LimitIssue {
  field: keyof ConversationLimits;
  message: string;
}

/** Validates overrides (only the fields present). */
export function validateLimitOverrides(overrides: LimitOverrides): LimitIssue[] {
  const issues: LimitIssue[] = [];
  const wholeAtLeast = (field: 'maxTurnsPerRound' | 'maxDepth' | 'pingPong', min: number): void => {
    const value = overrides[field];
    if (value === undefined) return;
    if (!Number.isInteger(value) || value < min)
      issues.push({ field, message: `${field} must be a whole number >= ${min}` });
  };
  wholeAtLeast('maxTurnsPerRound', 1);
  wholeAtLeast('maxDepth', 0);
  wholeAtLeast('pingPong', 0);
  const budget = (field: 'tokenBudget' | 'costBudgetUsd'): void => {
    const value = overrides[field];
    if (value === undefined || value === null) return;
    if (!Number.isFinite(value) || value <= 0)
      issues.push({ field, message: `${field} must be a positive number or null` });
  };
  budget('tokenBudget');
  budget('costBudgetUsd');
  for (const field of ['parallelFirstWave', 'abortInFlightOnHumanMessage'] as const) {
    const value = overrides[field];
    if (value !== undefined && typeof value !== 'boolean')
      issues.push({ field, message: `${field} must be true or false` });
  }
  return issues;
}
