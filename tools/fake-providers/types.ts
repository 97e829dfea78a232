// Shared types of the fake-provider server: what tests script, and what the request log records.

/** Which wire format a request was answered in. */
export type Provider = 'openai-chat' | 'openai-responses' | 'anthropic' | 'gemini' | 'models' | 'preflight' | 'unknown';

/** A fault injected into one reply. Each provider answers it in its own real wire format. */
export type Fault =
  /** 429 with a `retry-after` header (and Gemini's RetryInfo in the body). */
  | { kind: 'rate-limit'; retryAfterSeconds?: number; times?: number }
  /** 500 with the provider's internal-error body. */
  | { kind: 'server-error'; times?: number }
  /** 529 overloaded_error for Anthropic, 503 for the others. */
  | { kind: 'overloaded'; times?: number }
  /**
   * A rejected key. OpenAI and Anthropic answer 401. Gemini really answers an invalid key with
   * 400 INVALID_ARGUMENT (reason API_KEY_INVALID), which is the default here; `geminiStatus: 401`
   * gives UNAUTHENTICATED, 403 PERMISSION_DENIED.
   */
  | { kind: 'unauthorized'; geminiStatus?: 400 | 401 | 403; times?: number }
  /** 400 with each provider's real "context too long" message and code. */
  | { kind: 'context-too-long'; times?: number }
  /** Destroy the socket after this many tokens were streamed. */
  | { kind: 'drop-mid-stream'; afterTokens?: number; times?: number }
  /** End the response cleanly after this many tokens, without the terminal event. */
  | { kind: 'no-terminal-event'; afterTokens?: number; times?: number }
  /**
   * Send the provider's in-stream error after this many tokens, then end the response.
   * `responsesEvent` picks what the OpenAI Responses format sends: `error`, `response.failed`, or
   * both (default: `error` then `response.failed`).
   */
  | {
      kind: 'stream-error-event';
      afterTokens?: number;
      responsesEvent?: 'error' | 'response.failed' | 'both';
      times?: number;
    }
  /** Accept the request and never send headers (until the client aborts or the server closes). */
  | { kind: 'never-respond'; times?: number }
  /** Wait before sending headers, then answer normally. */
  | { kind: 'slow-headers'; delayMs: number; times?: number };

export type FaultKind = Fault['kind'];

/** How a reply ends when it ends normally: `stop` (a natural end) or `length` (out of tokens). */
export type FinishKind = 'stop' | 'length';

/**
 * A recorded stream, sent verbatim: each chunk is written as is (an SSE event with its `event:`/`data:` lines and
 * blank line, or any raw bytes), whatever the wire format of the request. See recordings/README.md.
 */
export interface ReplayScript {
  chunks: string[];
  /** Pause between two chunks (default 0: as fast as possible). */
  intervalMs?: number;
}

/** One scripted reply for one model. */
export interface ScriptedReply {
  /** Send this recorded stream instead of generating one (text, tokens, finish and usage are then ignored). */
  replay?: ReplayScript;
  /** The reply text. Split into tokens (words with their leading whitespace). */
  text?: string;
  /** When there is no `text`: generate this many tokens of deterministic filler. */
  tokens?: number;
  /** Streaming pace. Unset or <= 0: as fast as possible. */
  tokensPerSecond?: number;
  /** Delay between the headers (and the opening events) and the first token. */
  firstTokenDelayMs?: number;
  /** How the reply ends (default `stop`). */
  finish?: FinishKind;
  /** Override the reported usage (defaults: input ≈ chars/4 of what was sent, output = token count). */
  usage?: { inputTokens?: number; outputTokens?: number };
  fault?: Fault;
}

/** A message as a model received it, flattened to text. Roles are kept as the provider spells them. */
export interface NormalizedMessage {
  role: string;
  content: string;
  name?: string;
}

export interface LoggedRequest {
  /** 1-based, in arrival order. */
  id: number;
  /** ISO time of arrival. */
  at: string;
  provider: Provider;
  method: string;
  /** Path and query, with any `key=` query parameter redacted. */
  path: string;
  /** The model id (Gemini: without the `models/` prefix); null for lists and control calls. */
  model: string | null;
  /** The system prompt, flattened to text ('' when none). */
  system: string;
  /** The conversation without the system prompt, flattened to text. */
  messages: NormalizedMessage[];
  /** The parsed JSON body as received (null when none or not JSON). */
  body: unknown;
  /** Request headers, lower-cased, with secrets replaced by "[redacted]". */
  headers: Record<string, string>;
  /** Whether any credential header (or `key` query parameter) was present. */
  hadCredentials: boolean;
  /** Which key it was, as `keyFingerprint(key)` (a hash prefix, never the key), or null when none. */
  keyFingerprint: string | null;
  stream: boolean;
  /** The status sent, or null while no headers were sent. */
  status: number | null;
  /** The fault applied to this request, if any. */
  fault: FaultKind | null;
  /** Tokens of the reply written so far. */
  tokensSent: number;
  /** The client closed the connection before the server finished its response. */
  clientClosed: boolean;
  /** The server finished writing its response (whatever the status). */
  completed: boolean;
}

export interface RequestFilter {
  model?: string;
  provider?: Provider;
}

/** Models listed by the three list endpoints. */
export interface ModelCatalog {
  openai: string[];
  anthropic: string[];
  gemini: string[];
}
