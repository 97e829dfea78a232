/**
 * The council round in the room: what the human asks for (a strategy), what the arbiter keeps of it (text-free but
 * for each peer's short answer and each reviewer's vote), and the tally. The room reducer reads answers and votes
 * from the replies (as it reads mentions) and hands them to the arbiter, which decides the stages and records the
 * tally, so a replay gives the same result.
 */
import type { CouncilStage } from '../domain/messages.ts';
import { tallyVotes, type CouncilVote } from './council.ts';

/**
 * `vote`: every peer answers on its own; the answer most peers gave wins (the cheapest strategy).
 * `council`: then each peer reviews the others' anonymised answers and votes; the most-voted answer wins.
 */
export type CouncilStrategy = 'vote' | 'council';

export const COUNCIL_STRATEGIES: readonly CouncilStrategy[] = ['vote', 'council'];

/** A council round as the human asks for it (on a message, or as the room's default). */
export interface CouncilRequest {
  strategy: CouncilStrategy;
  /** A peer who writes a synthesis of the answers, the tally and the dissent once the vote is in. */
  synthesizerId?: string;
}

/** Why `value` is not a council request of this room, or null. */
export function councilRequestProblem(value: unknown, peerIds: readonly string[]): string | null {
  if (typeof value !== 'object' || value === null) return 'A council request must be an object.';
  const request = value as Record<string, unknown>;
  for (const key of Object.keys(request))
    if (key !== 'strategy' && key !== 'synthesizerId') return `A council request has no field "${key}".`;
  if (!COUNCIL_STRATEGIES.includes(request.strategy as CouncilStrategy))
    return `A council's strategy is "vote" or "council", not ${JSON.stringify(request.strategy)}.`;
  if (request.synthesizerId !== undefined && !peerIds.includes(request.synthesizerId as string))
    return `The synthesis must be written by a peer of the room; ${JSON.stringify(request.synthesizerId)} is not one.`;
  return null;
}

/** One peer's first answer as the arbiter keeps it: its message, and the short answer read from it. */
export interface CouncilAnswerRecord {
  peerId: string;
  messageId: string;
  answer: string;
}

/** What the arbiter keeps of a council round. */
export interface CouncilRoundState {
  strategy: CouncilStrategy;
  /** The human message the council answers. */
  messageId: string;
  stage: CouncilStage;
  synthesizerId: string | null;
  /** Complete first answers, in the order they finished (the review sheets are drawn from this order). */
  answers: CouncilAnswerRecord[];
  votes: CouncilVote[];
  tallied: boolean;
}

/** What a finished council turn contributes, read from its reply by the room reducer. */
export type CouncilContribution = { answer: string } | { vote: CouncilVote };

/** The tally, as recorded in the audit log (`council-tallied`) and shown. */
export interface CouncilTally {
  strategy: CouncilStrategy;
  /** The peers whose answer is the council's: the most-voted answer's author, or every peer of the majority. */
  consensus: string[];
  /** The short answer of the consensus, when one was read. */
  answer: string | null;
  /** `council`: votes each peer's answer received; `vote`: how many peers gave each peer's answer. */
  votes: Record<string, number>;
  /** Who did not side with the consensus, with their reason in one line. */
  dissent: { peerId: string; reason: string }[];
  /** How many peers answered. */
  answered: number;
}

const ANSWER_LINE = /\banswer[*_\s]*[:：][*_\s]*(.+)$/gim;
const MAX_ANSWER = 200;

/** The short answer of a reply: its last "Answer: …" line, else its last non-empty line. */
export function readAnswer(reply: string): string {
  const marked = [...reply.matchAll(ANSWER_LINE)].at(-1)?.[1];
  const line = marked ?? reply.split('\n').findLast((candidate) => candidate.trim() !== '') ?? '';
  return line
    .replace(/[*_`]+/g, '')
    .trim()
    .replace(/[.,;!]+$/, '')
    .slice(0, MAX_ANSWER);
}

/** Two answers are the same when their keys are: case, spacing, end punctuation and digit grouping aside. */
export function answerKey(answer: string): string {
  return answer
    .toLowerCase()
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/[\s.!?;:,]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The tally of a council round so far; `seatOrder` breaks ties (the earliest seat's answer wins). */
export function tallyCouncil(council: CouncilRoundState, seatOrder: readonly string[]): CouncilTally {
  const answered = council.answers.length;
  if (council.strategy === 'council') {
    const outcome = tallyVotes(council.votes, seatOrder);
    const winner = outcome.winner;
    return {
      strategy: 'council',
      consensus: winner === null ? [] : [winner],
      answer: council.answers.find((answer) => answer.peerId === winner)?.answer ?? null,
      votes: outcome.votes,
      dissent: outcome.dissent.map((vote) => ({ peerId: vote.reviewerId, reason: oneLine(vote.reason) })),
      answered,
    };
  }
  const groups = new Map<string, CouncilAnswerRecord[]>();
  for (const record of council.answers) {
    const key = answerKey(record.answer);
    if (key === '') continue;
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  const rank = (peerId: string) => {
    const index = seatOrder.indexOf(peerId);
    return index < 0 ? seatOrder.length : index;
  };
  const earliest = (group: CouncilAnswerRecord[]) => Math.min(...group.map((record) => rank(record.peerId)));
  let winning: CouncilAnswerRecord[] = [];
  for (const group of groups.values())
    if (
      group.length > winning.length ||
      (group.length === winning.length && winning.length > 0 && earliest(group) < earliest(winning))
    )
      winning = group;
  const votes: Record<string, number> = {};
  for (const group of groups.values()) for (const record of group) votes[record.peerId] = group.length;
  const consensus = new Set(winning.map((record) => record.peerId));
  return {
    strategy: 'vote',
    consensus: [...consensus],
    answer: winning[0]?.answer ?? null,
    votes,
    dissent: council.answers
      .filter((record) => !consensus.has(record.peerId))
      .map((record) => ({ peerId: record.peerId, reason: oneLine(`answered: ${record.answer || '(no answer)'}`) })),
    answered,
  };
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
