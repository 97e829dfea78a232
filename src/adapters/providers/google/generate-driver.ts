/**
 * Gemini `streamGenerateContent`: text parts (thought parts left out), `usageMetadata`, and the terminal
 * `finishReason` (STOP, MAX_TOKENS, SAFETY…). A prompt blocked outright ends with `promptFeedback.blockReason`.
 */
import type { GenerateContentResponse } from '@google/genai';
import type { PeerRequest } from '../../../core/index.ts';
import { toGeminiRequest } from '../common/request-shapes.ts';
import type { StreamPart, TurnDriver } from '../../runtime/driver.ts';
import type { GoogleConnection } from './connection.ts';
import { describeGoogleError } from './errors.ts';

function visibleText(chunk: GenerateContentResponse): string {
  const parts = chunk.candidates?.[0]?.content?.parts ?? [];
  return parts.map((part) => (part.thought === true || typeof part.text !== 'string' ? '' : part.text)).join('');
}

export function geminiDriver(connection: GoogleConnection): TurnDriver {
  return {
    async *stream(request: PeerRequest, signal: AbortSignal): AsyncGenerator<StreamPart> {
      const client = await connection.client.get();
      const body = toGeminiRequest(request);
      const stream = await client.models.generateContentStream({
        model: body.model,
        contents: body.contents,
        config: { ...body.generationConfig, systemInstruction: body.systemInstruction, abortSignal: signal },
      });
      yield { type: 'opened' };
      for await (const chunk of stream) {
        const text = visibleText(chunk);
        if (text !== '') yield { type: 'text', text };
        const usage = chunk.usageMetadata;
        if (usage) {
          const output = (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0);
          yield { type: 'usage', inputTokens: usage.promptTokenCount, outputTokens: output };
        }
        const finishReason = chunk.candidates?.[0]?.finishReason;
        if (finishReason) yield { type: 'finish', stopReason: String(finishReason) };
        else if (chunk.promptFeedback?.blockReason) {
          yield { type: 'finish', stopReason: `PROMPT_BLOCKED_${String(chunk.promptFeedback.blockReason)}` };
        }
      }
    },
    describeError: (error) => describeGoogleError(error, connection.apiErrorClass()),
  };
}
