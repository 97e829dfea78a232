/**
 * Peer mention chaining (profile §5.4): when a peer's reply mentions other peers, each mentioned peer that is
 * enabled, not the speaker and not already queued is appended one level deeper. Governance (depth, ping-pong,
 * budgets) is applied when the turn comes up, so limits changed meanwhile take effect at once.
 */
import type { StepDraft } from './draft.ts';
import { exceedsDepth } from '../governance/loop-guards.ts';
import { currentLimits, findArbiterPeer } from './policy.ts';
import { skipTurn } from './scheduler.ts';
import type { InFlightTurn, MentionInput, QueuedTurn, RoundState } from './types.ts';

/** The peers a reply addresses, in order: named ones first, then (for `@all`) everyone else from the speaker on. */
export function addressedPeers(draft: StepDraft, speakerId: string, mentions: MentionInput): string[] {
  const ids = [...mentions.peerIds, ...(mentions.mutedPeerIds ?? [])];
  if (mentions.all) {
    const seats = draft.state.peers.map((peer) => peer.id);
    const from = seats.indexOf(speakerId) + 1;
    ids.push(...seats.slice(from), ...seats.slice(0, from));
  }
  return [...new Set(ids)].filter((id) => id !== speakerId);
}

/**
 * Appends the turns a completed reply asks for. A mention that is already too deep is recorded as skipped at once,
 * so the audit trail says why the chain stopped where it did.
 */
export function enqueueMentionedPeers(
  draft: StepDraft,
  round: RoundState,
  turn: InFlightTurn,
  messageId: string,
  mentions: MentionInput,
): void {
  const depth = turn.depth + 1;
  const tooDeep = exceedsDepth(depth, currentLimits(draft.state));
  const recipients: string[] = [];
  for (const peerId of addressedPeers(draft, turn.peerId, mentions)) {
    const peer = findArbiterPeer(draft.state, peerId);
    if (peer === undefined || round.queue.some((queued) => queued.peerId === peerId)) continue;
    const item: QueuedTurn = {
      peerId,
      reason: { kind: 'peer-mention', messageId, askedBy: turn.peerId },
      depth,
      firstWave: false,
      ...(mentions.all ? { broadcastMessageId: messageId } : {}),
    };
    if (!peer.enabled) {
      skipTurn(draft, round, item, 'muted');
    } else if (tooDeep) {
      skipTurn(draft, round, item, 'depth-limit');
      round.limitHit = 'depth-limit';
    } else {
      round.queue.push(item);
      recipients.push(peerId);
    }
  }
  if (mentions.all && recipients.length > 0) {
    draft.record({ type: 'broadcast-sent', roundId: round.id, messageId, senderId: turn.peerId, recipients });
  }
}
