// Gemini (`models/{model}:streamGenerateContent?alt=sse` and `:generateContent`, under /v1beta or /v1).
// Chunks are whole GenerateContentResponse objects; Google's SSE separates frames with CRLF CRLF.
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
import { isRecord, sseData, str } from './format.ts';

const EOL = '\r\n';

export function geminiError(
  code: number,
  status: string,
  message: string,
  details?: unknown[],
  headers?: Record<string, string>,
): ErrorReply {
  return {
    status: code,
    body: { error: { code, message, status, ...(details ? { details } : {}) } },
    ...(headers ? { headers } : {}),
  };
}

const OVERLOADED = 'The model is overloaded. Please try again later.';

function httpError(fault: HttpErrorFault): ErrorReply {
  switch (fault.kind) {
    case 'rate-limit': {
      const seconds = fault.retryAfterSeconds ?? 1;
      // Gemini states the wait in a RetryInfo detail; the header is extra (the SDK does not expose headers).
      return geminiError(
        429,
        'RESOURCE_EXHAUSTED',
        `You exceeded your current quota, please check your plan and billing details. Please retry in ${seconds}s.`,
        [
          {
            '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
            violations: [
              {
                quotaMetric: 'generativelanguage.googleapis.com/generate_content_requests',
                quotaId: 'GenerateRequestsPerMinutePerProjectPerModel',
              },
            ],
          },
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${seconds}s` },
        ],
        { 'retry-after': String(seconds) },
      );
    }
    case 'server-error':
      return geminiError(
        500,
        'INTERNAL',
        'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
      );
    case 'overloaded':
      return geminiError(503, 'UNAVAILABLE', OVERLOADED);
    case 'unauthorized': {
      const status = fault.geminiStatus ?? 400;
      if (status === 401) {
        return geminiError(
          401,
          'UNAUTHENTICATED',
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        );
      }
      if (status === 403) {
        return geminiError(
          403,
          'PERMISSION_DENIED',
          "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
        );
      }
      // What Gemini really answers for a wrong API key.
      return geminiError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'API_KEY_INVALID',
          domain: 'googleapis.com',
          metadata: { service: 'generativelanguage.googleapis.com' },
        },
      ]);
    }
    case 'context-too-long':
      return geminiError(
        400,
        'INVALID_ARGUMENT',
        'The input token count (1100000) exceeds the maximum number of tokens allowed (1048576).',
      );
  }
}

function textOfParts(parts: unknown): string {
  if (!Array.isArray(parts)) return '';
  return (parts as unknown[])
    .map((part) => {
      if (!isRecord(part)) return '';
      const text = str(part.text);
      if (text !== undefined) return text;
      const kind = Object.keys(part)[0];
      return `[${kind ?? 'part'}]`;
    })
    .join('\n');
}

function normalize(body: Record<string, unknown>): { system: string; messages: NormalizedMessage[] } {
  if (!Array.isArray(body.contents)) throw new Error('* GenerateContentRequest.contents: contents is not specified');
  const messages: NormalizedMessage[] = [];
  for (const item of body.contents as unknown[]) {
    if (!isRecord(item)) continue;
    messages.push({ role: str(item.role) ?? 'user', content: textOfParts(item.parts) });
  }
  const systemInstruction = body.systemInstruction ?? body.system_instruction;
  const system = isRecord(systemInstruction) ? textOfParts(systemInstruction.parts) : '';
  return { system, messages };
}

function finishReason(finish: FinishKind): string {
  return finish === 'length' ? 'MAX_TOKENS' : 'STOP';
}

function usageOf(inputTokens: number, outputTokens: number | null) {
  const usage: Record<string, unknown> = {
    promptTokenCount: inputTokens,
    totalTokenCount: inputTokens + (outputTokens ?? 0),
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: inputTokens }],
  };
  if (outputTokens !== null) usage.candidatesTokenCount = outputTokens;
  return usage;
}

class GeminiEncoder implements StreamEncoder {
  readonly #ctx: ReplyContext;
  #outputTokens = 0;
  constructor(ctx: ReplyContext) {
    this.#ctx = ctx;
  }

  #chunk(text: string, usage: Record<string, unknown>, finish?: string): string {
    const candidate: Record<string, unknown> = { content: { parts: [{ text }], role: 'model' }, index: 0 };
    if (finish) candidate.finishReason = finish;
    return sseData(
      {
        candidates: [candidate],
        usageMetadata: usage,
        modelVersion: this.#ctx.model,
        responseId: `fakeresp${this.#ctx.seq}`,
      },
      EOL,
    );
  }

  open(): string[] {
    return [];
  }

  token(text: string): string[] {
    this.#outputTokens++;
    // Like the real API, every chunk carries the running usage (prompt count, candidates so far).
    return [this.#chunk(text, usageOf(this.#ctx.inputTokens, this.#outputTokens))];
  }

  close(finish: FinishKind, usage: Usage): string[] {
    return [this.#chunk('', usageOf(usage.inputTokens, usage.outputTokens), finishReason(finish))];
  }

  error(_fault: Extract<Fault, { kind: 'stream-error-event' }>): string[] {
    return [sseData({ error: { code: 503, message: OVERLOADED, status: 'UNAVAILABLE' } }, EOL)];
  }
}

export const gemini: WireFormat = {
  provider: 'gemini',
  responseHeaders: () => ({ 'x-gemini-service-tier': 'standard' }),

  parse(body: unknown, route): ParsedCall {
    if (!isRecord(body)) throw new Error('Invalid JSON payload received.');
    if (!route.model) throw new Error('* GenerateContentRequest.model: unexpected model name format');
    return { model: route.model, ...normalize(body), stream: route.stream === true, includeUsage: true };
  },

  httpError: (fault) => httpError(fault),

  badRequest: (message) => geminiError(400, 'INVALID_ARGUMENT', message),

  encoder: (ctx) => new GeminiEncoder(ctx),

  complete(ctx, text, finish, usage) {
    return {
      candidates: [{ content: { parts: [{ text }], role: 'model' }, finishReason: finishReason(finish), index: 0 }],
      usageMetadata: usageOf(usage.inputTokens, usage.outputTokens),
      modelVersion: ctx.model,
      responseId: `fakeresp${ctx.seq}`,
    };
  },
};
