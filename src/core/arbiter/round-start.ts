/**
 * Opening a round and building its first wave (profile §5.1–5.2):
 * explicit human mentions -> exactly those peers, in mention order (DAP is not consulted);
 * `@all` -> every enabled peer, starting with a different peer each round;
 * no mention -> DAP sampling, at least one responder.
 */
import { sampleDapSpeakers } from '../dap/sampling.ts';
import type { StepDraft } from './draft.ts';
import { currentDapProbabilities, enabledPeers, findArbiterPeer } from './policy.ts';
import { skipTurn } from './scheduler.ts';
import type { MentionInput, QueuedTurn, RoundState } from './types.ts';

/** Opens a new round (the previous one must have ended). */
export function openRound(
  draft: StepDraft,
  messageId: string | null,
  trigger: 'human-message' | 'speak-now' | 'regenerate',
): RoundState {
  const state = draft.state;
  const round: RoundState = {
    id: `r${state.nextRoundSeq}`,
    messageId,
    queue: [],
    inFlight: [],
    budgetedTurns: 0,
    dispatchedTurns: 0,
    succeeded: 0,
    failed: 0,
    spend: { tokens: 0, costUsd: 0 },
    lastSpeaker: null,
    pingPong: null,
    budgetStop: null,
    limitHit: null,
  };
  state.nextRoundSeq++;
  state.round = round;
  draft.record({ type: 'round-started', roundId: round.id, messageId, trigger });
  return round;
}

/** Fills the first wave of a round opened by a human message. */
export function queueFirstWave(draft: StepDraft, round: RoundState, messageId: string, mentions: MentionInput): void {
  const named = namedPeers(draft, round, messageId, mentions);
  const wave: QueuedTurn[] = named.map((peerId) => ({
    peerId,
    reason: { kind: 'human-mention', messageId },
    depth: 0,
    firstWave: true,
    ...(mentions.all ? { broadcastMessageId: messageId } : {}),
  }));
  if (mentions.all) {
    wave.push(...broadcastWave(draft, messageId, named));
    const recipients = wave.map((item) => item.peerId);
    draft.record({ type: 'broadcast-sent', roundId: round.id, messageId, senderId: draft.state.humanId, recipients });
  } else if (wave.length === 0 && !addressedAnyPeer(mentions)) {
    wave.push(...dapWave(draft, round, messageId));
  }
  round.queue.push(...wave);
}

/** Enabled peers the human named, in order; muted ones are recorded as skipped (the UI says they are muted). */
function namedPeers(draft: StepDraft, round: RoundState, messageId: string, mentions: MentionInput): string[] {
  const named: string[] = [];
  for (const peerId of new Set([...mentions.peerIds, ...(mentions.mutedPeerIds ?? [])])) {
    const peer = findArbiterPeer(draft.state, peerId);
    if (peer === undefined) continue;
    if (peer.enabled) named.push(peerId);
    else
      skipTurn(
        draft,
        round,
        { peerId, reason: { kind: 'human-mention', messageId }, depth: 0, firstWave: true },
        'muted',
      );
  }
  return named;
}

/** True when the human addressed any peer (even only muted ones): then DAP must not pick someone else. */
function addressedAnyPeer(mentions: MentionInput): boolean {
  return mentions.peerIds.length > 0 || (mentions.mutedPeerIds?.length ?? 0) > 0;
}

/** Every enabled peer not already named, rotated so each `@all` round starts with a different peer. */
function broadcastWave(draft: StepDraft, messageId: string, named: readonly string[]): QueuedTurn[] {
  const state = draft.state;
  const peers = enabledPeers(state).map((peer) => peer.id);
  const offset = peers.length === 0 ? 0 : state.broadcastRounds % peers.length;
  state.broadcastRounds++;
  const rotated = [...peers.slice(offset), ...peers.slice(0, offset)];
  return rotated
    .filter((peerId) => !named.includes(peerId))
    .map((peerId) => ({
      peerId,
      reason: { kind: 'all', messageId },
      depth: 0,
      firstWave: true,
      broadcastMessageId: messageId,
    }));
}

/** DAP sampling: every p_i is recorded, the drawn peers speak in generator order. */
function dapWave(draft: StepDraft, round: RoundState, messageId: string): QueuedTurn[] {
  const probabilities = currentDapProbabilities(draft.state);
  if (probabilities.length === 0) return [];
  const sample = sampleDapSpeakers(draft.state.rng, probabilities);
  draft.state.rng = sample.rng;
  draft.record({
    type: 'dap-sampled',
    roundId: round.id,
    probabilities,
    draws: sample.draws,
    fallback: sample.fallback,
  });
  return sample.speakers.map(({ peerId, p }) => ({
    peerId,
    reason: { kind: 'dap', probability: p, messageId },
    depth: 0,
    firstWave: true,
  }));
}
