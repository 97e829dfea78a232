/**
 * Cleaning up a finished reply before it is stored: strip an echoed attribution header and recognise PASS.
 */
import type { Roster } from '../domain/participants.ts';
import { HUMAN_WORDS } from '../mentions/grammar.ts';
import { stripEchoedAttribution } from './attribution.ts';

/** The handles a reply may echo at its start: every participant's handle, plus `you` and `human`. */
export function knownHandles(roster: Roster): string[] {
  return [roster.human.handle, ...HUMAN_WORDS, ...roster.peers.map((peer) => peer.handle)];
}

/** True when a reply means PASS: the word alone, any case, optionally bold or with final punctuation. */
export function isPassReply(reply: string): boolean {
  return /^\s*(\*\*)?PASS(\*\*)?[.!]?\s*$/i.test(reply);
}

/** A reply ready to be stored. */
export interface FinishedReply {
  /** The text without an echoed attribution header. */
  text: string;
  /** The peer answered PASS (store with status `passed`). */
  passed: boolean;
}

/** Strips an echoed header from a finished reply and tells whether it is a PASS. */
export function finishReply(reply: string, roster: Roster): FinishedReply {
  const text = stripEchoedAttribution(reply, knownHandles(roster));
  return { text, passed: isPassReply(text) };
}
