/** Why something happened, in words (profile §5.6 and §5.7). */
import { roundEndWords } from '../../store/index.ts';
import type { RoundEndReason, TurnReason } from '../../store/index.ts';
import { formatProbability } from './numbers.ts';

const COUNCIL_STAGE_TEXT = {
  answer: 'council answer',
  review: 'council review',
  synthesis: 'council synthesis',
} as const;

/** Why a peer spoke: "mentioned by @you", "asked by @claude", "@all", "DAP 0.62", "speak now", "regenerated". */
export function turnReasonText(reason: TurnReason, handleOf: (participantId: string) => string, humanHandle: string) {
  switch (reason.kind) {
    case 'human-mention':
      return `mentioned by @${humanHandle}`;
    case 'all':
      return '@all';
    case 'dap':
      return `DAP ${formatProbability(reason.probability)}`;
    case 'peer-mention':
      return `asked by @${handleOf(reason.askedBy)}`;
    case 'human-forced':
      return 'speak now';
    case 'retry':
      return 'regenerated';
    case 'council':
      return COUNCIL_STAGE_TEXT[reason.stage];
  }
}

/** "queue empty", "stopped by you"… */
export function roundEndText(reason: RoundEndReason): string {
  return roundEndWords(reason, 'you');
}
