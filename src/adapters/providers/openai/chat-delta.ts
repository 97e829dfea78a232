/**
 * What one Chat Completions chunk's `delta` holds, over the shapes real servers send: `content` as a string or as
 * an array of parts (Mistral: `[{type:'text', text}]`, `[{type:'thinking', thinking:[{type:'text', text}]}]`),
 * reasoning in `reasoning_content` (DeepSeek, xAI) or `reasoning` (OpenRouter, vLLM), and OpenAI's `refusal`.
 * Read from plain JSON, so a field the SDK's types do not know is still read.
 */
import type { StopEnding, StreamPart } from '../../runtime/driver.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Text of a part's nested value: a string, or parts whose `text` is a string. */
function nestedText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return '';
  return value.map((part) => (isObject(part) && typeof part.text === 'string' ? part.text : '')).join('');
}

const REASONING_PART_TYPES = new Set(['thinking', 'reasoning']);

/** The answer text and the reasoning in a `content` array of parts. */
function contentParts(parts: readonly unknown[]): { text: string; reasoning: string } {
  let text = '';
  let reasoning = '';
  for (const part of parts) {
    if (!isObject(part) || typeof part.type !== 'string') continue;
    if (part.type === 'text' && typeof part.text === 'string') text += part.text;
    else if (REASONING_PART_TYPES.has(part.type))
      reasoning += nestedText(part.thinking) || nestedText(part.reasoning) || nestedText(part.text);
  }
  return { text, reasoning };
}

/** The stream parts of one chunk's delta, reasoning first (it comes before the answer it led to). */
export function deltaParts(delta: unknown): StreamPart[] {
  if (!isObject(delta)) return [];
  let text = '';
  let reasoning = nestedText(delta.reasoning_content) || nestedText(delta.reasoning);
  if (typeof delta.content === 'string') text = delta.content;
  else if (Array.isArray(delta.content)) {
    const parts = contentParts(delta.content);
    text = parts.text;
    reasoning += parts.reasoning;
  }
  const out: StreamPart[] = [];
  if (reasoning !== '') out.push({ type: 'reasoning', text: reasoning });
  if (typeof delta.refusal === 'string' && delta.refusal !== '') out.push({ type: 'refusal', text: delta.refusal });
  if (text !== '') out.push({ type: 'text', text });
  return out;
}

/** Reasoning tokens in a Chat usage object (`completion_tokens_details.reasoning_tokens`), when reported. */
export function chatReasoningTokens(usage: unknown): number | undefined {
  if (!isObject(usage) || !isObject(usage.completion_tokens_details)) return undefined;
  const tokens = usage.completion_tokens_details.reasoning_tokens;
  return typeof tokens === 'number' && tokens > 0 ? tokens : undefined;
}

/** What Chat Completions' finish reasons mean beyond a natural end. */
export function chatEnding(finishReason: string): StopEnding | undefined {
  if (finishReason === 'length') return 'max-tokens';
  if (finishReason === 'content_filter') return 'content-filter';
  return undefined;
}
