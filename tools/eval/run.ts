/**
 * The evaluation run: every question to every peer on its own (the independent answers), then each strategy's
 * verdict from them, with tokens, cost and latency. Pure over `ask`, so tests and the CLI share it.
 *
 * - `single`: each peer alone, one row per peer.
 * - `vote`: the plain majority of the independent answers (the most frequent answer; a tie goes to the answer of
 *   the earliest seat among the tied). Its cost is every peer's answer; its latency the slowest peer's.
 * - `council`: then each peer reviews the others' answers, anonymised and shuffled per reviewer from the seed
 *   (src/core/council), and votes for the best; the most-voted answer is the council's (the vote's when no vote
 *   could be read). Its cost is both stages; its latency the slowest of each.
 *
 * Questions go one at a time, the peers of a question at once.
 */
import { readVote, reviewPrompt, reviewSheets, tallyVotes, type CouncilOutcome } from '../../src/core/index.ts';
import { ANSWER_INSTRUCTION, extractAnswer, isCorrect, kindOf, normalizeAnswer, type Question } from './answers.ts';
import { median, wilsonInterval } from './stats.ts';

export const STRATEGIES = ['single', 'vote', 'council', 'debate'] as const;
export type StrategyName = (typeof STRATEGIES)[number];
/** The strategies this harness can run now. */
export const AVAILABLE_STRATEGIES: readonly StrategyName[] = ['single', 'vote', 'council'];

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

export interface StrategyRow {
  strategy: StrategyName;
  /** "single: Alpha", "vote". */
  label: string;
  peerId?: string;
  correct: number;
  total: number;
  accuracy: number;
  interval: { low: number; high: number };
  inputTokens: number;
  outputTokens: number;
  /** Null when a price was unknown for any reply counted. */
  costUsd: number | null;
  medianLatencyMs: number | null;
  /** Replies that failed (counted as wrong). */
  failed: number;
}

export interface EvalResults {
  format: 'peerchat.eval';
  version: 1;
  startedAt: string;
  peers: EvalPeer[];
  questions: number;
  strategies: StrategyRow[];
  /** Per question: each peer's answer, and what the vote decided. */
  answers: {
    questionId: string;
    expected: string;
    peers: PeerAnswer[];
    vote: string | null;
    council?: CouncilRecord;
  }[];
}

/** What the council did on one question: each review, the tally, and the answer it gave. */
export interface CouncilRecord extends CouncilOutcome {
  reviews: Reply[];
  answer: string | null;
}

export interface Progress {
  done: number;
  total: number;
  questionId: string;
}

/** The plurality answer among the peers' (in seat order); null when nobody gave one. */
export function majority(answers: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const answer of answers) if (answer !== null) counts.set(answer, (counts.get(answer) ?? 0) + 1);
  let best: string | null = null;
  for (const [answer, count] of counts) if (best === null || count > counts.get(best)!) best = answer;
  return best;
}

const sumCost = (costs: readonly (number | null)[]) =>
  costs.some((cost) => cost === null) ? null : costs.reduce<number>((sum, cost) => sum + cost!, 0);

function row(
  strategy: StrategyName,
  label: string,
  outcomes: { correct: boolean; replies: Reply[]; latencyMs: number }[],
  peerId?: string,
): StrategyRow {
  const correct = outcomes.filter((outcome) => outcome.correct).length;
  const replies = outcomes.flatMap((outcome) => outcome.replies);
  return {
    strategy,
    label,
    ...(peerId !== undefined ? { peerId } : {}),
    correct,
    total: outcomes.length,
    accuracy: outcomes.length === 0 ? 0 : correct / outcomes.length,
    interval: wilsonInterval(correct, outcomes.length),
    inputTokens: replies.reduce((sum, reply) => sum + reply.inputTokens, 0),
    outputTokens: replies.reduce((sum, reply) => sum + reply.outputTokens, 0),
    costUsd: sumCost(replies.map((reply) => reply.costUsd)),
    medianLatencyMs: median(outcomes.map((outcome) => outcome.latencyMs)),
    failed: replies.filter((reply) => reply.error !== undefined).length,
  };
}

