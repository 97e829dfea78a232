/**
 * Messages of the shared transcript (profile §1) and the reasons a turn happened (profile §5.7).
 */
import type { AttachmentRef } from './attachments.ts';

/** Lifecycle of a message. Human messages and notices are always `complete`. */
export type MessageStatus = 'streaming' | 'complete' | 'interrupted' | 'error' | 'passed';

/** Who produced a message: the human, a peer, or the app itself (system notices, never sent to peers). */
export type MessageKind = 'human' | 'peer' | 'notice';

/** The longest human message accepted (a 1 MB paste still fits); imported files hold to it too. */
export const MAX_MESSAGE_CHARS = 2_000_000;

/** Token usage reported by a provider for one turn. */
export interface TokenUsage {
  input: number;
  output: number;
}

/** Why a turn was dispatched (profile §5.7). */
export type TurnReason =
  | { kind: 'human-mention'; messageId: string }
  | { kind: 'all'; messageId: string }
  | { kind: 'dap'; probability: number; messageId: string }
  | { kind: 'peer-mention'; messageId: string; askedBy: string }
  | { kind: 'human-forced' }
  | { kind: 'retry'; replacesMessageId: string }
  /** A stage of a council round the human asked for on `messageId` (src/core/council/). */
  | { kind: 'council'; stage: CouncilStage; messageId: string };

/** A council round's stages: every peer answers on its own, reviews the others' answers, then one peer may sum up. */
export type CouncilStage = 'answer' | 'review' | 'synthesis';

export type TurnReasonKind = TurnReason['kind'];

/** A person of a shared room, as their messages name them. */
export interface MessageSender {
  memberId: string;
  name: string;
}

/** One entry of the transcript. */
export interface Message {
  id: string;
  kind: MessageKind;
  /** Participant id of the author (the human's id for human messages; empty for notices). */
  authorId: string;
  /**
   * In a shared room, which person wrote a human message (the sync server stamps it from the connection, so no
   * member can post as another). Absent in a room of one.
   */
  sender?: MessageSender;
  text: string;
  /** Files the human attached (references only; the store keeps the bytes). */
  attachments?: AttachmentRef[];
  status: MessageStatus;
  /** Set when `status` is `error`. */
  errorReason?: string;
  /** Id of the mode the message was produced under (profile §7). */
  modeId?: string;
  roundId?: string;
  turnId?: string;
  reason?: TurnReason;
  tokens?: TokenUsage;
  costUsd?: number;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** True when a turn reason means the human explicitly asked for this peer. */
export function isHumanRequested(reason: TurnReason): boolean {
  return (
    reason.kind === 'human-mention' ||
    reason.kind === 'all' ||
    reason.kind === 'human-forced' ||
    reason.kind === 'retry' ||
    reason.kind === 'council'
  );
}
