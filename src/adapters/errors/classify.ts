/**
 * Failure → reason, by status and machine-readable codes (never by SDK class names, which minification changes).
 * The order matters: a 400 can be a bad key (Gemini) or a context overflow before it is a plain bad request.
 */
import type { RetryableReason, TurnErrorReason } from '../types.ts';
import type { ApiFailure, Failure } from './failure.ts';

const BAD_KEY_CODES = ['API_KEY_INVALID', 'invalid_api_key', 'authentication_error', 'UNAUTHENTICATED'];
const NO_ACCESS_CODES = [
  'permission_error',
  'not_found_error',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'model_not_found',
  'billing_error',
  'insufficient_quota',
];
const RATE_LIMIT_CODES = ['rate_limit_exceeded', 'rate_limit_error', 'RESOURCE_EXHAUSTED'];
const OVERLOADED_CODES = ['overloaded_error', 'UNAVAILABLE'];
const SERVER_ERROR_CODES = ['server_error', 'api_error', 'INTERNAL'];
const CONTEXT_CODES = ['context_length_exceeded'];
/** OpenAI: "maximum context length"; Anthropic: "prompt is too long"; Gemini: "input token count … exceeds". */
const CONTEXT_MESSAGE =
  /prompt is too long|context length|context window|input token count.*exceeds|exceeds the maximum number of tokens|too many tokens/i;

function hasCode(failure: ApiFailure, codes: readonly string[]): boolean {
  return failure.codes.some((code) => codes.includes(code));
}

function classifyApi(failure: ApiFailure): TurnErrorReason {
  const { status } = failure;
  if (status === 401 || hasCode(failure, BAD_KEY_CODES)) return 'bad-key';
  if (hasCode(failure, CONTEXT_CODES) || status === 413 || CONTEXT_MESSAGE.test(failure.providerMessage ?? ''))
    return 'context-too-long';
  // A 429 for an exhausted balance is a billing problem: waiting will not help.
  if (hasCode(failure, ['insufficient_quota', 'billing_error'])) return 'no-access';
  if (status === 429 || hasCode(failure, RATE_LIMIT_CODES)) return 'rate-limited';
  if (status === 529 || status === 503 || hasCode(failure, OVERLOADED_CODES)) return 'overloaded';
  if (status === 402 || status === 403 || status === 404 || hasCode(failure, NO_ACCESS_CODES)) return 'no-access';
  if (status === 408) return 'timeout';
  if ((status !== undefined && status >= 500) || hasCode(failure, SERVER_ERROR_CODES)) return 'server-error';
  if (status !== undefined && status >= 400) return 'bad-request';
  return 'unknown';
}

export function classifyFailure(failure: Failure): TurnErrorReason {
  switch (failure.kind) {
    case 'api':
      return classifyApi(failure);
    case 'network':
      return 'network';
    case 'aborted':
      return 'aborted';
    case 'timeout':
      return 'timeout';
    case 'truncated':
      return 'truncated';
    case 'missing-key':
      return 'bad-key';
    case 'misconfigured':
      return 'bad-request';
    case 'unexpected':
      return 'unknown';
  }
}

const RETRYABLE: ReadonlySet<TurnErrorReason> = new Set<RetryableReason>([
  'rate-limited',
  'overloaded',
  'server-error',
]);

export function isRetryable(reason: TurnErrorReason): reason is RetryableReason {
  return RETRYABLE.has(reason);
}
