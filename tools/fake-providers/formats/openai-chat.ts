// OpenAI Chat Completions (`POST /v1/chat/completions`), also spoken by OpenAI-compatible servers.
import type { Fault, FinishKind, NormalizedMessage } from '../types.ts';
import type {
  ErrorReply,
  HttpErrorFault,
  ParsedCall,
  ReplyContext,
  StreamEncoder,
  Usage,
  WireFormat,
} from './format.ts';
import { flattenContent, isRecord, sseData, str } from './format.ts';

const SYSTEM_ROLES = new Set(['system', 'developer']);

export function openaiError(
  status: number,
  message: string,
  type: string,
  code: string | null,
  param: string | null = null,
  headers?: Record<string, string>,
): ErrorReply {
  return { status, body: { error: { message, type, param, code } }, ...(headers ? { headers } : {}) };
}

/** The HTTP errors OpenAI sends (shared by Chat Completions and Responses; `param` differs). */
export function openaiHttpError(
  fault: HttpErrorFault,
  model: string,
  contextParam: string,
  contextMessage: string,
): ErrorReply {
  switch (fault.kind) {
    case 'rate-limit': {
      const seconds = fault.retryAfterSeconds ?? 1;
      return openaiError(
        429,
        `Rate limit reached for ${model} in organization org-fake on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in ${seconds}s.`,
        'requests',
        'rate_limit_exceeded',
        null,
        {
          'retry-after': String(seconds),
          'retry-after-ms': String(Math.round(seconds * 1000)),
          'x-ratelimit-limit-requests': '3',
          'x-ratelimit-remaining-requests': '0',
          'x-ratelimit-reset-requests': `${seconds}s`,
        },
      );
    }
    case 'server-error':
      return openaiError(
        500,
        'The server had an error while processing your request. Sorry about that!',
        'server_error',
        null,
      );
    case 'overloaded':
      return openaiError(503, 'The engine is currently overloaded, please try again later.', 'server_error', null);
    case 'unauthorized':
      // The real message echoes a masked key; the fake never echoes key material.
      return openaiError(
        401,
        'Incorrect API key provided: sk-****. You can find your API key at https://platform.openai.com/account/api-keys.',
        'invalid_request_error',
        'invalid_api_key',
      );
    case 'context-too-long':
      return openaiError(400, contextMessage, 'invalid_request_error', 'context_length_exceeded', contextParam);
  }
}

export const IN_STREAM_ERROR_MESSAGE = 'The server had an error while processing your request. Sorry about that!';

function normalizeMessages(raw: unknown): { system: string; messages: NormalizedMessage[] } {
  if (!Array.isArray(raw)) throw new Error("'messages' is a required property");
  const system: string[] = [];
  const messages: NormalizedMessage[] = [];
  for (const item of raw as unknown[]) {
    if (!isRecord(item)) continue;
    const role = str(item.role) ?? 'user';
    const content = flattenContent(item.content, (part) => str(part.text));
    if (SYSTEM_ROLES.has(role)) {
      system.push(content);
      continue;
    }
    const name = str(item.name);
    messages.push(name !== undefined ? { role, content, name } : { role, content });
  }
  return { system: system.join('\n\n'), messages };
}

function finishReason(finish: FinishKind): string {
  return finish === 'length' ? 'length' : 'stop';
}

function usageOf(usage: Usage) {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

class ChatEncoder implements StreamEncoder {
  readonly #ctx: ReplyContext;
  constructor(ctx: ReplyContext) {
    this.#ctx = ctx;
  }

  #chunk(choices: unknown[], usage?: unknown): string {
    const chunk: Record<string, unknown> = {
      id: `chatcmpl-fake${this.#ctx.seq}`,
      object: 'chat.completion.chunk',
      created: this.#ctx.created,
      model: this.#ctx.model,
      service_tier: 'default',
      system_fingerprint: 'fp_fake',
      choices,
    };
    if (this.#ctx.call.includeUsage) chunk.usage = usage ?? null;
    return sseData(chunk);
  }

  open(): string[] {
    return [
      this.#chunk([
        { index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null },
      ]),
    ];
  }

  token(text: string): string[] {
    return [this.#chunk([{ index: 0, delta: { content: text }, logprobs: null, finish_reason: null }])];
  }

  close(finish: FinishKind, usage: Usage): string[] {
    const frames = [this.#chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: finishReason(finish) }])];
    if (this.#ctx.call.includeUsage) frames.push(this.#chunk([], usageOf(usage)));
    frames.push(sseData('[DONE]'));
    return frames;
  }

  error(_fault: Extract<Fault, { kind: 'stream-error-event' }>): string[] {
    // What OpenAI sends when generation fails after the 200: a data line whose object has `error`.
    return [sseData({ error: { message: IN_STREAM_ERROR_MESSAGE, type: 'server_error', param: null, code: null } })];
  }
}

export const openaiChat: WireFormat = {
  provider: 'openai-chat',
  responseHeaders: (seq) => ({ 'x-request-id': `req_fake${seq}`, 'openai-processing-ms': '1' }),

  parse(body: unknown): ParsedCall {
    if (!isRecord(body)) throw new Error('We could not parse the JSON body of your request.');
    const model = str(body.model);
    if (!model) throw new Error('you must provide a model parameter');
    const { system, messages } = normalizeMessages(body.messages);
    const streamOptions = isRecord(body.stream_options) ? body.stream_options : {};
    return {
      model,
      system,
      messages,
      stream: body.stream === true,
      includeUsage: streamOptions.include_usage === true,
    };
  },

  httpError: (fault, model) =>
    openaiHttpError(
      fault,
      model,
      'messages',
      "This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens. Please reduce the length of the messages.",
    ),

  badRequest: (message) => openaiError(400, message, 'invalid_request_error', null),

  encoder: (ctx) => new ChatEncoder(ctx),

  complete(ctx, text, finish, usage) {
    return {
      id: `chatcmpl-fake${ctx.seq}`,
      object: 'chat.completion',
      created: ctx.created,
      model: ctx.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: text, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: finishReason(finish),
        },
      ],
      usage: usageOf(usage),
      service_tier: 'default',
      system_fingerprint: 'fp_fake',
    };
  },
};
