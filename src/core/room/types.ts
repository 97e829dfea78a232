/**
 * The room as data: who sits at the table, the transcript as the store and the file formats keep it, and a stored
 * conversation. Plain types shared by the core's room log, the store and `src/formats/`.
 */
import type { ArbiterState } from '../arbiter/types.ts';
import type { CouncilRequest, CouncilTally } from '../council/round.ts';
import type { CoreEvent, RoundEndReason } from '../events/types.ts';
import type { LimitOverrides } from '../governance/limits.ts';
import type { Message } from '../domain/messages.ts';
import type { HumanParticipant, PeerParticipant } from '../domain/participants.ts';
import type { ModeDefinition } from '../modes/mode.ts';
import type { ReasoningRecord, TurnEnding } from '../domain/reasoning.ts';

/** A seat at the table: the core's peer plus what only the UI needs. */
export interface PeerSeat extends PeerParticipant {
  /** A CSS colour for the peer's name and messages. */
  colour: string;
  /** In a shared room: the member whose browser runs this seat's turns on their own key. */
  ownerId?: string;
}

/** How to reach one provider (keys stay on the owner's device; see README). */
export interface ProviderConfig {
  apiKey?: string;
  /** OpenAI-compatible: required. Others: another endpoint of the same wire format. */
  baseURL?: string;
  /** Id of an OpenAI-compatible preset (ollama, lmstudio, …) the base URL came from. */
  presetId?: string;
}

/** Every way a turn can fail, normalized over all providers (the adapters classify each failure as one). */
export type TurnErrorReason =
  | 'bad-key'
  | 'no-access'
  | 'rate-limited'
  | 'overloaded'
  | 'context-too-long'
  | 'network'
  | 'timeout'
  | 'truncated'
  | 'aborted'
  | 'bad-request'
  | 'server-error'
  | 'unknown';

/** Why a turn failed, in plain words (no key): the adapters' classified error as the transcript keeps it. */
export interface TurnErrorNote {
  reason: TurnErrorReason;
  message: string;
}

/** A transcript message as the room keeps it: the core's message plus delivery details. */
export interface TranscriptMessage extends Message {
  /** Plain-language error (no key), when status is `error`. */
  error?: TurnErrorNote;
  /** A retry notice while the provider asks us to wait ("Rate limited by OpenAI — retrying in 7 s"). */
  retrying?: string;
  /** The provider's own stop reason (length, max_tokens…). */
  stopReason?: string | null;
  latencyMs?: { firstToken: number | null; total: number };
  /** The message this one followed when it was written; versions (edits, regenerations) share it. */
  parentId?: string;
  /** The peer's reasoning (streams here while the turn runs; kept from its `turn-finished`). */
  reasoning?: ReasoningRecord;
  /** How a complete reply ended, when that needs a note (refusal, filter, token limit, empty). */
  ending?: TurnEnding;
  /** On the notice a council round's tally adds: the consensus and the dissent, for the council card. */
  council?: CouncilNote;
}

/** What a council notice shows: the tally of the round that answered `messageId`. */
export type CouncilNote = { roundId: string; messageId: string } & CouncilTally;

/** Who sits at the table and under which rules: what a room file carries. */
export interface RoomData {
  name: string;
  human: HumanParticipant;
  peers: PeerSeat[];
  modeId: string;
  customModes: ModeDefinition[];
  limits: LimitOverrides;
  seed: number;
  /** Each peer's reasoning is sent to the other peers (marked, before its answer). Absent: off. */
  shareReasoning?: boolean;
  /**
   * New messages get a council round unless the human chooses otherwise. Absent or null: the usual turn-taking
   * (a projection always sets it, so replacing one never keeps the other's).
   */
  councilDefault?: CouncilRequest | null;
}

/** A conversation as storage and the PeerChat JSON format hand it back. */
export interface SavedConversation {
  id: string;
  title: string;
  room: RoomData;
  /** The transcript in order (the versions shown). */
  messages: TranscriptMessage[];
  /** Other versions of messages (edits, regenerations), kept to switch back to. */
  otherVersions?: TranscriptMessage[];
  events: CoreEvent[];
  /**
   * Set when `events` is empty because the stored log is still being read (the transcript shows first);
   * `restoreEvents` hands it over. `lastLamport` is the log's newest Lamport number, which new events follow.
   */
  eventsPending?: { lastLamport: number };
  /**
   * Set when `messages` holds only the newest messages of the path, whose ids are all here; `restoreMessages`
   * hands over the rest (and `otherVersions`).
   */
  messagesPending?: { pathIds: string[] };
  /** The Lamport number of the newest room event this snapshot reflects; the room log goes on from it. */
  logLamport?: number;
  /** The arbiter as it was last saved; null starts a fresh one from the room. */
  arbiter: ArbiterState | null;
  lastRoundEnd: RoundEndReason | null;
}
