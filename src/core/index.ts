/**
 * PeerChat protocol core (MPOP profile §1, §3–§9): mentions, shared context, turn arbiter, Dynamic Adapter
 * Profiles, governance, modes and the event log. Plain TypeScript: no React, no SDK, no store, no browser API.
 * See docs/core-api.md.
 */

// Domain (§1)
export type {
  HumanParticipant,
  Participant,
  PeerParticipant,
  PeerSettings,
  ProviderId,
  Roster,
} from './domain/participants.ts';
export { PROVIDER_IDS } from './domain/participants.ts';
export type {
  Message,
  MessageKind,
  MessageSender,
  MessageStatus,
  TokenUsage,
  TurnReason,
  TurnReasonKind,
  CouncilStage,
} from './domain/messages.ts';
export { isHumanRequested, MAX_MESSAGE_CHARS } from './domain/messages.ts';
export type { AttachmentKind, AttachmentRef, PickedFile } from './domain/attachments.ts';
export {
  ATTACHMENT_LIMITS,
  attachmentLimitProblem,
  attachmentListProblem,
  attachmentRefProblem,
  attachmentTokens,
  IMAGE_MIME_TYPES,
} from './domain/attachments.ts';
export type { RosterIssue } from './domain/roster.ts';
export { participantIdIssues, validateRoster } from './domain/roster.ts';
export type { SeatIssue, TextRule } from './domain/seat-rules.ts';
export {
  ALIASES_MESSAGE,
  BASE_URL_MESSAGE,
  DEFAULT_CONTEXT_WINDOW,
  followsTextRule,
  isHttpAddress,
  MAX_ALIASES,
  MAX_BASE_URL,
  MAX_PEERS,
  PEERS_MESSAGE,
  REASONING_BUDGET_RULE,
  SEAT_SETTING_RULES,
  SEAT_TEXT_RULES,
  textRuleMessage,
  validateSeatSettings,
  validateSeatTexts,
} from './domain/seat-rules.ts';

// The room's rules: one bound per field, one message per rule (see docs/core-api.md)
export type { NumberRule } from './rules/number-rule.ts';
export { booleanMessage, followsNumberRule, numberRuleMessage, smallestAccepted } from './rules/number-rule.ts';
export type { RoomSettings, RuleIssue } from './rules/room-settings.ts';
export { modeDapParams, modeInForce, validateRoomSettings } from './rules/room-settings.ts';
export type { RepairedRoom } from './rules/repair.ts';
export { repairRoomSettings } from './rules/repair.ts';

// Seeded generator
export type { RngDraw, RngState } from './rng/prng.ts';
export { nextInt, nextRandom, seedRng, shuffle } from './rng/prng.ts';
export type { CouncilAnswer, CouncilOutcome, CouncilVote, ReviewSheet } from './council/council.ts';
export { debatePrompt, readVote, reviewPrompt, reviewSheets, tallyVotes } from './council/council.ts';
export type {
  CouncilAnswerRecord,
  CouncilContribution,
  CouncilRequest,
  CouncilRoundState,
  CouncilStrategy,
  CouncilTally,
} from './council/round.ts';
export { answerKey, COUNCIL_STRATEGIES, councilRequestProblem, readAnswer, tallyCouncil } from './council/round.ts';

// Mentions (§4)
export type { MentionIgnoredBecause, MentionResult, MentionSpan, ParseMentionsOptions } from './mentions/parse.ts';
export { parseMentions } from './mentions/parse.ts';
export { isReservedName, isValidHandleSyntax, MAX_NAME_LENGTH, RESERVED_NAMES } from './mentions/grammar.ts';

// Context sharing (§3)
export type { ChatMessage, PeerRequest } from './context/request.ts';
export type { ContextInput, PeerContext } from './context/build.ts';
export { buildAllPeerContexts, buildPeerContext, ContextBuilder } from './context/build.ts';
export type { ContextFill } from './context/budget.ts';
export { ESTIMATE_SAFETY_MARGIN, historyBudget, RESERVED_OUTPUT_TOKENS } from './context/budget.ts';
export type { HistoryCut } from './context/budget-cut.ts';
export { cutHistoryToBudget, KEEP_NEWEST_ENTRIES, omittedMarker } from './context/budget-cut.ts';
export type { HistoryEntry } from './context/shared-history.ts';
export { selectSharedHistory } from './context/shared-history.ts';
export type { AttributedEntry } from './context/role-mapping.ts';
export {
  attributedHistoryFor,
  CONVERSATION_START_CUE,
  historyMessagesFor,
  mergeSameRole,
} from './context/role-mapping.ts';
export { buildSystemPrompt } from './context/system-prompt.ts';
export { attributionHeader, stripEchoedAttribution } from './context/attribution.ts';
export type { FinishedReply } from './context/reply.ts';
export { finishReply, isPassReply, knownHandles } from './context/reply.ts';
export { CHARS_PER_TOKEN, estimateMessageTokens, estimateTokens } from './context/tokens.ts';

