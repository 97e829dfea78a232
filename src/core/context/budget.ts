/**
 * How many tokens of a peer's context window the shared history may use, and how full the window is.
 */
import type { PeerParticipant } from '../domain/participants.ts';

/** Output tokens kept free in a seat's window when the seat sets no output limit. */
export const RESERVED_OUTPUT_TOKENS = 1024;

/** Share of the window kept free because the token estimate is rough (it undercounts e.g. CJK text). */
export const ESTIMATE_SAFETY_MARGIN = 0.1;

/**
 * The history budget of a seat: window minus the safety margin, the reserved output and the system allowance.
 * `systemAllowance` is the same for every peer of a room (the largest system prompt), so peers with the same window
 * and output limit get the same budget and therefore the same cut.
 */
export function historyBudget(peer: PeerParticipant, systemAllowance: number): number {
  const window = peer.settings.contextWindow;
  const output = peer.settings.maxOutputTokens ?? RESERVED_OUTPUT_TOKENS;
  return Math.max(0, Math.floor(window * (1 - ESTIMATE_SAFETY_MARGIN)) - output - systemAllowance);
}

/** How full a peer's context is, for the UI meter. */
export interface ContextFill {
  peerId: string;
  /** Estimated tokens of the system prompt plus the history sent. */
  usedTokens: number;
  windowTokens: number;
  /** usedTokens / windowTokens, in [0, 1] unless the newest turns alone overflow. */
  ratio: number;
  /** Messages left out by the budget cut. */
  omittedMessages: number;
}

/** Builds the fill figure of a peer. */
export function contextFill(peer: PeerParticipant, usedTokens: number, omittedMessages: number): ContextFill {
  const windowTokens = peer.settings.contextWindow;
  return {
    peerId: peer.id,
    usedTokens,
    windowTokens,
    ratio: windowTokens > 0 ? usedTokens / windowTokens : 1,
    omittedMessages,
  };
}
