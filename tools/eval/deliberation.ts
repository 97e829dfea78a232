/**
 * The stages after the independent answers: reading an answer from a reply, the plain vote, the council's reviews
 * and the debate's rounds (see run.ts for what each strategy is).
 */
import { debatePrompt, readVote, reviewPrompt, reviewSheets, tallyVotes } from '../../src/core/index.ts';
import { ANSWER_INSTRUCTION, extractAnswer, isCorrect, kindOf, normalizeAnswer, type Question } from './answers.ts';
import type { Ask, CouncilRecord, DebateRecord, EvalPeer, PeerAnswer, Reply } from './types.ts';

/** Rounds of revision after the independent answers (Du et al. found two rounds of three agents enough). */
export const DEFAULT_DEBATE_ROUNDS = 2;

/** A reply with the answer read from it (none from a failed reply) and whether that answer is right. */
export function answerOf(reply: Reply, peer: EvalPeer, question: Question): PeerAnswer {
  const extracted = reply.error === undefined ? extractAnswer(reply.text, kindOf(question)) : null;
  return { ...reply, peerId: peer.id, extracted, correct: isCorrect(question, extracted) };
}

/** The plurality answer among the peers' (in seat order); null when nobody gave one. */
export function majority(answers: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const answer of answers) if (answer !== null) counts.set(answer, (counts.get(answer) ?? 0) + 1);
  let best: string | null = null;
  for (const [answer, count] of counts) if (best === null || count > counts.get(best)!) best = answer;
  return best;
}

/** The vote of these answers, each written the same way first. */
export function voteOf(answers: readonly PeerAnswer[], question: Question): string | null {
  const kind = kindOf(question);
  return majority(answers.map((answer) => answer.extracted && normalizeAnswer(answer.extracted, kind)));
}

/** The longest of these replies' latencies (they ran at once), 0 for none. */
export const slowest = (replies: readonly Reply[]) => Math.max(0, ...replies.map((reply) => reply.latencyMs));

/** The answers as the others are shown them: a failed reply as "(no answer)". */
const shown = (answers: readonly PeerAnswer[]) =>
  answers.map((answer) => ({ peerId: answer.peerId, text: answer.error === undefined ? answer.text : '(no answer)' }));

/** The council on one question: each peer reviews the others' answers and votes; the most-voted answer wins. */
export async function runCouncil(
  question: Question,
  peers: readonly EvalPeer[],
  answers: readonly PeerAnswer[],
  fallback: string | null,
  ask: Ask,
  seed: string,
): Promise<CouncilRecord> {
  const sheets = reviewSheets(shown(answers), seed);
  const reviews = await Promise.all(
    sheets.map((sheet, seat) => ask(peers[seat]!, reviewPrompt(question.question, sheet))),
  );
  const votes = reviews.map((review, seat) =>
    review.error === undefined
      ? readVote(review.text, sheets[seat]!)
      : { reviewerId: sheets[seat]!.reviewerId, votedFor: null, reason: '' },
  );
  const outcome = tallyVotes(
    votes,
    peers.map((peer) => peer.id),
  );
  const winning = answers.find((answer) => answer.peerId === outcome.winner);
  const answer = winning ? winning.extracted && normalizeAnswer(winning.extracted, kindOf(question)) : fallback;
  return { ...outcome, reviews, answer };
}

/** The debate on one question: each round, every peer answers again having seen the others' latest answers. */
export async function runDebate(
  question: Question,
  peers: readonly EvalPeer[],
  first: readonly PeerAnswer[],
  ask: Ask,
  seed: string,
  roundCount = DEFAULT_DEBATE_ROUNDS,
): Promise<DebateRecord> {
  const rounds: PeerAnswer[][] = [];
  let latest: readonly PeerAnswer[] = first;
  for (let round = 1; round <= roundCount; round++) {
    const sheets = reviewSheets(shown(latest), `${seed}:debate:${round}`);
    const replies = await Promise.all(
      sheets.map((sheet, seat) => ask(peers[seat]!, debatePrompt(question.question, sheet, ANSWER_INSTRUCTION))),
    );
    const next = replies.map((reply, seat) => answerOf(reply, peers[seat]!, question));
    rounds.push(next);
    latest = next;
  }
  return { rounds, answer: voteOf(latest, question) };
}
