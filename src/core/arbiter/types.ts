/**
 * The arbiter's state, inputs and effects (profile §5, §8). All plain data: the state can be stored, compared and
 * replayed, and the reducer never reads a clock or `Math.random` (times arrive with the inputs, randomness comes
 * from the seeded generator kept in the state).
 */
import type { CouncilContribution, CouncilRequest, CouncilRoundState } from '../council/round.ts';
import type { AdapterProfile } from '../dap/adapter-profile.ts';
import type { DapOverrides } from '../dap/params.ts';
import type { TokenUsage, TurnReason } from '../domain/messages.ts';
import type { CoreEvent, RoundEndReason } from '../events/types.ts';
import type { LimitOverrides } from '../governance/limits.ts';
import type { PingPongRun, RoundSpend } from '../governance/loop-guards.ts';
import type { ModeDefaults } from '../modes/mode.ts';
import type { RngState } from '../rng/prng.ts';

/** A seat as the arbiter sees it: no names, no text, only what traffic control needs. */
export interface ArbiterPeer {
  id: string;
  enabled: boolean;
  dap: DapOverrides;
}

/** The mode as the arbiter needs it. */
export interface ArbiterMode {
  id: string;
  defaults: ModeDefaults;
}

/** A turn waiting in the queue. */
export interface QueuedTurn {
  peerId: string;
  reason: TurnReason;
  /** 0 for turns the human set off, +1 per peer-mention hop. */
  depth: number;
  /** Part of the round's first wave (dispatched together when `parallelFirstWave` is on). */
  firstWave: boolean;
  /** The `@all` message this turn answers, if any (for `broadcast-received`). */
  broadcastMessageId?: string;
}

/** A turn that has been dispatched and not finished yet. */
export interface InFlightTurn extends QueuedTurn {
  turnId: string;
  roundId: string;
  dispatchedAt: number;
  modeId: string;
}

/** One round: everything set off by one human message (or a speak-now / regenerate while idle). */
export interface RoundState {
  id: string;
  /** The human message that started the round; null for speak-now / regenerate rounds. */
  messageId: string | null;
  queue: QueuedTurn[];
  inFlight: InFlightTurn[];
  /** Turns dispatched that count against the turn budget (all but human-forced and retry). */
  budgetedTurns: number;
  /** All turns dispatched in the round. */
  dispatchedTurns: number;
  /** Finished turns by outcome. */
  succeeded: number;
  failed: number;
  spend: RoundSpend;
  /** The peer of the latest finished turn (for "no peer twice in a row" and ping-pong). */
  lastSpeaker: string | null;
  pingPong: PingPongRun | null;
  /** A budget that stopped the round: nothing more is dispatched; it ends when the in-flight turns finish. */
  budgetStop: 'turn-budget' | 'token-budget' | null;
  /** The latest depth or ping-pong limit that dropped a turn. */
  limitHit: 'depth-limit' | 'ping-pong-limit' | null;
  /** Set when the human asked for a council round (absent otherwise, and in states stored before councils). */
  council?: CouncilRoundState;
}

/** The whole arbiter state. Treat as immutable: `reduceArbiter` returns a new one. */
export interface ArbiterState {
  humanId: string;
  /** Seats in table order. */
  peers: ArbiterPeer[];
  mode: ArbiterMode;
  /** The human's own limit settings (win over mode and profile defaults). */
  limitOverrides: LimitOverrides;
  /** The seed the conversation started with (kept for the audit trail). */
  seed: number;
  rng: RngState;
  lamport: number;
  nextTurnSeq: number;
  nextRoundSeq: number;
  /** How many `@all` rounds there were: the start of the rotation. */
  broadcastRounds: number;
  /** Speakers of the latest turns, oldest first (bounded), for DAP recency and shares. */
  recentSpeakers: string[];
  /** Errors in a row per peer id, for DAP health. */
  consecutiveErrors: Record<string, number>;
  /**
   * The latest adapter profile per peer id (`set-adapter-profile`), multiplied into DAP's p_i. `{}` in a new
   * arbiter; absent in states stored before profiles existed, which reads as `{}` (see `adapterProfileOf`).
   */
  adapterProfiles?: Record<string, AdapterProfile>;
  round: RoundState | null;
  /** Turns left running by a human message when `abortInFlightOnHumanMessage` is off. */
  orphans: InFlightTurn[];
  ended: boolean;
}

