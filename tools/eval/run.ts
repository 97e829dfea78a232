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
 * - `debate` (Du et al., 2023): then each peer sees the others' answers, anonymised the same way, and answers again,
 *   for `debateRounds` rounds; the debate's answer is the vote of the last round's answers.
 *
 * Questions go one at a time, the peers of a question at once.
 */
import { ANSWER_INSTRUCTION, isCorrect, type Question } from './answers.ts';
import { answerOf, runCouncil, runDebate, slowest, voteOf } from './deliberation.ts';
import type { Ask, EvalPeer, PeerAnswer, Reply, CouncilRecord, DebateRecord } from './types.ts';
import { median, wilsonInterval } from './stats.ts';

export const STRATEGIES = ['single', 'vote', 'council', 'debate'] as const;
export type StrategyName = (typeof STRATEGIES)[number];
export type { Ask, EvalPeer, PeerAnswer, Reply } from './types.ts';
/** Rounds of revision after the independent answers (Du et al. found two rounds of three agents enough). */

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
    debate?: DebateRecord;
  }[];
}

export interface Progress {
  done: number;
  total: number;
  questionId: string;
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
  /** Orders the council's and the debate's anonymised answers (the room's seed). */
  seed?: number;
  debateRounds?: number;
}): Promise<EvalResults> {
  const { peers, questions, strategies, ask } = options;
  const startedAt = (options.now?.() ?? new Date()).toISOString();
  const answers: EvalResults['answers'] = [];
  for (const [index, question] of questions.entries()) {
    const replies = await Promise.all(peers.map((peer) => ask(peer, `${question.question}\n\n${ANSWER_INSTRUCTION}`)));
    const peerAnswers = replies.map((reply, seat) => answerOf(reply, peers[seat]!, question));
    const vote = voteOf(peerAnswers, question);
    const council = strategies.includes('council')
      ? await runCouncil(question, peers, peerAnswers, vote, ask, `${options.seed ?? 0}:${question.id}`)
      : undefined;
    const debate = strategies.includes('debate')
      ? await runDebate(question, peers, peerAnswers, ask, `${options.seed ?? 0}:${question.id}`, options.debateRounds)
      : undefined;
    answers.push({
      questionId: question.id,
      expected: question.answer,
      peers: peerAnswers,
      vote,
      ...(council ? { council } : {}),
      ...(debate ? { debate } : {}),
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
      latencyMs: slowest(entry.peers),
    }));
    rows.push(row('vote', 'vote', outcomes));
  }
  if (strategies.includes('council')) {
    const outcomes = answers.map((entry, index) => ({
      correct: isCorrect(questions[index]!, entry.council!.answer),
      replies: [...entry.peers, ...entry.council!.reviews],
      latencyMs: slowest(entry.peers) + slowest(entry.council!.reviews),
    }));
    rows.push(row('council', 'council', outcomes));
  }
  if (strategies.includes('debate')) {
    const outcomes = answers.map((entry, index) => {
      const rounds = [entry.peers, ...entry.debate!.rounds];
      return {
        correct: isCorrect(questions[index]!, entry.debate!.answer),
        replies: rounds.flat(),
        latencyMs: rounds.reduce((sum, round) => sum + slowest(round), 0),
      };
    });
    rows.push(row('debate', 'debate', outcomes));
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
