/**
 * OpenAI Responses API. Terminal events: `response.completed`, or `response.incomplete` (out of tokens: complete
 * with that reason). `error` and `response.failed` arrive as events without the SDK throwing, so they are turned
 * into failures here.
 */
import type { PeerRequest } from '../../../core/index.ts';
import { toOpenAIResponsesRequest } from '../common/request-shapes.ts';
import type { ApiFailure } from '../../errors/failure.ts';
import type { StreamPart, TurnDriver } from '../../runtime/driver.ts';
import { strings } from '../common/fields.ts';
import { describeStainlessError } from '../common/stainless-errors.ts';
import type { OpenAIConnection } from './connection.ts';

function usagePart(usage: { input_tokens: number; output_tokens: number } | null | undefined): StreamPart[] {
  return usage ? [{ type: 'usage', inputTokens: usage.input_tokens, outputTokens: usage.output_tokens }] : [];
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
      for await (const event of stream) {
        switch (event.type) {
          case 'response.output_text.delta':
            if (event.delta !== '') yield { type: 'text', text: event.delta };
            break;
          case 'response.completed':
            yield* usagePart(event.response.usage);
            yield { type: 'finish', stopReason: event.response.status ?? 'completed' };
            break;
          case 'response.incomplete':
            yield* usagePart(event.response.usage);
            yield { type: 'finish', stopReason: event.response.incomplete_details?.reason ?? 'incomplete' };
            break;
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