export async function runEvaluation(options: {
  peers: readonly EvalPeer[];
  questions: readonly Question[];
  strategies: readonly StrategyName[];
  ask: Ask;
  onProgress?: (progress: Progress) => void;
  now?: () => Date;
  /** Orders the council's anonymised answers (the room's seed). */
  seed?: number;
}): Promise<EvalResults> {
  const { peers, questions, strategies, ask } = options;
  const unavailable = strategies.filter((strategy) => !AVAILABLE_STRATEGIES.includes(strategy));
  if (unavailable.length > 0) throw new Error(`Not available yet: ${unavailable.join(', ')}.`);
  const startedAt = (options.now?.() ?? new Date()).toISOString();
  const answers: EvalResults['answers'] = [];
  for (const [index, question] of questions.entries()) {
    const kind = kindOf(question);
    const replies = await Promise.all(peers.map((peer) => ask(peer, `${question.question}\n\n${ANSWER_INSTRUCTION}`)));
    const peerAnswers = replies.map((reply, seat): PeerAnswer => {
      const extracted = reply.error === undefined ? extractAnswer(reply.text, kind) : null;
      return { ...reply, peerId: peers[seat]!.id, extracted, correct: isCorrect(question, extracted) };
    });
    const normalized = peerAnswers.map((answer) =>
      answer.extracted === null ? null : normalizeAnswer(answer.extracted, kind),
    );
    const vote = majority(normalized);
    const council = strategies.includes('council')
      ? await runCouncil(question, peers, peerAnswers, vote, ask, `${options.seed ?? 0}:${question.id}`)
      : undefined;
    answers.push({
      questionId: question.id,
      expected: question.answer,
      peers: peerAnswers,
      vote,
      ...(council ? { council } : {}),
    });
    options.onProgress?.({ done: index + 1, total: questions.length, questionId: question.id });
  }

  const rows: StrategyRow[] = [];
  if (strategies.includes('single'))
    for (const peer of peers) {
      const outcomes = answers.map((entry) => {
        const answer = entry.peers.find((candidate) => candidate.peerId === peer.id)!;
        return { correct: answer.correct, replies: [answer], latencyMs: answer.latencyMs };
      });
      rows.push(row('single', `single: ${peer.name}`, outcomes, peer.id));
    }
  if (strategies.includes('vote')) {
    const outcomes = answers.map((entry, index) => ({
      correct: isCorrect(questions[index]!, entry.vote),
      replies: entry.peers,
      latencyMs: Math.max(...entry.peers.map((answer) => answer.latencyMs)),
    }));
    rows.push(row('vote', 'vote', outcomes));
  }
  if (strategies.includes('council')) {
    const slowest = (replies: readonly Reply[]) => Math.max(0, ...replies.map((reply) => reply.latencyMs));
    const outcomes = answers.map((entry, index) => ({
      correct: isCorrect(questions[index]!, entry.council!.answer),
      replies: [...entry.peers, ...entry.council!.reviews],
      latencyMs: slowest(entry.peers) + slowest(entry.council!.reviews),
    }));
    rows.push(row('council', 'council', outcomes));
  }
  return {
    format: 'peerchat.eval',
    version: 1,
    startedAt,
    peers: [...peers],
    questions: questions.length,
    strategies: rows,
    answers,
  };
}

/** The council on one question: each peer reviews the others' answers and votes; the most-voted answer wins. */
async function runCouncil(
  question: Question,
  peers: readonly EvalPeer[],
  answers: readonly PeerAnswer[],
  fallback: string | null,
  ask: Ask,
  seed: string,
): Promise<CouncilRecord> {
  const sheets = reviewSheets(
    answers.map((answer) => ({
      peerId: answer.peerId,
      text: answer.error === undefined ? answer.text : '(no answer)',
    })),
    seed,
  );
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
