/**
 * OpenAI Chat Completions (also every OpenAI-compatible server): `stream: true` with
 * `stream_options.include_usage`, so the last chunk carries the usage. The terminal event is a `finish_reason`.
 * Each delta is read by `deltaParts` (content-part arrays, reasoning fields, refusals).
 */
import type { PeerRequest } from '../../../core/index.ts';
import { toOpenAIChatRequest } from '../common/request-shapes.ts';
import type { StreamPart, TurnDriver } from '../../runtime/driver.ts';
import { describeStainlessError } from '../common/stainless-errors.ts';
import { chatEnding, chatReasoningTokens, deltaParts } from './chat-delta.ts';
import type { OpenAIConnection } from './connection.ts';

export interface ChatDriverOptions {
  /** `max_tokens` for compatible servers, `max_completion_tokens` for OpenAI. */
  maxTokensField: 'max_completion_tokens' | 'max_tokens';
  /** Reasoning models reject `temperature`. */
  sendTemperature: boolean;
}

export function openaiChatDriver(connection: OpenAIConnection, options: ChatDriverOptions): TurnDriver {
  return {
    async *stream(request: PeerRequest, signal: AbortSignal): AsyncGenerator<StreamPart> {
      const client = await connection.client.get();
      const body = toOpenAIChatRequest(request, { maxTokensField: options.maxTokensField });
      if (!options.sendTemperature) delete body.temperature;
      const stream = await client.chat.completions.create(
        { ...body, stream: true, stream_options: { include_usage: true } },
        { signal },
      );
      yield { type: 'opened' };
      for await (const chunk of stream) {
        const choice = chunk.choices[0];
        yield* deltaParts(choice?.delta);
        if (chunk.usage) {
          yield {
            type: 'usage',
            inputTokens: chunk.usage.prompt_tokens,
            outputTokens: chunk.usage.completion_tokens,
            reasoningTokens: chatReasoningTokens(chunk.usage),
          };
        }
        if (choice?.finish_reason)
          yield { type: 'finish', stopReason: choice.finish_reason, ending: chatEnding(choice.finish_reason) };
      }
    },
    describeError: (error) => describeStainlessError(error, connection.errorClasses()),
  };
}
