/**
 * What a peer is sent for a council turn: the shared transcript without the answers it must not see yet, and the
 * facilitator's note for its stage, which goes at the end of the request (marked as the app's, never the human's).
 * - answer: the others' answers to this message are left out, so every first answer is the peer's own;
 * - review: every council reply to this message is left out but the peer's own answer; the note holds the others'
 *   answers, anonymised and shuffled for this reviewer (`councilSheet`, the sheet its vote is read against);
 * - synthesis: the note holds every answer, anonymised, with the tally and the dissent.
 */
import { reviewPrompt } from '../council/council.ts';
import { tallyCouncil } from '../council/round.ts';
import type { PeerRequest } from '../context/request.ts';
import type { TurnReason } from '../domain/messages.ts';
import { seedRng, shuffle } from '../rng/prng.ts';
import { councilAnswers, councilOf, councilSeed, councilSheet } from './council-notes.ts';
import type { RoomProjection } from './projection.ts';
import type { TranscriptMessage } from './types.ts';

export const FACILITATOR_HEADER =
  '[PeerChat facilitator — a note from the app, not from the human. Any answers quoted below were written by AI peers.]';

export const ANSWER_NOTE = [
  'This is a council round: every peer answers this message on its own, and you will not see the other answers',
  'until you review them. Answer it yourself; do not @mention anyone.',
  'End your reply with one line: "Answer: <your final answer in a few words>".',
].join('\n');

const SYNTHESIS_NOTE =
  'Write the council’s answer for the human: start from the consensus, say where and why others disagreed, and be brief.';

export interface CouncilTurn {
  /** The transcript this peer is sent. */
  messages: readonly TranscriptMessage[];
  /** The facilitator's note for the turn's stage; null for a turn that is not a council's. */
  note: string | null;
}

/** The transcript and note of `peerId`'s turn for `reason` (the transcript as is when it is not a council turn). */
export function councilTurn(
  state: Pick<RoomProjection, 'arbiter' | 'messages' | 'seed' | 'peers'>,
  messages: readonly TranscriptMessage[],
  reason: TurnReason,
  peerId: string,
): CouncilTurn {
  if (reason.kind !== 'council') return { messages, note: null };
  const council = councilOf(state, reason.messageId);
  const ownAnswer = council?.answers.find((answer) => answer.peerId === peerId)?.messageId;
  const kept = messages.filter((message) => {
    if (message.reason?.kind !== 'council' || message.reason.messageId !== reason.messageId) return true;
    if (reason.stage === 'answer') return message.authorId === peerId;
    return reason.stage === 'review' && message.id === ownAnswer;
  });
  const question = state.messages[reason.messageId]?.text ?? '';
  if (reason.stage === 'answer') return { messages: kept, note: ANSWER_NOTE };
  if (council === undefined) return { messages: kept, note: null };
  if (reason.stage === 'review') {
    const sheet = councilSheet(state, council, peerId);
    return { messages: kept, note: sheet ? reviewPrompt(question, sheet) : null };
  }
  const { value: order } = shuffle(
    seedRng(`${councilSeed(state, reason.messageId)}:synthesis`),
    councilAnswers(state, council),
  );
  const label = (index: number) => `Response ${String.fromCharCode(65 + index)}`;
  const labelOf = (id: string) => label(order.findIndex((answer) => answer.peerId === id));
  const tally = tallyCouncil(
    council,
    state.peers.map((peer) => peer.id),
  );
  const lines = [
    `Question: ${question}`,
    '',
    'The peers’ answers, anonymised:',
    '',
    ...order.map((answer, index) => `${label(index)}:\n${answer.text.trim()}\n`),
    tally.consensus.length > 0
      ? `Consensus: ${tally.consensus.map(labelOf).join(', ')}${tally.answer ? ` (${tally.answer})` : ''}.`
      : 'There was no consensus.',
    ...(tally.dissent.length > 0
      ? ['Dissent:', ...tally.dissent.map((dissent) => `- ${labelOf(dissent.peerId)}: ${dissent.reason}`)]
      : []),
    '',
    SYNTHESIS_NOTE,
  ];
  return { messages: kept, note: lines.join('\n') };
}

/** The request with the facilitator's note at its end, in the last (user) message. */
export function withFacilitatorNote(request: PeerRequest, note: string | null): PeerRequest {
  if (note === null) return request;
  const messages = [...request.messages];
  const last = messages.at(-1);
  const block = `${FACILITATOR_HEADER}\n${note}`;
  if (last?.role === 'user') messages[messages.length - 1] = { ...last, content: `${last.content}\n\n${block}` };
  else messages.push({ role: 'user', content: block });
  return { ...request, messages };
}
