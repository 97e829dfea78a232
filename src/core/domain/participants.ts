/**
 * Participants of a conversation (profile §1): exactly one human and any number of peers (model seats).
 * These are plain data types; validation lives in `roster.ts`.
 */
import type { DapOverrides } from '../dap/params.ts';
import type { ReasoningRequest } from './reasoning.ts';

/** Providers a peer seat can use (profile §11). */
export type ProviderId = 'openai' | 'anthropic' | 'google' | 'openai-compatible' | 'demo';

export const PROVIDER_IDS: readonly ProviderId[] = ['openai', 'anthropic', 'google', 'openai-compatible', 'demo'];

/** Generation settings of a peer seat. */
export interface PeerSettings {
  temperature?: number;
  maxOutputTokens?: number;
  /** Context window of the model in tokens (known per model, editable). */
  contextWindow: number;
  /** What the seat asks of its model's reasoning (thinking budget, effort); unset: the provider's default. */
  reasoning?: ReasoningRequest;
}

/** The one human of the conversation. */
export interface HumanParticipant {
  kind: 'human';
  id: string;
  /** Lowercase handle, e.g. `you`. `@you` and `@human` always address the human as well. */
  handle: string;
  aliases: readonly string[];
  displayName: string;
}

/** A model seat. The same model may sit twice under two handles. */
export interface PeerParticipant {
  kind: 'peer';
  id: string;
  /** Lowercase, unique in the room, e.g. `claude`. */
  handle: string;
  aliases: readonly string[];
  displayName: string;
  provider: ProviderId;
  model: string;
  /** Another endpoint of the same wire format (optional). */
  baseURL?: string;
  settings: PeerSettings;
  /** Extra system text for this seat. */
  persona?: string;
  /** Per-seat DAP parameters on top of the mode's preset. */
  dap: DapOverrides;
  /** Only the human mutes (`enabled: false`). */
  enabled: boolean;
}

export type Participant = HumanParticipant | PeerParticipant;

/** Everyone at the table. */
export interface Roster {
  human: HumanParticipant;
  peers: readonly PeerParticipant[];
}