// Arbitration (§5) and human authority (§8)
export type { ArbiterConfig } from './arbiter/reduce.ts';
export { createArbiter, reduceArbiter, replayArbiter } from './arbiter/reduce.ts';
export type {
  ArbiterEffect,
  ArbiterInput,
  ArbiterInputType,
  ArbiterMode,
  ArbiterPeer,
  ArbiterState,
  ArbiterStep,
  InFlightTurn,
  MentionInput,
  QueuedTurn,
  RoundState,
  TurnOutcome,
  TurnUsage,
} from './arbiter/types.ts';
export {
  adapterProfileOf,
  currentDapProbabilities,
  currentLimits,
  dapParamsOf,
  enabledPeers,
  isRoundActive,
} from './arbiter/policy.ts';
export type { ReplyOutcome } from './arbiter/from-roster.ts';
export { arbiterPeersFromRoster, outcomeFromReply } from './arbiter/from-roster.ts';

// Dynamic Adapter Profiles (§6)
export type { DapOverrides, DapParamIssue, DapParams, DapPresetId } from './dap/params.ts';
export {
  DAP_ORDER_MESSAGE,
  DAP_PARAM_FIELDS,
  DAP_PARAM_RULES,
  DAP_PRESETS,
  DEFAULT_DAP_PARAMS,
  resolveDapParams,
  validateDapAdjustment,
  validateDapOverrides,
  validateDapParams,
} from './dap/params.ts';
export type {
  DapFactorName,
  DapFactorSources,
  DapPeerInput,
  DapProbability,
  RecordedDapProbability,
} from './dap/probabilities.ts';
export { computeDapProbabilities, DAP_FACTOR_NAMES } from './dap/probabilities.ts';
export type { AdapterProfile, AdapterWeightSource } from './dap/adapter-profile.ts';
export { NEUTRAL_ADAPTER_PROFILE, sameAdapterProfile, validateAdapterProfile } from './dap/adapter-profile.ts';
export type { DapDraw, DapSample } from './dap/sampling.ts';
export { sampleDapSpeakers } from './dap/sampling.ts';

// Governance (§5.5)
export type { ConversationLimits, LimitIssue, LimitOverrides } from './governance/limits.ts';
export {
  defaultLimits,
  LIMIT_RULES,
  LIMIT_SWITCHES,
  resolveLimits,
  validateLimitOverrides,
} from './governance/limits.ts';

// Modes (§7)
export type { ModeDefaults, ModeDefinition } from './modes/mode.ts';
export { renderModeBlock } from './modes/mode.ts';
export { ADVERSARIAL_MODE, BUILT_IN_MODES, COLLABORATIVE_MODE, DEFAULT_MODE_ID } from './modes/builtin.ts';
export type { CustomModeInput, CustomModeResult, ModeIssue } from './modes/custom.ts';
export { createCustomMode } from './modes/custom.ts';

// The room as data (seats, transcript messages, stored conversations)
export type {
  PeerSeat,
  ProviderConfig,
  RoomData,
  SavedConversation,
  TranscriptMessage,
  CouncilNote,
  TurnErrorNote,
  TurnErrorReason,
} from './room/types.ts';
export { PEER_COLOURS } from './room/colours.ts';
export { keyForSeat, withheldKeyMessage } from './room/key-binding.ts';

// The room log: one ordered record of what happened, and its projection (transcript, versions, arbiter, audit)
export type { HumanControl, RoomEvent, RoomEventBody, RoomEventType, TurnRecord } from './room/events.ts';
export { roomEventProblem } from './room/events.ts';
export type { RoomProjection } from './room/projection.ts';
export { modeById, modesOf, roomDataOf, rosterOf, startArbiter, transcriptOf } from './room/projection.ts';
export type { RoomEffect, RoomStep } from './room/reduce.ts';
export { emptyProjection, reduceRoom, runningTurn } from './room/reduce.ts';
export type { AppendResult } from './room/replay.ts';
export { appendRoomEvent, replayRoom } from './room/replay.ts';
export { groupVersions, parentOf, pathThrough, versionKey, versionsOf } from './room/versions.ts';
export type { CouncilTurn } from './room/council-turn.ts';
export { ANSWER_NOTE, councilTurn, FACILITATOR_HEADER, withFacilitatorNote } from './room/council-turn.ts';
export { councilNoticeText, councilSeed, councilSupport } from './room/council-notes.ts';

// Events (§9)
export type {
  AssignedRole,
  CoreEvent,
  CoreEventBody,
  CoreEventType,
  HumanOverrideAction,
  RoundEndReason,
  TurnCompletionStatus,
  TurnSkipReason,
} from './events/types.ts';
export type { HumanAs } from './events/wording.ts';
export { roundEndWords } from './events/wording.ts';
export { endingWords, REDACTED_REASONING_NOTE, reasoningFigures } from './events/ending-wording.ts';
export type { EndingKind, ReasoningRecord, TurnEnding } from './domain/reasoning.ts';
export type { ReasoningEffort, ReasoningRequest } from './domain/reasoning.ts';
export { ENDING_KINDS, endingProblem, REASONING_EFFORTS, reasoningProblem } from './domain/reasoning.ts';
export { isLamportOrdered, stampEvent } from './events/lamport.ts';

export type { ClientMessage, IntentBody, JoinToken, Member, MemberRole, ServerMessage } from './shared/protocol.ts';
