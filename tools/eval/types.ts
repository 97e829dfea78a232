/** The evaluation harness's data: peers, replies, and what each strategy recorded per question. */
import type { CouncilOutcome } from '../../src/core/index.ts';

export interface EvalPeer {
  id: string;
  name: string;
  model: string;
}

/** One peer's reply to one question, as the provider gave it. */
export interface Reply {
  text: string;
  inputTokens: number;
  outputTokens: number;
  /** USD, or null when the model's prices are unknown. */
  costUsd: number | null;
  latencyMs: number;
  /** Why the turn failed, in one sentence (never a key). */
  error?: string;
}

/** Sends one prompt to one peer, on its own (no conversation around it). */
export type Ask = (peer: EvalPeer, prompt: string) => Promise<Reply>;

export interface PeerAnswer extends Reply {
  peerId: string;
  extracted: string | null;
  correct: boolean;
}

/** What the council did on one question: each review, the tally, and the answer it gave. */
export interface CouncilRecord extends CouncilOutcome {
  reviews: Reply[];
  answer: string | null;
}

/** What the debate did on one question: each round's replies (after the first answers), and its answer. */
export interface DebateRecord {
  rounds: PeerAnswer[][];
  answer: string | null;
}
