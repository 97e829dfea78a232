/**
 * The closed word lists of PeerChat JSON (failure and round-end reasons, skip reasons, override actions, statuses,
 * kinds), each checked at compile time to name exactly the members of the core's type, so a word the core adds
 * cannot silently fall out of the format.
 */
import { z } from 'zod';
import type {
  DapPresetId,
  HumanOverrideAction,
  MessageKind,
  MessageStatus,
  RoundEndReason,
  TurnCompletionStatus,
  TurnErrorReason,
  TurnSkipReason,
} from '../../core/index.ts';

/** A z.enum over a list that must name exactly the members of the type T. */
export function enumOf<T extends string>(values: readonly [T, ...T[]]) {
  return z.enum(values as [T, ...T[]]);
}

export const TURN_ERROR_REASONS = [
  'bad-key',
  'no-access',
  'rate-limited',
  'overloaded',
  'context-too-long',
  'network',
  'timeout',
  'truncated',
  'aborted',
  'bad-request',
  'server-error',
  'unknown',
] as const satisfies readonly TurnErrorReason[];
export const ROUND_END_REASONS = [
  'queue-empty',
  'turn-budget',
  'depth-limit',
  'ping-pong-limit',
  'token-budget',
  'stopped-by-human',
  'preempted-by-human',
  'all-peers-failed',
] as const satisfies readonly RoundEndReason[];
export const TURN_SKIP_REASONS = [
  'muted',
  'depth-limit',
  'ping-pong-limit',
  'turn-budget',
  'token-budget',
  'twice-in-a-row',
  'skipped-by-human',
  'stopped-by-human',
  'preempted-by-human',
  'removed',
] as const satisfies readonly TurnSkipReason[];
export const HUMAN_OVERRIDE_ACTIONS = [
  'stop-all',
  'stop-peer',
  'skip-next',
  'speak-now',
  'regenerate',
  'edit-and-rerun',
  'show-version',
  'mute',
  'unmute',
  'set-limits',
  'set-dap',
] as const satisfies readonly HumanOverrideAction[];
export const COMPLETION_STATUSES = [
  'complete',
  'passed',
  'error',
  'interrupted',
] as const satisfies TurnCompletionStatus[];
export const MESSAGE_STATUSES = [
  'streaming',
  'complete',
  'interrupted',
  'error',
  'passed',
] as const satisfies MessageStatus[];
export const MESSAGE_KINDS = ['human', 'peer', 'notice'] as const satisfies MessageKind[];
export const DAP_PRESET_IDS = ['quiet', 'balanced', 'lively'] as const satisfies DapPresetId[];

/** Strips readonly and flattens intersections so two spellings of the same shape compare equal. */
export type Normalize<T> = T extends readonly (infer Item)[]
  ? Normalize<Item>[]
  : T extends object
    ? { -readonly [K in keyof T]: Normalize<T[K]> }
    : T;
export type Equals<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/** If this fails to compile, a list above and its type in the core no longer name the same words. */
const _enumsComplete: [
  Equals<(typeof TURN_ERROR_REASONS)[number], TurnErrorReason>,
  Equals<(typeof ROUND_END_REASONS)[number], RoundEndReason>,
  Equals<(typeof TURN_SKIP_REASONS)[number], TurnSkipReason>,
  Equals<(typeof HUMAN_OVERRIDE_ACTIONS)[number], HumanOverrideAction>,
  Equals<(typeof COMPLETION_STATUSES)[number], TurnCompletionStatus>,
  Equals<(typeof MESSAGE_STATUSES)[number], MessageStatus>,
  Equals<(typeof MESSAGE_KINDS)[number], MessageKind>,
  Equals<(typeof DAP_PRESET_IDS)[number], DapPresetId>,
] = [true, true, true, true, true, true, true, true];
