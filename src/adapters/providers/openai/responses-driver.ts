/**
 * OpenAI Responses API. Terminal events: `response.completed`, or `response.incomplete` (out of tokens: complete
 * with that reason). `error` and `response.failed` arrive as events without the SDK throwing, so they are turned
 * into failures here. Reasoning summaries (`response.reasoning_summary_text.delta`, parts apart by a blank line) and
 * reasoning text stream as reasoning; `response.refusal.delta` is the model's refusal.
 */
import type { PeerRequest } from '../../../core/index.ts';
import { toOpenAIResponsesRequest } from '../common/request-shapes.ts';
import type { ApiFailure } from '../../errors/failure.ts';
import type { StopEnding, StreamPart, TurnDriver } from '../../runtime/driver.ts';
import { strings } from '../common/fields.ts';
import { describeStainlessError } from '../common/stainless-errors.ts';
import type { OpenAIConnection } from './connection.ts';

interface ResponsesUsage {
  input_tokens: number;
  output_tokens: number;
  output_tokens_details?: { reasoning_tokens?: number } | null;
}

function usagePart(usage: ResponsesUsage | null | undefined): StreamPart[] {
  if (!usage) return [];
  const reasoning = usage.output_tokens_details?.reasoning_tokens;
  return [
    {
      type: 'usage',
      inputTokens: usage.input_tokens,
      outputTokens: usage.output_tokens,
      reasoningTokens: reasoning !== undefined && reasoning > 0 ? reasoning : undefined,
    },
  ];
}

/** What an incomplete response's reason means. */
export function responsesEnding(reason: string): StopEnding | undefined {
  if (reason === 'max_output_tokens') return 'max-tokens';
  if (reason === 'content_filter') return 'content-filter';
  return undefined;
}

function failurePart(code: unknown, message: unknown): StreamPart {
  const failure: ApiFailure = { kind: 'api', codes: strings(code) };
  if (typeof message === 'string') failure.providerMessage = message;
  return { type: 'failure', failure };
}

export function openaiResponsesDriver(connection: OpenAIConnection, options: { sendTemperature: boolean }): TurnDriver {
  return {
    async *stream(request: PeerRequest, signal: AbortSignal): AsyncGenerator<StreamPart> {
      const client = await connection.client.get();
      const body = toOpenAIResponsesRequest(request);
      if (!options.sendTemperature) delete body.temperature;
      const stream = await client.responses.create({ ...body, stream: true }, { signal });
      yield { type: 'opened' };
      let reasoningSeen = false;
      for await (const event of stream) {
        switch (event.type) {
          case 'response.output_text.delta':
            if (event.delta !== '') yield { type: 'text', text: event.delta };
            break;
          case 'response.reasoning_summary_part.added':
            if (reasoningSeen) yield { type: 'reasoning', text: '\n\n' };
            break;
          case 'response.reasoning_summary_text.delta':
          case 'response.reasoning_text.delta':
            if (event.delta !== '') {
              reasoningSeen = true;
              yield { type: 'reasoning', text: event.delta };
            }
            break;
          case 'response.refusal.delta':
            if (event.delta !== '') yield { type: 'refusal', text: event.delta };
            break;
          case 'response.completed':
            yield* usagePart(event.response.usage);
            yield { type: 'finish', stopReason: event.response.status ?? 'completed' };
            break;
          case 'response.incomplete': {
            yield* usagePart(event.response.usage);
            const reason = event.response.incomplete_details?.reason ?? 'incomplete';
            yield { type: 'finish', stopReason: reason, ending: responsesEnding(reason) };
            break;
          }
          case 'response.failed':
            yield failurePart(event.response.error?.code, event.response.error?.message);
            break;
          case 'error':
            yield failurePart(event.code, event.message);
            break;
          default:
            break;
        }
      }
    },
    describeError: (error) => describeStainlessError(error, connection.errorClasses()),
  };
}
