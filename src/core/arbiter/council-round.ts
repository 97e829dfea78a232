/**
 * A council round (src/core/council/): the stages the arbiter runs instead of the usual turn-taking.
 * 1. answer: every enabled peer (or every peer the human named) answers the message on its own;
 * 2. review (`council` only, with two answers or more): each peer who answered reviews the others' answers and votes;
 * 3. the tally is recorded (`council-tallied`), then, when the human chose one, a peer writes the synthesis.
 * Replies do not call on other peers (no mention chaining). Council turns count against the token and cost budgets,
 * not the turn budget (a council's turns are fixed in number: at most two per peer and one synthesis); when a
 * budget is spent, the next stage does not start, and the tally counts what came in. Stop all ends it like any round.
 */
import type { CouncilRequest } from '../council/round.ts';
import { tallyCouncil } from '../council/round.ts';
import type { CouncilStage } from '../domain/messages.ts';
import type { StepDraft } from './draft.ts';
import { enabledPeers, findArbiterPeer } from './policy.ts';
import { skipTurn } from './scheduler.ts';
import type { InFlightTurn, MentionInput, QueuedTurn, RoundState, TurnOutcome } from './types.ts';

/** Why a council request cannot run in this room, or null. */
export function councilInputProblem(draft: StepDraft, request: CouncilRequest): string | null {
  if (request.synthesizerId !== undefined && findArbiterPeer(draft.state, request.synthesizerId) === undefined)
    return 'The synthesis must be written by a peer of the room.';
  return null;
}

/** Opens the council's first stage: the peers the human named (muted ones skipped), or every enabled peer. */
export function queueCouncilAnswers(
  draft: StepDraft,
  round: RoundState,
  messageId: string,
  mentions: MentionInput,
  request: CouncilRequest,
): void {
  round.council = {
    strategy: request.strategy,
    messageId,
    stage: 'answer',
    synthesizerId: request.synthesizerId ?? null,
    answers: [],
    votes: [],
    tallied: false,
  };
  const named = [...new Set([...mentions.peerIds, ...(mentions.mutedPeerIds ?? [])])];
  const candidates = named.length > 0 ? named : enabledPeers(draft.state).map((peer) => peer.id);
  for (const peerId of candidates) {
    const peer = findArbiterPeer(draft.state, peerId);
    if (peer === undefined) continue;
    const item = councilTurn(peerId, 'answer', messageId);
    if (peer.enabled) round.queue.push(item);
    else skipTurn(draft, round, item, 'muted');
  }
}

function councilTurn(peerId: string, stage: CouncilStage, messageId: string): QueuedTurn {
  return { peerId, reason: { kind: 'council', stage, messageId }, depth: 0, firstWave: stage !== 'synthesis' };
}

/** Keeps what a finished council turn contributed: a first answer, or a vote. */
export function recordCouncilTurn(round: RoundState, turn: InFlightTurn, outcome: TurnOutcome): void {
  const council = round.council;
  if (council === undefined || turn.reason.kind !== 'council' || outcome.status !== 'complete') return;
  const contribution = outcome.council;
  if (turn.reason.stage === 'answer')
    council.answers.push({
      peerId: turn.peerId,
      messageId: outcome.messageId,
      answer: contribution && 'answer' in contribution ? contribution.answer : '',
    });
  else if (turn.reason.stage === 'review' && contribution && 'vote' in contribution)
    council.votes.push({ ...contribution.vote, reviewerId: turn.peerId });
}

/**
 * Called when nothing is queued or running: starts the council's next stage (true), or returns false when the
 * round may end. The tally is recorded once, when voting is over (or a budget stopped it).
 */
export function advanceCouncil(draft: StepDraft, round: RoundState): boolean {
  const council = round.council;
  if (council === undefined) return false;
  const stopped = round.budgetStop !== null;
  if (!stopped && council.stage === 'answer' && council.strategy === 'council' && council.answers.length >= 2) {
    council.stage = 'review';
    for (const { peerId } of council.answers)
      if (findArbiterPeer(draft.state, peerId)?.enabled)
        round.queue.push(councilTurn(peerId, 'review', council.messageId));
    if (round.queue.length > 0) return true;
  }
  if (council.stage === 'synthesis') return false;
  if (!council.tallied) {
    council.tallied = true;
    if (council.answers.length > 0) {
      const seatOrder = draft.state.peers.map((peer) => peer.id);
      const tally = tallyCouncil(council, seatOrder);
      draft.record({ type: 'council-tallied', roundId: round.id, messageId: council.messageId, ...tally });
    }
  }
  const synthesizer = council.synthesizerId === null ? undefined : findArbiterPeer(draft.state, council.synthesizerId);
  if (stopped || !synthesizer?.enabled || council.answers.length === 0) return false;
  council.stage = 'synthesis';
  round.queue.push(councilTurn(synthesizer.id, 'synthesis', council.messageId));
  return true;
}
