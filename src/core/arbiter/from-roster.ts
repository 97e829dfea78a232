/**
 * Glue between the participant/transcript world and the arbiter's content-blind inputs.
 */
import { finishReply } from '../context/reply.ts';
import type { Roster } from '../domain/participants.ts';
import { parseMentions } from '../mentions/parse.ts';
import type { ArbiterPeer, TurnOutcome, TurnUsage } from './types.ts';

/** The arbiter's view of the seats: ids, mutes and DAP settings only. */
export function arbiterPeersFromRoster(roster: Roster): ArbiterPeer[] {
  return roster.peers.map((peer) => ({ id: peer.id, enabled: peer.enabled, dap: { ...peer.dap } }));
}

/** A finished reply, cleaned, with the outcome to report to the arbiter. */
export interface ReplyOutcome {
  /** The text to store (echoed attribution header stripped). */
  text: string;
  outcome: TurnOutcome;
}

/**
 * Turns a peer's finished reply into the arbiter's `turn-finished` outcome: strips an echoed header, recognises
 * PASS, and parses the reply's mentions with the speaker as author (so a self-mention is ignored).
 */
export function outcomeFromReply(
  reply: string,
  roster: Roster,
  peerId: string,
  messageId: string,
  usage: TurnUsage = {},
): ReplyOutcome {
  const { text, passed } = finishReply(reply, roster);
  if (passed) return { text, outcome: { status: 'passed', messageId, ...usage } };
  const { peerIds, all, mutedPeerIds } = parseMentions(text, roster, { authorId: peerId });
  return { text, outcome: { status: 'complete', messageId, mentions: { peerIds, all, mutedPeerIds }, ...usage } };
}
