/**
 * Loop guards and budgets of profile §5.5, as small pure checks the arbiter composes.
 */
import type { ConversationLimits } from './limits.ts';

/** The run of two peers answering each other, counted in turns. */
export interface PingPongRun {
  /** The two peers, in the order they first exchanged. */
  pair: readonly [string, string];
  /** How many answers in a row went back and forth between them. */
  count: number;
}

/** A turn as the ping-pong guard sees it. */
export interface GuardedTurn {
  peerId: string;
  /** The peer whose message asked for this turn (peer-mention turns only). */
  askedBy?: string;
}

/**
 * The ping-pong run after `turn` is dispatched. A turn continues the run when it answers the previous speaker
 * (a peer mention by that speaker) and both belong to the run's pair; any other turn resets it.
 */
export function nextPingPongRun(
  run: PingPongRun | null,
  turn: GuardedTurn,
  previousSpeaker: string | null,
): PingPongRun | null {
  if (turn.askedBy === undefined || turn.askedBy !== previousSpeaker) return null;
  const samePair = run !== null && run.pair.includes(turn.peerId) && run.pair.includes(turn.askedBy);
  if (samePair) return { pair: run.pair, count: run.count + 1 };
  return { pair: [turn.askedBy, turn.peerId], count: 1 };
}

/** True when dispatching `turn` would make two peers answer each other more than `limits.pingPong` times. */
export function breaksPingPongLimit(
  run: PingPongRun | null,
  turn: GuardedTurn,
  previousSpeaker: string | null,
  limits: ConversationLimits,
): boolean {
  const next = nextPingPongRun(run, turn, previousSpeaker);
  return next !== null && next.count > limits.pingPong;
}

/** True when a peer-mention at `depth` is deeper than allowed. */
export function exceedsDepth(depth: number, limits: ConversationLimits): boolean {
  return depth > limits.maxDepth;
}

/** True when `dispatched` turns already use the whole turn budget of the round. */
export function turnBudgetSpent(dispatched: number, limits: ConversationLimits): boolean {
  return dispatched >= limits.maxTurnsPerRound;
}

/** What a round has spent so far. */
export interface RoundSpend {
  tokens: number;
  costUsd: number;
}

/** True when the round's token or cost budget is spent. */
export function spendBudgetSpent(spent: RoundSpend, limits: ConversationLimits): boolean {
  if (limits.tokenBudget !== null && spent.tokens >= limits.tokenBudget) return true;
  return limits.costBudgetUsd !== null && spent.costUsd >= limits.costBudgetUsd;
}
