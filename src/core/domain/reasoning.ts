/**
 * What a peer thought before it answered, and how a reply ended when the ending needs explaining. Both come from
 * the adapters (normalized over every provider) and are kept with the peer's message in the room log.
 */

/** A turn's reasoning: the text the provider showed (summaries included), never part of the answer. */
export interface ReasoningRecord {
  /** The reasoning text as streamed ('' when all of it was redacted). */
  text: string;
  /** The provider withheld some reasoning (Anthropic `redacted_thinking`). */
  redacted?: boolean;
  /** Reasoning tokens, when the provider reports them. */
  tokens?: number;
  /** From the first reasoning to the first answer text (or the end of the turn when no answer came). */
  durationMs?: number;
}

/** Endings that need a word to the reader; a natural stop with text needs none. */
export type EndingKind = 'refusal' | 'content-filter' | 'max-tokens' | 'empty';

export const ENDING_KINDS: readonly EndingKind[] = ['refusal', 'content-filter', 'max-tokens', 'empty'];

/** How a complete reply ended, when that was not simply "the model finished its answer". */
export interface TurnEnding {
  kind: EndingKind;
  /** The provider's own reason (`refusal`, `content_filter`, `SAFETY`, `max_tokens`…); null when there is none. */
  providerReason: string | null;
  /** The provider's refusal text (OpenAI's `refusal` field), shown as the refusal. */
  refusal?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** The first field of a reasoning record that is wrong, or null when it is valid. */
export function reasoningProblem(value: unknown): string | null {
  if (!isObject(value)) return '';
  if (typeof value.text !== 'string') return 'text';
  if (value.redacted !== undefined && typeof value.redacted !== 'boolean') return 'redacted';
  if (value.tokens !== undefined && !isCount(value.tokens)) return 'tokens';
  if (value.durationMs !== undefined && !isCount(value.durationMs)) return 'durationMs';
  if (value.text === '' && value.redacted !== true) return 'text';
  return null;
}

/** The first field of an ending that is wrong, or null when it is valid. */
export function endingProblem(value: unknown): string | null {
  if (!isObject(value)) return '';
  if (typeof value.kind !== 'string' || !(ENDING_KINDS as readonly string[]).includes(value.kind)) return 'kind';
  if (value.providerReason !== null && typeof value.providerReason !== 'string') return 'providerReason';
  if (value.refusal !== undefined && typeof value.refusal !== 'string') return 'refusal';
  return null;
}

/** How hard an OpenAI reasoning model thinks (`reasoning_effort`, Responses `reasoning.effort`). */
export type ReasoningEffort = 'minimal' | 'low' | 'medium' | 'high';

export const REASONING_EFFORTS: readonly ReasoningEffort[] = ['minimal', 'low', 'medium', 'high'];

/**
 * What a seat asks of its model's reasoning; each provider reads its own part. Anthropic: `budgetTokens` turns
 * extended thinking on. OpenAI: `effort` (Responses also asks for a reasoning summary). Gemini: `budgetTokens` is
 * the thinking budget (0 off, -1 dynamic) and `includeThoughts` asks for thought summaries.
 */
export interface ReasoningRequest {
  effort?: ReasoningEffort;
  budgetTokens?: number;
  includeThoughts?: boolean;
}
