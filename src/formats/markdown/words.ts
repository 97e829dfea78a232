/**
 * Protocol reasons in plain words, for the Markdown export.
 */
import type { RoundEndReason, TurnReason } from '../../core/index.ts';

const ROUND_ENDS: Record<RoundEndReason, string> = {
  'queue-empty': 'queue empty',
  'turn-budget': 'turn budget spent',
  'depth-limit': 'mention chain too deep',
  'ping-pong-limit': 'ping-pong limit reached',
  'token-budget': 'token budget spent',
  'stopped-by-human': 'stopped by the human',
  'preempted-by-human': 'the human wrote again',
  'all-peers-failed': 'every peer failed',
};

/** "queue empty", "stopped by the human", … */
export function roundEndInWords(reason: RoundEndReason): string {
  return ROUND_ENDS[reason];
}

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
  }
}
