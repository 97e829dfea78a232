// OpenAI Responses (`POST /v1/responses`): typed SSE events with `event:` lines and sequence numbers.
import type { Fault, FinishKind, NormalizedMessage } from '../types.ts';
import type { ParsedCall, ReplyContext, StreamEncoder, Usage, WireFormat } from './format.ts';
import { flattenContent, isRecord, sseEvent, str } from './format.ts';
import { IN_STREAM_ERROR_MESSAGE, openaiError, openaiHttpError } from './openai-chat.ts';

const SYSTEM_ROLES = new Set(['system', 'developer']);

function normalizeInput(
  input: unknown,
  instructions: string | undefined,
): { system: string; messages: NormalizedMessage[] } {
  const system: string[] = instructions ? [instructions] : [];
  const messages: NormalizedMessage[] = [];
  if (typeof input === 'string') {
    messages.push({ role: 'user', content: input });
  } else if (Array.isArray(input)) {
    for (const item of input as unknown[]) {
      if (!isRecord(item)) continue;
      // Message items carry a role; other items (function calls, outputs…) are logged by type.
      const role = str(item.role) ?? str(item.type) ?? 'user';
      const content =
        item.role !== undefined ? flattenContent(item.content, (part) => str(part.text)) : JSON.stringify(item);
      if (SYSTEM_ROLES.has(role)) system.push(content);
      else messages.push({ role, content });
    }
  } else if (input !== undefined) {
    throw new Error("Invalid type for 'input': expected a string or an array of input items.");
  }
  return { system: system.join('\n\n'), messages };
}

function usageOf(usage: Usage) {
  return {
    input_tokens: usage.inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: usage.outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
}

type Status = 'in_progress' | 'completed' | 'incomplete' | 'failed';

function responseObject(
  ctx: ReplyContext,
  status: Status,
  output: unknown[],
  usage: Usage | null,
  extra: Record<string, unknown> = {},
) {
  return {
    id: `resp_fake${ctx.seq}`,
    object: 'response',
    created_at: ctx.created,
    status,
    background: false,
    error: null,
    incomplete_details: null,
    instructions: null,
    max_output_tokens: null,
    model: ctx.model,
    output,
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    service_tier: 'default',
    store: false,
    temperature: 1,
    text: { format: { type: 'text' } },
    tool_choice: 'auto',
    tools: [],
    top_p: 1,
    truncation: 'disabled',
    usage: usage ? usageOf(usage) : null,
    user: null,
    metadata: {},
    ...extra,
  };
}

function messageItem(ctx: ReplyContext, status: Status, text: string | null) {
  return {
    id: `msg_fake${ctx.seq}`,
    type: 'message',
    status,
    role: 'assistant',
    content: text === null ? [] : [{ type: 'output_text', annotations: [], logprobs: [], text }],
  };
}

class ResponsesEncoder implements StreamEncoder {
  readonly #ctx: ReplyContext;
  #seq = 0;
  #text = '';
  constructor(ctx: ReplyContext) {
    this.#ctx = ctx;
  }

  #event(type: string, fields: Record<string, unknown>): string {
    return sseEvent(type, { type, sequence_number: this.#seq++, ...fields });
  }

  get #itemId(): string {
    return `msg_fake${this.#ctx.seq}`;
  }

  open(): string[] {
    const ctx = this.#ctx;
    return [
      this.#event('response.created', { response: responseObject(ctx, 'in_progress', [], null) }),
      this.#event('response.in_progress', { response: responseObject(ctx, 'in_progress', [], null) }),
      this.#event('response.output_item.added', { output_index: 0, item: messageItem(ctx, 'in_progress', null) }),
      this.#event('response.content_part.added', {
        item_id: this.#itemId,
        output_index: 0,
        content_index: 0,
        part: { type: 'output_text', annotations: [], logprobs: [], text: '' },
      }),
    ];
  }

  token(text: string): string[] {
    this.#text += text;
    return [
      this.#event('response.output_text.delta', {
        item_id: this.#itemId,
        output_index: 0,
        content_index: 0,
        delta: text,
        logprobs: [],
      }),
    ];
  }

  close(finish: FinishKind, usage: Usage): string[] {
    const ctx = this.#ctx;
    const text = this.#text;
    const status: Status = finish === 'length' ? 'incomplete' : 'completed';
    const item = messageItem(ctx, status, text);
    const extra = finish === 'length' ? { incomplete_details: { reason: 'max_output_tokens' } } : {};
    return [
      this.#event('response.output_text.done', {
        item_id: this.#itemId,
        output_index: 0,
        content_index: 0,
        text,
        logprobs: [],
      }),
      this.#event('response.content_part.done', {
        item_id: this.#itemId,
        output_index: 0,
        content_index: 0,
        part: { type: 'output_text', annotations: [], logprobs: [], text },
      }),
      this.#event('response.output_item.done', { output_index: 0, item }),
      this.#event(finish === 'length' ? 'response.incomplete' : 'response.completed', {
        response: responseObject(ctx, status, [item], usage, extra),
      }),
    ];
  }

  error(fault: Extract<Fault, { kind: 'stream-error-event' }>): string[] {
    const which = fault.responsesEvent ?? 'both';
    const frames: string[] = [];
    if (which === 'error' || which === 'both') {
      frames.push(this.#event('error', { code: 'server_error', message: IN_STREAM_ERROR_MESSAGE, param: null }));
    }
    if (which === 'response.failed' || which === 'both') {
      const failed = responseObject(this.#ctx, 'failed', [messageItem(this.#ctx, 'incomplete', this.#text)], null, {
        error: { code: 'server_error', message: IN_STREAM_ERROR_MESSAGE },
      });
      frames.push(this.#event('response.failed', { response: failed }));
    }
    return frames;
  }
}

export const openaiResponses: WireFormat = {
  provider: 'openai-responses',
  responseHeaders: (seq) => ({ 'x-request-id': `req_fake${seq}`, 'openai-processing-ms': '1' }),

  parse(body: unknown): ParsedCall {
    if (!isRecord(body)) throw new Error('We could not parse the JSON body of your request.');
    const model = str(body.model);
    if (!model) throw new Error("Missing required parameter: 'model'.");
    const { system, messages } = normalizeInput(body.input, str(body.instructions));
    return { model, system, messages, stream: body.stream === true, includeUsage: true };
  },

  httpError: (fault, model) =>
    openaiHttpError(
      fault,
      model,
      'input',
      'Your input exceeds the context window of this model. Please adjust your input and try again.',
    ),

  badRequest: (message) => openaiError(400, message, 'invalid_request_error', null),

  encoder: (ctx) => new ResponsesEncoder(ctx),

  complete(ctx, text, finish, usage) {
    const status: Status = finish === 'length' ? 'incomplete' : 'completed';
    const extra = finish === 'length' ? { incomplete_details: { reason: 'max_output_tokens' } } : {};
    return responseObject(ctx, status, [messageItem(ctx, status, text)], usage, extra);
  },
};
