// What every wire format provides to the response engine, plus helpers they share.
import type { Fault, FinishKind, NormalizedMessage, Provider } from '../types.ts';

/** What the engine needs from a parsed request body. */
export interface ParsedCall {
  model: string;
  system: string;
  messages: NormalizedMessage[];
  stream: boolean;
  /** OpenAI Chat: `stream_options.include_usage`. Ignored by the other formats. */
  includeUsage: boolean;
}

/** Faults answered with an HTTP error status before any body is streamed. */
export type HttpErrorFault = Extract<
  Fault,
  { kind: 'rate-limit' | 'server-error' | 'overloaded' | 'unauthorized' | 'context-too-long' }
>;

export interface ErrorReply {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

/** Fixed facts about one reply, known before its first byte. */
export interface ReplyContext {
  model: string;
  /** A per-request id suffix, used to build provider-looking ids. */
  seq: number;
  /** Unix seconds. */
  created: number;
  inputTokens: number;
  call: ParsedCall;
}

/** Produces the SSE frames of one streamed reply. Stateful: one encoder per reply. */
export interface StreamEncoder {
  /** Frames before the first token. */
  open(): string[];
  /** Frames carrying one token. */
  token(text: string): string[];
  /** The terminal frames of a normal end. */
  close(finish: FinishKind, usage: Usage): string[];
  /** The provider's in-stream error, sent instead of `close`. */
  error(fault: Extract<Fault, { kind: 'stream-error-event' }>): string[];
}

export interface WireFormat {
  provider: Provider;
  /** Extra headers on every response of this format (e.g. a request id). */
  responseHeaders(seq: number): Record<string, string>;
  /** Parse a request body; throws an Error with a message for a 400 when it is unusable. */
  parse(body: unknown, route: { model?: string; stream?: boolean }): ParsedCall;
  /** The provider's error reply for an HTTP-level fault. */
  httpError(fault: HttpErrorFault, model: string, seq: number): ErrorReply;
  /** The provider's 400 for a malformed request. */
  badRequest(message: string, seq: number): ErrorReply;
  encoder(ctx: ReplyContext): StreamEncoder;
  /** The non-streaming JSON body. */
  complete(ctx: ReplyContext, text: string, finish: FinishKind, usage: Usage): unknown;
}

// ---------------------------------------------------------------------------------------------

/** An SSE frame with only a data line (OpenAI Chat, Gemini). */
export function sseData(data: unknown, eol = '\n'): string {
  return `data: ${typeof data === 'string' ? data : JSON.stringify(data)}${eol}${eol}`;
}

/** An SSE frame with an event line (Responses, Anthropic). */
export function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Flatten a content value (string, or a list of typed parts) to text; non-text parts become `[type]`. */
export function flattenContent(
  content: unknown,
  textOf: (part: Record<string, unknown>) => string | undefined,
): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return content === undefined || content === null ? '' : JSON.stringify(content);
  return content
    .map((part: unknown) => {
      if (typeof part === 'string') return part;
      if (!isRecord(part)) return '';
      return textOf(part) ?? `[${str(part.type) ?? 'part'}]`;
    })
    .join('\n');
}

/** A rough token estimate: about four characters a token, at least one. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

export function inputTokensOf(call: ParsedCall): number {
  return estimateTokens(call.system + call.messages.map((message) => message.content).join('\n'));
}
