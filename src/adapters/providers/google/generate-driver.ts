/**
 * Gemini `streamGenerateContent`: text parts, thought parts (`thought: true`, streamed as reasoning;
 * `thoughtSignature`-only parts carry nothing to show), `usageMetadata` (with `thoughtsTokenCount`), and the
 * terminal `finishReason` (STOP, MAX_TOKENS, SAFETY…). A prompt blocked outright ends with
 * `promptFeedback.blockReason`.
 */
import type { GenerateContentResponse } from '@google/genai';
import type { PeerRequest } from '../../../core/index.ts';
import { toGeminiRequest } from '../common/request-shapes.ts';
import type { StopEnding, StreamPart, TurnDriver } from '../../runtime/driver.ts';
import type { GoogleConnection } from './connection.ts';
import { describeGoogleError } from './errors.ts';

/** The chunk's thought text, then its answer text, as stream parts. */
function contentParts(chunk: GenerateContentResponse): StreamPart[] {
  let reasoning = '';
  let text = '';
  for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
    if (typeof part.text !== 'string') continue;
    if (part.thought === true) reasoning += part.text;
    else text += part.text;
  }
  const out: StreamPart[] = [];
  if (reasoning !== '') out.push({ type: 'reasoning', text: reasoning });
  if (text !== '') out.push({ type: 'text', text });
  return out;
}

/** Gemini's finish reasons for a reply its filters stopped. */
const FILTERED = new Set(['SAFETY', 'RECITATION', 'PROHIBITED_CONTENT', 'BLOCKLIST', 'SPII', 'IMAGE_SAFETY']);

/** What Gemini's finish reasons (and `PROMPT_BLOCKED_…`) mean beyond a natural end. */
export function geminiEnding(finishReason: string): StopEnding | undefined {
  if (finishReason === 'MAX_TOKENS') return 'max-tokens';
  if (FILTERED.has(finishReason) || finishReason.startsWith('PROMPT_BLOCKED')) return 'content-filter';
  return undefined;
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
        yield* contentParts(chunk);
        const usage = chunk.usageMetadata;
        if (usage) {
          const output = (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0);
          const thoughts = usage.thoughtsTokenCount;
          yield {
            type: 'usage',
            inputTokens: usage.promptTokenCount,
            outputTokens: output,
            reasoningTokens: thoughts !== undefined && thoughts > 0 ? thoughts : undefined,
          };
        }
        const finishReason = chunk.candidates?.[0]?.finishReason;
        const stopReason = finishReason
          ? String(finishReason)
          : chunk.promptFeedback?.blockReason
            ? `PROMPT_BLOCKED_${String(chunk.promptFeedback.blockReason)}`
            : null;
        if (stopReason !== null) yield { type: 'finish', stopReason, ending: geminiEnding(stopReason) };
      }
    },
    describeError: (error) => describeGoogleError(error, connection.apiErrorClass()),
  };
}
