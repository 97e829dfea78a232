/**
 * Protocol reasons in plain words, for the Markdown export.
 */
import { roundEndWords } from '../../core/index.ts';
import type { RoundEndReason, TurnReason } from '../../core/index.ts';

/** "queue empty", "stopped by the human", … */
export function roundEndInWords(reason: RoundEndReason): string {
  return roundEndWords(reason, 'the human');
}

const COUNCIL_STAGE_WORDS = {
  answer: 'answering on its own in a council round',
  review: 'reviewing the others’ answers in a council round',
  synthesis: 'writing the council’s synthesis',
} as const;

/**
 * Why a turn happened, e.g. "answering @all" or "mentioned by Claude (@claude)". `nameOf` renders a participant
 * id and `humanName` the human, both already escaped for Markdown.
 */
export function turnReasonInWords(
  reason: TurnReason,
  nameOf: (participantId: string) => string,
  humanName: string,
): string {
  switch (reason.kind) {
    case 'human-mention':
      return `mentioned by ${humanName}`;
    case 'all':
      return 'answering @all';
    case 'dap':
      return `chosen by DAP (p = ${Number(reason.probability.toFixed(2))})`;
    case 'peer-mention':
      return `mentioned by ${nameOf(reason.askedBy)}`;
    case 'human-forced':
      return `asked by ${humanName} to speak now`;
    case 'retry':
      return 'regenerating an earlier reply';
    case 'council':
      return COUNCIL_STAGE_WORDS[reason.stage];
  }
}
