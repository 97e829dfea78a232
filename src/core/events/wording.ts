/**
 * The round-end reasons (profile §5.6) in plain words: one wording, used by the app and by the exports. The human is
 * "you" in the app and "the human" in a file read later by someone else.
 */
import type { RoundEndReason } from './types.ts';

export type HumanAs = 'you' | 'the human';

const POSSESSIVE: Record<HumanAs, string> = { you: 'your', 'the human': 'the human’s' };

/** "queue empty", "stopped by you", "the human’s new message took over"… */
export function roundEndWords(reason: RoundEndReason, human: HumanAs): string {
  switch (reason) {
    case 'queue-empty':
      return 'queue empty';
    case 'turn-budget':
      return 'turn limit reached';
    case 'depth-limit':
      return 'mention chain limit reached';
    case 'ping-pong-limit':
      return 'ping-pong limit reached';
    case 'token-budget':
      return 'token budget spent';
    case 'stopped-by-human':
      return `stopped by ${human}`;
    case 'preempted-by-human':
      return `${POSSESSIVE[human]} new message took over`;
    case 'all-peers-failed':
      return 'every peer failed';
  }
}
