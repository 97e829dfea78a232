/**
 * The L0 adapter interface (MPOP profile §2): one small streaming interface in front of every provider.
 * The facilitator store codes against these types only; nothing here depends on an SDK.
 */
import type { PeerRequest, ProviderId, ReasoningRecord, TurnEnding, TurnErrorReason } from '../core/index.ts';
import type { ModelCapabilities } from './catalog.ts';

export type { ReasoningRecord, TurnEnding, TurnErrorReason };

/** Which provider an adapter talks to (the same ids as a peer seat's `provider`, profile §11). */
export type ProviderKind = ProviderId;

/** Which OpenAI API to call. Unset: Chat Completions, or Responses for models that need it. */
export type OpenAIApi = 'chat' | 'responses';

/** Both timeouts abort the underlying request and end the turn with reason `timeout`. */
export interface TimeoutSettings {
  /** From the start of an attempt to its first text (default 60 s; 180 s for reasoning models). */
  firstTokenMs?: number;
  /** Longest silence between two stream events once text is flowing (default 30 s). */
  idleMs?: number;
}

/** Retries of 429 and 5xx/overloaded answers, only before the first token. */
export interface RetrySettings {
  /** Retries after the first attempt (default 2; 0 disables). */
  maxRetries?: number;
  /** Longest single wait, also the cap on a server's retry-after (default 30 s). */
  maxWaitMs?: number;
}

/** How to reach one provider. One adapter per settings object; the SDK is loaded on first use. */
export interface ProviderSettings {
  kind: ProviderKind;
  /** Sent only to this provider. Required for openai, anthropic and google; optional for openai-compatible. */
  apiKey?: string;
  /**
   * Another endpoint of the same wire format. OpenAI and compatible: includes `/v1`. Anthropic and Google:
   * without the version (a trailing `/v1` or `/v1beta` is removed). Required for openai-compatible.
   */
  baseURL?: string;
  /** OpenAI and compatible only; unset picks automatically (see `needsResponsesApi`). */
  openaiApi?: OpenAIApi;
  /** The provider's name in messages ("Rate limited by Ollama"); defaults from the kind or the preset. */
  label?: string;
  timeouts?: TimeoutSettings;
  retry?: RetrySettings;
}

/** The reasons that are retried (before the first token only). */
export type RetryableReason = Extract<TurnErrorReason, 'rate-limited' | 'overloaded' | 'server-error'>;

/** A failed or interrupted turn, in plain language. Never holds a key or the raw request. */
export interface TurnError {
  reason: TurnErrorReason;
  /** One plain-language sentence or two, for the UI. */
  message: string;
  /** The HTTP status, when the provider answered with one. */
  status?: number;
  /** How long the provider asked us to wait (429). */
  retryAfterSeconds?: number;
}

/** What an adapter reports while a turn runs. */
export type AdapterEvent =
  | { type: 'delta'; text: string }
  /** Reasoning text (thinking, thought summaries), streamed apart from the answer. */
  | { type: 'reasoning'; text: string }
  | {
      type: 'retrying';
      /** 1 for the first retry. */
      attempt: number;
      maxRetries: number;
      inSeconds: number;
      reason: RetryableReason;
      /** e.g. "Rate limited by Anthropic — retrying in 7 s". */
      message: string;
    };

export interface TokenCounts {
  inputTokens: number;
  outputTokens: number;
}

export interface TurnLatency {
  /** From the call of `stream` to the first text (retry waits included); null when no text came. */
  firstTokenMs: number | null;
  totalMs: number;
}

interface TurnResultBase {
  /** Everything streamed, kept even on error or interrupt. */
  text: string;
  /** The provider's own stop reason (stop, length, end_turn, max_tokens, STOP, MAX_TOKENS, completed…). */
  stopReason: string | null;
  /** As reported by the provider; null when it reported none. */
  usage: TokenCounts | null;
  latency: TurnLatency;
  /** What the model reasoned, when the provider showed any (or said it redacted some). */
  reasoning?: ReasoningRecord;
  /** Set on a complete turn whose ending needs a word: a refusal, a content filter, the token limit, no text. */
  ending?: TurnEnding;
}

/**
 * How a turn ended. `complete` means the provider's terminal event arrived (a `length`/`max_tokens` stop is
 * complete too: check `stopReason`). `interrupted` means our signal stopped it (reason `aborted`).
 */
export type TurnResult =
  | (TurnResultBase & { status: 'complete'; error?: undefined })
  | (TurnResultBase & { status: 'interrupted'; error: TurnError })
  | (TurnResultBase & { status: 'error'; error: TurnError });

export type TurnStatus = TurnResult['status'];

/** Who is at the table, for the demo peers (real adapters ignore it). */
export interface DemoRoomHints {
  selfHandle: string;
  peers: readonly { handle: string; name: string }[];
  /** `collaborative`, `adversarial` or a custom mode id (treated as collaborative). */
  modeId: string;
  /** The human; when unset, any speaker that is not a peer counts as the human. */
  human?: { handle: string; name: string };
}

export interface StreamOptions {
  /** Aborting it ends the turn as `interrupted`, keeping the text so far. */
  signal: AbortSignal;
  /** Called synchronously for each delta and retry notice. An exception thrown here does not end the turn. */
  onEvent?: (event: AdapterEvent) => void;
  /** Only the demo provider uses it. */
  room?: DemoRoomHints;
}

/** A model the provider offers, with what is known about it (provider facts first, then the catalog). */
export interface ModelInfo {
  id: string;
  label?: string;
  contextWindow?: number;
  inputPricePerMTok?: number;
  outputPricePerMTok?: number;
  /** From the catalog; absent for models it does not know (they are still allowed). */
  capabilities?: ModelCapabilities;
}

export interface PeerAdapter {
  readonly kind: ProviderKind;
  /** Streams one turn. Never rejects: every failure is a `TurnResult` with status `error` or `interrupted`. */
  stream(request: PeerRequest, options: StreamOptions): Promise<TurnResult>;
  /** The provider's models. Rejects with a `ProviderError` (plain-language message, no key). */
  listModels(signal?: AbortSignal): Promise<ModelInfo[]>;
}
