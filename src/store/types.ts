/**
 * The facilitator store's state and intents (MPOP L1 wiring). Components read this state through selectors and
 * call the actions; they hold no protocol logic.
 */
import type {
  ContextFill,
  ConversationLimits,
  CoreEvent,
  CouncilRequest,
  DapParams,
  DapPresetId,
  DapProbability,
  LimitOverrides,
  PeerSeat,
  ProviderConfig,
  ProviderId,
  RoomEvent,
  RoomProjection,
  SavedConversation,
  TranscriptMessage,
} from '../core/index.ts';
import type { ModelInfo, ModelOverrides } from '../adapters/index.ts';
import type { AttachmentActions, AttachmentState } from './room/attachment-actions.ts';
import type { SharedActions, SharedState } from './sharing/shared-actions.ts';

export type { PeerSeat, ProviderConfig, RoomData, SavedConversation, TranscriptMessage } from '../core/index.ts';
export type { AttachmentKind, AttachmentRef } from '../core/index.ts';
export type { AttachmentActions, AttachmentState, PendingAttachment } from './room/attachment-actions.ts';

export type Result = { ok: true } | { ok: false; message: string };

/** What the human fills in to define a mode. */
export interface CustomModeDraft {
  /** Set to redefine that custom mode; a new one gets an id from its name. */
  id?: string;
  name: string;
  tagline?: string;
  promptBlock: string;
  dapPreset: DapPresetId;
}

/** What the user edits about a seat. */
export type PeerInput = Omit<PeerSeat, 'id' | 'kind' | 'enabled' | 'dap'> & Partial<Pick<PeerSeat, 'dap' | 'enabled'>>;

export interface RoomState extends RoomProjection, AttachmentState, SharedState {
  /**
   * The room log since this conversation started or was opened (`logLamport` is its newest event): every change to
   * the fields above came from one of these events (see src/core/room).
   */
  log: RoomEvent[];
  /**
   * True while only the newest messages of a stored conversation are in `messages` (`messageIds` is whole): the
   * rest is being read, and nothing that needs the whole transcript (sending, versions) can happen yet.
   */
  olderMessagesPending: boolean;
  /** True while the stored part of the audit log (`events`) is still being read (see `restoreEvents`). */
  eventLogPending: boolean;
  roundActive: boolean;
  /** Peers queued next in the running round, in order. */
  queuedPeerIds: string[];
  /** Peers whose turn is running now. */
  streamingPeerIds: string[];
  /** The limits in force (profile defaults ← mode ← the human's settings), as the arbiter applies them. */
  effectiveLimits: ConversationLimits;
  /** Each seat's DAP parameters in force (mode preset ← the seat's own settings). */
  dapParams: Record<string, DapParams>;
  /** p_i of every enabled peer at the moment (profile §6: visible in the UI). */
  dapProbabilities: DapProbability[];
  contextFills: Record<string, ContextFill>;
  providers: Partial<Record<ProviderId, ProviderConfig>>;
  /** When false, keys live in memory only and are never written to storage. */
  rememberKeys: boolean;
  /** The user's prices (and other facts) per model id, over the catalog's; they price every turn and budget. */
  modelOverrides: ModelOverrides;
  /** The models each provider listed at its last successful "Test connection" (the model picker offers them). */
  reachableModels: Partial<Record<ProviderId, ModelInfo[]>>;
  /** Estimated input tokens of each turn streaming now (by message id), from the request the core built. */
  liveInputTokens: Record<string, number>;
  /** The last refused intent or notice for the human ("@claude is muted"). */
  notice: string | null;
  /** Set when this tab must not change the conversation (another tab holds it), with the reason. */
  readOnlyReason: string | null;
}

export interface RoomActions extends AttachmentActions, SharedActions {
  /**
   * Sends a human message; it preempts the running round. `council`: a council round instead of the usual
   * turn-taking (null: the usual turn-taking; absent: the room's default, `councilDefault`).
   */
  send(text: string, options?: { council?: CouncilRequest | null }): Result;
  stopAll(): void;
  stopPeer(peerId: string): void;
  skipNext(): void;
  speakNow(peerId: string): Result;
  mute(peerId: string): void;
  unmute(peerId: string): void;
  regenerate(messageId: string): Result;
  setMode(modeId: string): Result;
  /**
   * Defines a mode of the human's own (a name, a prompt for the peers, a DAP preset), saved with the room and
   * switched to; `id` redefines an existing custom mode.
   */
  defineMode(input: CustomModeDraft): Result;
  setLimits(limits: LimitOverrides): Result;
  /** "Share reasoning with other peers": each peer's reasoning goes, marked, before its answer (default off). */
  setShareReasoning(share: boolean): Result;
  /** The room's default round for new messages: a council (vote or review, maybe a synthesis), or null. */
  setCouncilDefault(council: CouncilRequest | null): Result;
  setPeerDap(peerId: string | null, dap: PeerSeat['dap']): Result;
  applyDapPreset(peerId: string | null, preset: DapPresetId): Result;
  addPeer(input: PeerInput): Result;
  updatePeer(peerId: string, patch: Partial<PeerInput>): Result;
  removePeer(peerId: string): void;
  movePeer(peerId: string, offset: -1 | 1): void;
  setProvider(provider: ProviderId, config: ProviderConfig): void;
  setRememberKeys(remember: boolean): void;
  /** Sets a model's prices in USD per million tokens; a price that is not a number ≥ 0 is refused, with why. */
  setModelPrices(model: string, prices: { inputPricePerMTok: number; outputPricePerMTok: number }): Result;
  /** Drops the user's prices for a model: the catalog's apply again. */
  resetModelPrices(model: string): void;
  /** Lists the models the provider reaches with the current settings. */
  testConnection(provider: ProviderId): Promise<{ ok: true; models: string[] } | { ok: false; message: string }>;
  /** Replaces the room with a room file (profile §11). Validated: a bad file changes nothing. */
  importRoom(json: string): Promise<Result>;
  exportRoom(options?: { includeKeys?: boolean }): string;
  dismissNotice(): void;
  /** Replaces one of the human's messages with an edited version and reruns the conversation from there. */
  editAndRerun(messageId: string, text: string): Result;
  /** Shows another version of a message (and the newest conversation that followed it). */
  showVersion(messageId: string): void;
  /** Ends the conversation: what runs stops, `session-completed` is logged, and nothing can change it any more. */
  endConversation(): Result;
  /** Starts an empty conversation at the same table (same seats, mode and limits; a new seed). */
  newConversation(): void;
  /** Replaces everything with a stored conversation; turns that were streaming come back `interrupted`. */
  loadConversation(saved: SavedConversation): void;
  /** Adds the stored messages read after `loadConversation`; what changed since opening wins. */
  restoreMessages(conversationId: string, stored: readonly TranscriptMessage[]): void;
  /** Puts a stored event log read after `loadConversation` in front of the events since; ignored for another conversation. */
  restoreEvents(conversationId: string, stored: readonly CoreEvent[]): void;
  rename(title: string): Result;
}

export type RoomStore = RoomState & RoomActions;
