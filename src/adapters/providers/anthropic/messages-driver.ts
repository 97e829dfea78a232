/**
 * Anthropic Messages, raw stream (`stream: true`): `message_start` (input usage), `content_block_delta` text,
 * `message_delta` (stop reason, output usage), and the terminal `message_stop`. An `error` event makes the SDK
 * throw an APIError without status.
 */
import type { PeerRequest } from '../../../core/index.ts';
import { toAnthropicRequest } from '../common/request-shapes.ts';
import type { StreamPart, TurnDriver } from '../../runtime/driver.ts';
import { describeStainlessError } from '../common/stainless-errors.ts';
import type { AnthropicConnection } from './connection.ts';

/** Anthropic counts cached input separately; all of it is input. */
function inputTokens(usage: {
  input_tokens: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
}): number | undefined {
  if (usage.input_tokens === null) return undefined;
  return usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
}

export function anthropicMessagesDriver(connection: AnthropicConnection): TurnDriver {
  return {
    async *stream(request: PeerRequest, signal: AbortSignal): AsyncGenerator<StreamPart> {
      const client = await connection.client.get();
      const stream = await client.messages.create({ ...toAnthropicRequest(request), stream: true }, { signal });
      yield { type: 'opened' };
      let stopReason: string | null = null;
      for await (const event of stream) {
        switch (event.type) {
          case 'message_start':
            yield {
              type: 'usage',
              inputTokens: inputTokens(event.message.usage),
              outputTokens: event.message.usage.output_tokens,
            };
            break;
          case 'content_block_delta':
            if (event.delta.type === 'text_delta' && event.delta.text !== '')
              yield { type: 'text', text: event.delta.text };
            break;
          case 'message_delta':
            stopReason = event.delta.stop_reason ?? stopReason;
            yield { type: 'usage', inputTokens: inputTokens(event.usage), outputTokens: event.usage.output_tokens };
            break;
          case 'message_stop':
            yield { type: 'finish', stopReason: stopReason ?? 'end_turn' };
            break;
          default:
            break;
        }
      }
    },
    describeError: (error) => describeStainlessError(error, connection.errorClasses()),
  };
}
