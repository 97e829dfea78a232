/** Why something happened, in words (profile §5.6 and §5.7). */
import type { RoundEndReason, TurnReason } from '../../core/index.ts';
import { formatProbability } from './numbers.ts';

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
  }
}

const ROUND_END_TEXT: Record<RoundEndReason, string> = {
  'queue-empty': 'queue empty',
  'turn-budget': 'turn limit reached',
  'depth-limit': 'mention chain limit reached',
  'ping-pong-limit': 'ping-pong limit reached',
  'token-budget': 'token budget spent',
  'stopped-by-human': 'stopped by you',
  'preempted-by-human': 'your new message took over',
  'all-peers-failed': 'every peer failed',
};

/** "queue empty", "stopped by you"… */
export function roundEndText(reason: RoundEndReason): string {
  return ROUND_END_TEXT[reason];
}
