/**
 * The council round in the room's projection: what a council reply contributes (its short answer, or its vote read
 * against the very review sheet its reviewer was sent), and the notice its tally adds to the transcript.
 */
import type { CouncilRoundState, CouncilContribution } from '../council/round.ts';
import { councilRequestProblem, readAnswer, type CouncilRequest } from '../council/round.ts';
import { readVote, reviewSheets, type CouncilAnswer, type ReviewSheet } from '../council/council.ts';
import type { CoreEvent } from '../events/types.ts';
import type { RoomProjection } from './projection.ts';
import type { RoomData, TranscriptMessage } from './types.ts';
import { withMessage } from './path-edits.ts';
import { parentOf } from './versions.ts';

/** The seed of a council's review order: the room's seed and the message it answers. */
export function councilSeed(room: Pick<RoomData, 'seed'>, messageId: string): string {
  return `${room.seed}:${messageId}`;
}

/** The council of the current round when it answers `messageId`. */
export function councilOf(state: Pick<RoomProjection, 'arbiter'>, messageId: string): CouncilRoundState | undefined {
  const council = state.arbiter.round?.council;
  return council?.messageId === messageId ? council : undefined;
}

/** The council's first answers with their text, in the order they finished. */
export function councilAnswers(
  state: Pick<RoomProjection, 'messages'>,
  council: Pick<CouncilRoundState, 'answers'>,
): CouncilAnswer[] {
  return council.answers.map((answer) => ({
    peerId: answer.peerId,
    text: state.messages[answer.messageId]?.text ?? '',
  }));
}

/** What `reviewerId` is shown in the council's review stage. */
export function councilSheet(
  state: Pick<RoomProjection, 'messages' | 'seed'>,
  council: CouncilRoundState,
  reviewerId: string,
): ReviewSheet | undefined {
  const sheets = reviewSheets(councilAnswers(state, council), councilSeed(state, council.messageId));
  return sheets.find((sheet) => sheet.reviewerId === reviewerId);
}

/** A finished council reply's answer or vote, for the arbiter. */
export function councilContribution(
  state: RoomProjection,
  message: TranscriptMessage,
): { council: CouncilContribution } | Record<string, never> {
  const reason = message.reason;
  if (reason?.kind !== 'council') return {};
  if (reason.stage === 'answer') return { council: { answer: readAnswer(message.text) } };
  const council = councilOf(state, reason.messageId);
  if (reason.stage !== 'review' || council === undefined) return {};
  const sheet = councilSheet(state, council, message.authorId);
  return sheet ? { council: { vote: readVote(message.text, sheet) } } : {};
}

/** Why `council` cannot be the room's default (its synthesizer is not at the table), or null. */
export function councilDefaultProblem(state: Pick<RoomData, 'peers'>, council: CouncilRequest | null): string | null {
  if (council === null) return null;
  return councilRequestProblem(
    council,
    state.peers.map((peer) => peer.id),
  );
}

/** A synthesizer who left the table no longer writes the room's default synthesis. */
export function withoutLeftSynthesizer(state: RoomProjection): RoomProjection {
  const council = state.councilDefault;
  if (!council?.synthesizerId || state.peers.some((peer) => peer.id === council.synthesizerId)) return state;
  return { ...state, councilDefault: { strategy: council.strategy } };
}

/** Adds a notice to the transcript for each council tally among `events`. */
export function withCouncilNotices(state: RoomProjection, events: readonly CoreEvent[]): RoomProjection {
  let next = state;
  for (const event of events) {
    if (event.type !== 'council-tallied') continue;
    const { lamport: _lamport, at, type: _type, ...note } = event;
    const message: TranscriptMessage = {
      id: `${event.messageId}-council-${event.roundId}`,
      kind: 'notice',
      authorId: '',
      text: councilNoticeText(next, note),
      status: 'complete',
      modeId: next.modeId,
      roundId: event.roundId,
      createdAt: at,
      council: note,
      ...parentOf(next.messageIds),
    };
    next = withMessage(next, message);
  }
  return next;
}

/** How much support the consensus had: "2 of 3 votes" (council) or "2 of 3 answers" (majority vote). */
export function councilSupport(note: NonNullable<TranscriptMessage['council']>): string {
  if (note.strategy === 'vote') return `${note.consensus.length} of ${note.answered} answers`;
  const total = Object.values(note.votes).reduce((sum, count) => sum + count, 0);
  return `${note.votes[note.consensus[0] ?? ''] ?? 0} of ${total} votes`;
}

/** The notice's words: the consensus, then each dissent with its reason. */
export function councilNoticeText(
  room: Pick<RoomData, 'peers'>,
  note: NonNullable<TranscriptMessage['council']>,
): string {
  const name = (peerId: string) => room.peers.find((peer) => peer.id === peerId)?.displayName ?? peerId;
  const heading = note.strategy === 'council' ? 'Council result' : 'Majority vote';
  const lines = [`**${heading}** (${note.answered} ${note.answered === 1 ? 'answer' : 'answers'})`];
  if (note.consensus.length === 0) lines.push('', 'No consensus: no vote was counted.');
  else {
    const who = note.consensus.map(name).join(', ');
    const support = councilSupport(note);
    const answer = note.answer ? `: ${note.answer}` : '';
    lines.push('', `Consensus (${support}) — ${who}${answer}`);
  }
  if (note.dissent.length > 0) {
    lines.push('', 'Dissent:');
    for (const dissent of note.dissent)
      lines.push(`- ${name(dissent.peerId)} — ${dissent.reason || 'no reason given'}`);
  }
  return lines.join('\n');
}
