/**
 * Anthropic Messages, raw stream (`stream: true`): `message_start` (input usage), `content_block_start` (a
 * `redacted_thinking` block), `content_block_delta` text and `thinking_delta`, `message_delta` (stop reason,
 * output usage), and the terminal `message_stop`. An `error` event makes the SDK throw an APIError without status.
 */
import type { PeerRequest } from '../../../core/index.ts';
import { toAnthropicRequest } from '../common/request-shapes.ts';
import type { StopEnding, StreamPart, TurnDriver } from '../../runtime/driver.ts';
import { describeStainlessError } from '../common/stainless-errors.ts';
import type { AnthropicConnection } from './connection.ts';

/**
 * Anthropic counts cached input separately; all of it is input. A `message_delta` may carry only `output_tokens`
 * (as in Anthropic's own streaming examples): then there is no input count.
 */
function inputTokens(usage: {
  input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
}): number | undefined {
  if (typeof usage.input_tokens !== 'number') return undefined;
  return usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
}

/** What Anthropic's stop reasons mean beyond a natural end. */
export function anthropicEnding(stopReason: string): StopEnding | undefined {
  if (stopReason === 'refusal') return 'refusal';
  if (stopReason === 'max_tokens' || stopReason === 'model_context_window_exceeded') return 'max-tokens';
  return undefined;
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
          case 'content_block_start':
            if (event.content_block.type === 'redacted_thinking') yield { type: 'reasoning-redacted' };
            break;
          case 'content_block_delta':
            if (event.delta.type === 'text_delta' && event.delta.text !== '')
              yield { type: 'text', text: event.delta.text };
            else if (event.delta.type === 'thinking_delta' && event.delta.thinking !== '')
              yield { type: 'reasoning', text: event.delta.thinking };
            break;
          case 'message_delta':
            stopReason = event.delta.stop_reason ?? stopReason;
            yield { type: 'usage', inputTokens: inputTokens(event.usage), outputTokens: event.usage.output_tokens };
            break;
          case 'message_stop': {
            const reason = stopReason ?? 'end_turn';
            yield { type: 'finish', stopReason: reason, ending: anthropicEnding(reason) };
            break;
          }
          default:
            break;
        }
      }
    },
    describeError: (error) => describeStainlessError(error, connection.errorClasses()),
  };
}
