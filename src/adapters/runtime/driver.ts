/**
 * The one stream shape every provider is normalized into (like big-AGI's aix layer): a provider module turns its
 * SDK's events into `StreamPart`s, and the shared turn runner does the rest (timeouts, retries, outcome).
 */
import type { PeerRequest } from '../../core/index.ts';
import type { EndingKind } from '../../core/index.ts';
import type { Failure } from '../errors/failure.ts';

/** What a stop reason can mean beyond a natural end; an empty reply is found by the runner itself. */
export type StopEnding = Exclude<EndingKind, 'empty'>;

export type StreamPart =
  /** The provider answered the request (its stream is open); nothing of the reply may have come yet. */
  | { type: 'opened' }
  /** Visible reply text (reasoning and other non-text parts are left out). */
  | { type: 'text'; text: string }
  /** Reasoning text: thinking, thought parts, reasoning summaries, `reasoning_content`. */
  | { type: 'reasoning'; text: string }
  /** The provider withheld some reasoning (Anthropic `redacted_thinking`). */
  | { type: 'reasoning-redacted' }
  /** The model's refusal text (OpenAI `refusal`), kept apart from the answer. */
  | { type: 'refusal'; text: string }
  /** Token counts so far; each field, when present, replaces the previous value. */
  | { type: 'usage'; inputTokens?: number; outputTokens?: number; reasoningTokens?: number }
  /**
   * The provider's terminal event, with its own stop reason. Only this makes a turn complete. `ending` says what
   * the stop reason means when it is not a natural end (the driver knows its provider's words for it).
   */
  | { type: 'finish'; stopReason: string; ending?: StopEnding }
  /** An error the provider sent inside the stream without the SDK throwing (OpenAI Responses `error`/`response.failed`). */
  | { type: 'failure'; failure: Failure };

/** One provider's wire format, behind the shared runner. */
export interface TurnDriver {
  /** Opens one attempt and yields its parts. May throw whatever the SDK throws; `describeError` explains it. */
  stream(request: PeerRequest, signal: AbortSignal): AsyncIterable<StreamPart>;
  /** Turns anything `stream` threw into a `Failure`. */
  describeError(error: unknown): Failure;
}
