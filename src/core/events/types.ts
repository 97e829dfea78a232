/**
 * The audit event log of profile §9. Every event carries a Lamport counter (`lamport`) that orders it in the
 * conversation's log, and the input time (`at`, milliseconds) it was produced at.
 */
import type { CouncilTally } from '../council/round.ts';
import type { DapDraw } from '../dap/sampling.ts';
import type { RecordedDapProbability } from '../dap/probabilities.ts';
import type { TokenUsage, TurnReason } from '../domain/messages.ts';

/** Why a round ended (profile §5.6): exactly one per round. */
export type RoundEndReason =
  | 'queue-empty'
  | 'turn-budget'
  | 'depth-limit'
  | 'ping-pong-limit'
  | 'token-budget'
  | 'stopped-by-human'
  | 'preempted-by-human'
  | 'all-peers-failed';

/** How a dispatched turn ended. */
export type TurnCompletionStatus = 'complete' | 'passed' | 'error' | 'interrupted';

/** Why a turn that was asked for did not run. */
export type TurnSkipReason =
  | 'muted'
  | 'depth-limit'
  | 'ping-pong-limit'
  | 'turn-budget'
  | 'token-budget'
  | 'twice-in-a-row'
  | 'skipped-by-human'
  | 'stopped-by-human'
  | 'preempted-by-human'
  | 'removed';

/**
 * What the human did (profile §8). Mode changes have their own event. `edit-and-rerun` and `show-version` change
 * which version of the transcript runs on: they name the message concerned.
 */
export type HumanOverrideAction =
  | 'stop-all'
  | 'stop-peer'
  | 'skip-next'
  | 'speak-now'
  | 'regenerate'
  | 'edit-and-rerun'
  | 'show-version'
  | 'mute'
  | 'unmute'
  | 'set-limits'
  | 'set-dap';

/** A participant as listed by `roles-assigned`. */
export interface AssignedRole {
  participantId: string;
  role: 'human' | 'peer';
  enabled: boolean;
}

/** The payload of each event type. */
export type CoreEventBody =
  | { type: 'session-started'; seed: number; modeId: string }
  | { type: 'roles-assigned'; roles: AssignedRole[] }
  | {
      type: 'round-started';
      roundId: string;
      messageId: string | null;
      trigger: 'human-message' | 'speak-now' | 'regenerate';
    }
  | {
      type: 'dap-sampled';
      roundId: string;
      /** Every p_i with its factors and their sources (events from before adapter profiles have fewer fields). */
      probabilities: RecordedDapProbability[];
      draws: DapDraw[];
      fallback: boolean;
    }
  | {
      type: 'turn-dispatched';
      roundId: string;
      turnId: string;
      peerId: string;
      reason: TurnReason;
      depth: number;
      modeId: string;
    }
  | {
      type: 'turn-completed';
      roundId: string;
      turnId: string;
      peerId: string;
      status: TurnCompletionStatus;
      messageId?: string;
      errorReason?: string;
      tokens?: TokenUsage;
      costUsd?: number;
      latencyMs: number;
    }
  | { type: 'turn-skipped'; roundId: string; peerId: string; reason: TurnSkipReason; askedByMessageId?: string }
  | { type: 'broadcast-sent'; roundId: string; messageId: string; senderId: string; recipients: string[] }
  | { type: 'broadcast-received'; roundId: string; messageId: string; peerId: string; turnId: string }
  | { type: 'mode-changed'; from: string; to: string }
  | { type: 'human-override'; action: HumanOverrideAction; peerId?: string; messageId?: string; detail?: string }
  | { type: 'round-ended'; roundId: string; reason: RoundEndReason; turns: number }
  /** A council round's vote is in: the consensus and the dissent (src/core/council/round.ts). */
  | ({ type: 'council-tallied'; roundId: string; messageId: string } & CouncilTally)
  | { type: 'session-completed' };

export type CoreEventType = CoreEventBody['type'];

/** One entry of the event log. */
export type CoreEvent = CoreEventBody & { lamport: number; at: number };
