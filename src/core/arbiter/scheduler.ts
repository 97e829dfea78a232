/**
 * The round scheduler (profile §5.3–5.6): after every input, dispatch what may run now, drop what governance
 * forbids, and end the round with exactly one reason once nothing is queued or running.
 */
import type { RoundEndReason, TurnSkipReason } from '../events/types.ts';
import type { ConversationLimits } from '../governance/limits.ts';
import { breaksPingPongLimit, exceedsDepth, spendBudgetSpent, turnBudgetSpent } from '../governance/loop-guards.ts';
import type { StepDraft } from './draft.ts';
import { currentLimits, findArbiterPeer } from './policy.ts';
import { dispatchTurn, isBudgetExempt, isSpendExempt, mayFollowItself } from './turns.ts';
import type { QueuedTurn, RoundState } from './types.ts';

/** Records that a queued turn will not run. */
export function skipTurn(draft: StepDraft, round: RoundState, item: QueuedTurn, reason: TurnSkipReason): void {
  draft.record({
    type: 'turn-skipped',
    roundId: round.id,
    peerId: item.peerId,
    reason,
    ...(item.reason.kind === 'peer-mention' ? { askedByMessageId: item.reason.messageId } : {}),
  });
}

/** Drops every queued turn with one skip reason each. */
export function dropQueue(
  draft: StepDraft,
  round: RoundState,
  reason: TurnSkipReason,
  keep: (item: QueuedTurn) => boolean = () => false,
): void {
  const dropped = round.queue.filter((item) => !keep(item));
  round.queue = round.queue.filter(keep);
  for (const item of dropped) skipTurn(draft, round, item, reason);
}

/** Ends the current round with `reason` (once), telling the driver. */
export function endRound(draft: StepDraft, reason: RoundEndReason): void {
  const round = draft.state.round;
  if (round === null) return;
  draft.record({ type: 'round-ended', roundId: round.id, reason, turns: round.dispatchedTurns });
  draft.effect({ type: 'round-ended', roundId: round.id, reason });
  draft.state.round = null;
}

/** The reason a round that ran out of work ends with (precedence documented in docs/core-api.md). */
export function naturalEndReason(round: RoundState): RoundEndReason {
  if (round.budgetStop !== null) return round.budgetStop;
  if (
    round.dispatchedTurns > 0 &&
    round.succeeded === 0 &&
    round.failed > 0 &&
    round.failed === round.dispatchedTurns
  ) {
    return 'all-peers-failed';
  }
  return round.limitHit ?? 'queue-empty';
}

/** Whether `item` may be dispatched while `round.inFlight` is running. */
function canRunAlongside(round: RoundState, item: QueuedTurn, limits: ConversationLimits): boolean {
  if (round.inFlight.length === 0) return true;
  return limits.parallelFirstWave && item.firstWave && round.inFlight.every((turn) => turn.firstWave);
}

/** Applies the budgets: when one is spent, every queued turn that counts against it is dropped. */
function applyBudgets(draft: StepDraft, round: RoundState, limits: ConversationLimits): void {
  const counted = (exempt: (item: QueuedTurn) => boolean) => round.queue.some((item) => !exempt(item));
  let stop: 'turn-budget' | 'token-budget' | null = null;
  if (spendBudgetSpent(round.spend, limits) && counted(isSpendExempt)) stop = 'token-budget';
  else if (turnBudgetSpent(round.budgetedTurns, limits) && counted(isBudgetExempt)) stop = 'turn-budget';
  if (stop === null) return;
  round.budgetStop ??= stop;
  dropQueue(draft, round, stop, stop === 'token-budget' ? isSpendExempt : isBudgetExempt);
}

/**
 * Picks the next queued turn that may run, dropping the ones a limit forbids. A turn that would make a peer speak
 * twice in a row waits behind the next other turn; it is dropped only when nothing else is left.
 */
function takeNext(draft: StepDraft, round: RoundState, limits: ConversationLimits): QueuedTurn | null {
  while (round.queue.length > 0) {
    const index = round.queue.findIndex((item) => item.peerId !== round.lastSpeaker || mayFollowItself(item));
    const position = index < 0 ? 0 : index;
    const item = round.queue[position] as QueuedTurn;
    if (!canRunAlongside(round, item, limits)) return null;
    const forbidden = forbiddenBecause(draft, round, item, limits);
    if (index < 0 && forbidden === null) {
      round.queue.splice(position, 1);
      skipTurn(draft, round, item, 'twice-in-a-row');
      continue;
    }
    if (forbidden !== null) {
      round.queue.splice(position, 1);
      skipTurn(draft, round, item, forbidden);
      if (forbidden === 'depth-limit' || forbidden === 'ping-pong-limit') round.limitHit = forbidden;
      continue;
    }
    round.queue.splice(position, 1);
    return item;
  }
  return null;
}

/** The limit that forbids running `item` now, or null. */
function forbiddenBecause(
  draft: StepDraft,
  round: RoundState,
  item: QueuedTurn,
  limits: ConversationLimits,
): TurnSkipReason | null {
  const peer = findArbiterPeer(draft.state, item.peerId);
  if (peer === undefined) return 'removed';
  if (!peer.enabled) return 'muted';
  if (item.reason.kind !== 'peer-mention') return null;
  if (exceedsDepth(item.depth, limits)) return 'depth-limit';
  const turn = { peerId: item.peerId, askedBy: item.reason.askedBy };
  if (breaksPingPongLimit(round.pingPong, turn, round.lastSpeaker, limits)) return 'ping-pong-limit';
  return null;
}

/**
 * Runs the round as far as it can go now. Call after every input. `nextStage` is asked, once nothing is queued or
 * running, whether the round goes on (a council's next stage: it queued more turns) before it ends.
 */
export function advanceRound(draft: StepDraft, nextStage: (round: RoundState) => boolean = () => false): void {
  const round = draft.state.round;
  if (round === null) return;
  const limits = currentLimits(draft.state);
  do {
    applyBudgets(draft, round, limits);
    for (let item = takeNext(draft, round, limits); item !== null; item = takeNext(draft, round, limits)) {
      dispatchTurn(draft, round, item);
      applyBudgets(draft, round, limits);
    }
  } while (round.queue.length === 0 && round.inFlight.length === 0 && nextStage(round));
  if (round.queue.length === 0 && round.inFlight.length === 0) endRound(draft, naturalEndReason(round));
}
