// Anthropic Messages (`POST /v1/messages`): named SSE events, errors as `{type:'error', error:{type, message}}`.
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
import { flattenContent, isRecord, sseEvent, str } from './format.ts';

export function anthropicError(
  status: number,
  type: string,
  message: string,
  seq: number,
  headers?: Record<string, string>,
): ErrorReply {
  return {
    status,
    body: { type: 'error', error: { type, message }, request_id: `req_fake${seq}` },
    ...(headers ? { headers } : {}),
  };
}

function httpError(fault: HttpErrorFault, seq: number): ErrorReply {
  switch (fault.kind) {
    case 'rate-limit': {
      const seconds = fault.retryAfterSeconds ?? 1;
      return anthropicError(
        429,
        'rate_limit_error',
        'This request would exceed the rate limit for your organization (fake-org) of 50 requests per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits.',
        seq,
        {
          'retry-after': String(seconds),
          'anthropic-ratelimit-requests-limit': '50',
          'anthropic-ratelimit-requests-remaining': '0',
          'anthropic-ratelimit-requests-reset': new Date(Date.now() + seconds * 1000).toISOString(),
        },
      );
    }
    case 'server-error':
      return anthropicError(500, 'api_error', 'Internal server error', seq);
    case 'overloaded':
      return anthropicError(529, 'overloaded_error', 'Overloaded', seq);
    case 'unauthorized':
      return anthropicError(401, 'authentication_error', 'invalid x-api-key', seq);
    case 'context-too-long':
      return anthropicError(400, 'invalid_request_error', 'prompt is too long: 215000 tokens > 200000 maximum', seq);
  }
}

const textOfBlock = (block: Record<string, unknown>): string | undefined => str(block.text);

function normalize(body: Record<string, unknown>): { system: string; messages: NormalizedMessage[] } {
  if (!Array.isArray(body.messages)) throw new Error('messages: Field required');
  const messages: NormalizedMessage[] = [];
  for (const item of body.messages as unknown[]) {
    if (!isRecord(item)) continue;
    messages.push({ role: str(item.role) ?? 'user', content: flattenContent(item.content, textOfBlock) });
  }
  return { system: body.system === undefined ? '' : flattenContent(body.system, textOfBlock), messages };
}

function stopReason(finish: FinishKind): string {
  return finish === 'length' ? 'max_tokens' : 'end_turn';
}

function usageOf(inputTokens: number, outputTokens: number) {
  return {
    input_tokens: inputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: outputTokens,
    service_tier: 'standard',
  };
}

class AnthropicEncoder implements StreamEncoder {
  readonly #ctx: ReplyContext;
  constructor(ctx: ReplyContext) {
    this.#ctx = ctx;
  }

  open(): string[] {
    const ctx = this.#ctx;
    return [
      sseEvent('message_start', {
        type: 'message_start',
        message: {
          id: `msg_fake${ctx.seq}`,
          type: 'message',
          role: 'assistant',
          model: ctx.model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: usageOf(ctx.inputTokens, 1),
        },
      }),
      sseEvent('content_block_start', {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'text', text: '' },
      }),
      sseEvent('ping', { type: 'ping' }),
    ];
  }

  token(text: string): string[] {
    return [
      sseEvent('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }),
    ];
  }

  close(finish: FinishKind, usage: Usage): string[] {
    return [
      sseEvent('content_block_stop', { type: 'content_block_stop', index: 0 }),
      sseEvent('message_delta', {
        type: 'message_delta',
        delta: { stop_reason: stopReason(finish), stop_sequence: null },
        usage: {
          input_tokens: usage.inputTokens,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
          output_tokens: usage.outputTokens,
        },
      }),
      sseEvent('message_stop', { type: 'message_stop' }),
    ];
  }

  error(_fault: Extract<Fault, { kind: 'stream-error-event' }>): string[] {
    return [
      sseEvent('error', {
        type: 'error',
        error: { type: 'overloaded_error', message: 'Overloaded' },
        request_id: `req_fake${this.#ctx.seq}`,
      }),
    ];
  }
}

export const anthropic: WireFormat = {
  provider: 'anthropic',
  responseHeaders: (seq) => ({ 'request-id': `req_fake${seq}`, 'anthropic-organization-id': 'fake-org' }),

  parse(body: unknown): ParsedCall {
    if (!isRecord(body)) throw new Error('The request body is not valid JSON.');
    const model = str(body.model);
    if (!model) throw new Error('model: Field required');
    if (typeof body.max_tokens !== 'number') throw new Error('max_tokens: Field required');
    return { model, ...normalize(body), stream: body.stream === true, includeUsage: true };
  },

  httpError: (fault, _model, seq) => httpError(fault, seq),

  badRequest: (message, seq) => anthropicError(400, 'invalid_request_error', message, seq),

  encoder: (ctx) => new AnthropicEncoder(ctx),

  complete(ctx, text, finish, usage) {
    return {
      id: `msg_fake${ctx.seq}`,
      type: 'message',
      role: 'assistant',
      model: ctx.model,
      content: [{ type: 'text', text }],
      stop_reason: stopReason(finish),
      stop_sequence: null,
      usage: usageOf(usage.inputTokens, usage.outputTokens),
    };
  },
};