/** Mentions as the arbiter needs them (a `MentionResult` fits). */
export interface MentionInput {
  peerIds: readonly string[];
  all: boolean;
  mutedPeerIds?: readonly string[];
}

/** Usage a turn reports (any status). */
export interface TurnUsage {
  tokens?: TokenUsage;
  costUsd?: number;
}

/** How a turn ended, as reported by the driver. */
export type TurnOutcome =
  | ({
      status: 'complete';
      messageId: string;
      mentions: MentionInput;
      /** A council turn's answer or vote, read from its reply. */
      council?: CouncilContribution;
    } & TurnUsage)
  | ({ status: 'passed'; messageId?: string } & TurnUsage)
  | ({ status: 'error'; errorReason: string; messageId?: string } & TurnUsage)
  | ({ status: 'interrupted'; messageId?: string } & TurnUsage);

/** Everything that can happen to the arbiter. `at` is the time in milliseconds, supplied by the caller. */
export type ArbiterInput =
  | {
      type: 'human-message';
      at: number;
      messageId: string;
      mentions: MentionInput;
      /** The earlier human message this one is an edit of (edit and rerun): everything running stops first. */
      edits?: string;
      /** The human asked for a council round on this message instead of the usual turn-taking. */
      council?: CouncilRequest;
    }
  | { type: 'turn-finished'; at: number; turnId: string; outcome: TurnOutcome }
  | { type: 'stop-all'; at: number }
  | { type: 'stop-peer'; at: number; peerId: string }
  | { type: 'skip-next'; at: number }
  | { type: 'speak-now'; at: number; peerId: string }
  | { type: 'regenerate'; at: number; peerId: string; messageId: string }
  /** The human switched to another version of a message: what runs on the old path stops. */
  | { type: 'show-version'; at: number; messageId: string }
  | { type: 'mute'; at: number; peerId: string }
  | { type: 'unmute'; at: number; peerId: string }
  | { type: 'set-mode'; at: number; mode: ArbiterMode }
  | { type: 'set-limits'; at: number; limits: LimitOverrides }
  | { type: 'set-dap'; at: number; peerId: string | null; dap: DapOverrides }
  | { type: 'set-peers'; at: number; peers: ArbiterPeer[] }
  /**
   * What a seat's L0 adapter now reports about its provider and model (default weight, observed health and
   * latency). Replaces the seat's previous profile; used by the next DAP sampling. Records no event (the factors
   * appear in every `dap-sampled` event); an invalid profile or unknown peer is rejected, state unchanged.
   */
  | { type: 'set-adapter-profile'; at: number; peerId: string; profile: AdapterProfile }
  | { type: 'end-session'; at: number };

export type ArbiterInputType = ArbiterInput['type'];

/** What the driver must do after a step. */
export type ArbiterEffect =
  | {
      type: 'start-turn';
      turnId: string;
      roundId: string;
      peerId: string;
      reason: TurnReason;
      depth: number;
      modeId: string;
    }
  | { type: 'abort-turn'; turnId: string; peerId: string }
  | { type: 'round-ended'; roundId: string; reason: RoundEndReason }
  | { type: 'input-rejected'; input: ArbiterInputType; message: string };

/** The result of one step: the next state, what to do, and what to append to the event log. */
export interface ArbiterStep {
  state: ArbiterState;
  effects: ArbiterEffect[];
  events: CoreEvent[];
}
