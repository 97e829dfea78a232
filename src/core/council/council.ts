/**
 * The council's pure rules, shared by the evaluation harness and (to come) the council round in the room: after
 * every peer has answered on its own, each peer reviews the others' answers, anonymised as "Response A", "Response
 * B"… in an order shuffled per reviewer from the room's seed (so no position favours anyone, and a rerun is the
 * same), and votes for the best one; the most-voted answer is the council's, and whoever voted otherwise dissents.
 */
import { seedRng, shuffle } from '../rng/prng.ts';

/** One peer's first answer, as the council sees it. */
export interface CouncilAnswer {
  peerId: string;
  text: string;
}

/** What one reviewer is shown: the others' answers, each under its label. */
export interface ReviewSheet {
  reviewerId: string;
  responses: { label: string; peerId: string; text: string }[];
}

export interface CouncilVote {
  reviewerId: string;
  /** The peer whose answer the reviewer voted for; null when the vote could not be read. */
  votedFor: string | null;
  /** The reviewer's reason, in one line. */
  reason: string;
}

export interface CouncilOutcome {
  /** The most-voted peer (a tie goes to the earliest seat among the tied); null when no vote was read. */
  winner: string | null;
  votes: Record<string, number>;
  /** Who voted for another answer than the winner's, with their reason. */
  dissent: CouncilVote[];
}

const label = (index: number) => `Response ${String.fromCharCode(65 + index)}`;

/** Each reviewer's sheet: every other answer, in an order drawn for that reviewer from `seed`. */
export function reviewSheets(answers: readonly CouncilAnswer[], seed: number | string): ReviewSheet[] {
  return answers.map((reviewer) => {
    const others = answers.filter((answer) => answer.peerId !== reviewer.peerId);
    const { value: order } = shuffle(seedRng(`${seed}:${reviewer.peerId}`), others);
    return {
      reviewerId: reviewer.peerId,
      responses: order.map((answer, index) => ({ label: label(index), peerId: answer.peerId, text: answer.text })),
    };
  });
}

/** The review request: the question, the anonymised answers, and how to vote. */
export function reviewPrompt(question: string, sheet: ReviewSheet): string {
  const responses = sheet.responses.map((response) => `${response.label}:\n${response.text.trim()}`).join('\n\n');
  const labels = sheet.responses.map((response) => response.label).join(', ');
  return [
    `Question: ${question}`,
    '',
    'Other peers answered it on their own. Their answers, anonymised:',
    '',
    responses,
    '',
    `Check each answer. Then say which one is best (${labels}), even if you answered differently yourself:`,
    'on the second-to-last line your reason in one sentence, as "Reason: <reason>",',
    'and on the last line your vote, as "Vote: Response <letter>".',
  ].join('\n');
}

/**
 * A debate round's request (Du et al., 2023): the others' latest answers, anonymised as for the council, to weigh
 * before answering again. `instruction` says how to give the final answer.
 */
export function debatePrompt(question: string, sheet: ReviewSheet, instruction: string): string {
  const responses = sheet.responses.map((response) => `${response.label}:\n${response.text.trim()}`).join('\n\n');
  return [
    `Question: ${question}`,
    '',
    'Other peers answered it too. Their latest answers, anonymised:',
    '',
    responses,
    '',
    'Weigh their reasoning against yours; keep your answer or change it, as the working shows.',
    instruction,
  ].join('\n');
}

/** Reads a reviewer's vote and reason from its reply. */
export function readVote(reply: string, sheet: ReviewSheet): CouncilVote {
  const letter = [...reply.matchAll(/vote\s*[:=]\s*(?:response\s*)?\(?([A-Z])\b/gi)].at(-1)?.[1]?.toUpperCase();
  const chosen = sheet.responses.find((response) => response.label === `Response ${letter ?? ''}`);
  const reason = [...reply.matchAll(/reason\s*[:=]\s*(.+)/gi)].at(-1)?.[1]?.trim() ?? '';
  return { reviewerId: sheet.reviewerId, votedFor: chosen?.peerId ?? null, reason: reason.slice(0, 300) };
}

/** Counts the votes; `seatOrder` breaks ties. */
export function tallyVotes(votes: readonly CouncilVote[], seatOrder: readonly string[]): CouncilOutcome {
  const counts: Record<string, number> = {};
  for (const vote of votes) if (vote.votedFor !== null) counts[vote.votedFor] = (counts[vote.votedFor] ?? 0) + 1;
  let winner: string | null = null;
  for (const peerId of seatOrder)
    if ((counts[peerId] ?? 0) > 0 && (winner === null || counts[peerId]! > counts[winner]!)) winner = peerId;
  const dissent = winner === null ? [] : votes.filter((vote) => vote.votedFor !== null && vote.votedFor !== winner);
  return { winner, votes: counts, dissent };
}
