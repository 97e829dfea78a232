/**
 * Dispatching and finishing turns: every dispatched turn gets exactly one `turn-completed` event, whether it
 * finishes on its own, is stopped by the human, or is preempted.
 */
import type { TurnCompletionStatus } from '../events/types.ts';
import { nextPingPongRun } from '../governance/loop-guards.ts';
import { isHumanRequested } from '../domain/messages.ts';
import type { StepDraft } from './draft.ts';
import type { InFlightTurn, QueuedTurn, RoundState, TurnOutcome } from './types.ts';

/** How many recent speakers DAP remembers (at least 2N for up to 32 peers). */
export const RECENT_SPEAKERS_KEPT = 64;

/** Starts `item` in the current round: effect, event, bookkeeping. */
export function dispatchTurn(draft: StepDraft, round: RoundState, item: QueuedTurn): InFlightTurn {
  const state = draft.state;
  const turn: InFlightTurn = {
    ...item,
    turnId: `t${state.nextTurnSeq}`,
    roundId: round.id,
    dispatchedAt: draft.at,
    modeId: state.mode.id,
  };
  state.nextTurnSeq++;
  round.inFlight.push(turn);
  round.dispatchedTurns++;
  if (!isBudgetExempt(item)) round.budgetedTurns++;
  const askedBy = item.reason.kind === 'peer-mention' ? item.reason.askedBy : undefined;
  round.pingPong = nextPingPongRun(round.pingPong, { peerId: item.peerId, askedBy }, round.lastSpeaker);
  const { turnId, peerId, reason, depth, modeId } = turn;
  draft.record({ type: 'turn-dispatched', roundId: round.id, turnId, peerId, reason, depth, modeId });
  if (item.broadcastMessageId !== undefined) {
    draft.record({ type: 'broadcast-received', roundId: round.id, messageId: item.broadcastMessageId, peerId, turnId });
  }
  draft.effect({ type: 'start-turn', turnId, roundId: round.id, peerId, reason, depth, modeId });
  return turn;
}

/**
 * Turns that do not count against the turn budget: those the human asked for one by one (speak now, regenerate),
 * and a council's, whose number its stages fix.
 */
export function isBudgetExempt(item: QueuedTurn): boolean {
  return isSpendExempt(item) || item.reason.kind === 'council';
}

/** Turns the human asked for one by one (speak now, regenerate) do not count against the token or cost budget. */
export function isSpendExempt(item: QueuedTurn): boolean {
  return item.reason.kind === 'human-forced' || item.reason.kind === 'retry';
}

/** True when the human asked for this peer, so "no peer twice in a row" does not apply. */
export function mayFollowItself(item: QueuedTurn): boolean {
  return isHumanRequested(item.reason);
}

/** Records the one completion event of a turn and updates the DAP statistics. */
export function recordCompletion(draft: StepDraft, turn: InFlightTurn, outcome: TurnOutcome): void {
  draft.record({
    type: 'turn-completed',
    roundId: turn.roundId,
    turnId: turn.turnId,
    peerId: turn.peerId,
    status: outcome.status,
    ...(outcome.messageId !== undefined ? { messageId: outcome.messageId } : {}),
    ...(outcome.status === 'error' ? { errorReason: outcome.errorReason } : {}),
    ...(outcome.tokens !== undefined ? { tokens: outcome.tokens } : {}),
    ...(outcome.costUsd !== undefined ? { costUsd: outcome.costUsd } : {}),
    latencyMs: Math.max(0, draft.at - turn.dispatchedAt),
  });
  updateSpeakerStats(draft, turn.peerId, outcome.status);
}

/**
 * DAP inputs: a peer that produced text (complete or interrupted) joins the recent speakers; errors in a row
 * lower its health; any answer (including PASS) resets the error count.
 */
export function updateSpeakerStats(draft: StepDraft, peerId: string, status: TurnCompletionStatus): void {
  const state = draft.state;
  if (status === 'complete' || status === 'interrupted') {
    state.recentSpeakers.push(peerId);
    if (state.recentSpeakers.length > RECENT_SPEAKERS_KEPT)
      state.recentSpeakers.splice(0, state.recentSpeakers.length - RECENT_SPEAKERS_KEPT);
  }
  if (status === 'error') state.consecutiveErrors[peerId] = (state.consecutiveErrors[peerId] ?? 0) + 1;
  else if (status === 'complete' || status === 'passed') state.consecutiveErrors[peerId] = 0;
}

/** Aborts an in-flight turn at once: effect for the driver, `interrupted` completion in the log. */
export function abortTurn(draft: StepDraft, turn: InFlightTurn): void {
  draft.effect({ type: 'abort-turn', turnId: turn.turnId, peerId: turn.peerId });
  recordCompletion(draft, turn, { status: 'interrupted' });
}

/** Aborts every in-flight turn of the round that matches `predicate`, removing them from the round. */
export function abortInFlight(
  draft: StepDraft,
  round: RoundState,
  predicate: (turn: InFlightTurn) => boolean = () => true,
): void {
  const stopped = round.inFlight.filter(predicate);
  round.inFlight = round.inFlight.filter((turn) => !predicate(turn));
  for (const turn of stopped) {
    abortTurn(draft, turn);
    round.lastSpeaker = turn.peerId;
  }
}

/**
 * Aborts the replies that a human message left running from an earlier round (`abortInFlightOnHumanMessage` off)
 * and that match `predicate`: human authority reaches them as it reaches the current round's turns.
 */
export function abortOrphans(draft: StepDraft, predicate: (turn: InFlightTurn) => boolean = () => true): void {
  const state = draft.state;
  const stopped = state.orphans.filter(predicate);
  state.orphans = state.orphans.filter((turn) => !predicate(turn));
  for (const turn of stopped) abortTurn(draft, turn);
}
