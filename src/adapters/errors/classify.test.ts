import { describe, expect, it } from 'vitest';
import { classifyFailure, isRetryable } from './classify.ts';
import type { ApiFailure, Failure } from './failure.ts';
import { describeTransportError } from './failure.ts';

const api = (status: number | undefined, codes: string[] = [], providerMessage?: string): ApiFailure => ({
  kind: 'api',
  ...(status === undefined ? {} : { status }),
  codes,
  ...(providerMessage === undefined ? {} : { providerMessage }),
});

describe('classifyFailure', () => {
  it.each<[string, Failure, string]>([
    ['401', api(401, ['invalid_api_key']), 'bad-key'],
    ['Gemini 400 API_KEY_INVALID', api(400, ['INVALID_ARGUMENT', 'API_KEY_INVALID']), 'bad-key'],
    ['Gemini 401 UNAUTHENTICATED', api(401, ['UNAUTHENTICATED']), 'bad-key'],
    ['403', api(403, ['permission_error']), 'no-access'],
    ['404 model', api(404, ['model_not_found']), 'no-access'],
    ['402 billing', api(402, ['billing_error']), 'no-access'],
    ['429 insufficient_quota (a balance, not a rate)', api(429, ['insufficient_quota']), 'no-access'],
    ['429', api(429, ['rate_limit_exceeded']), 'rate-limited'],
    ['Gemini 429', api(429, ['RESOURCE_EXHAUSTED']), 'rate-limited'],
    ['503', api(503, ['server_error']), 'overloaded'],
    ['529', api(529, ['overloaded_error']), 'overloaded'],
    ['in-stream overloaded_error (no status)', api(undefined, ['overloaded_error']), 'overloaded'],
    ['in-stream server_error (no status)', api(undefined, ['server_error']), 'server-error'],
    ['500', api(500, ['api_error']), 'server-error'],
    ['502', api(502), 'server-error'],
    ['OpenAI context_length_exceeded', api(400, ['context_length_exceeded']), 'context-too-long'],
    [
      'Anthropic prompt is too long',
      api(400, ['invalid_request_error'], 'prompt is too long: 210000 tokens > 200000 maximum'),
      'context-too-long',
    ],
    [
      'Gemini token count',
      api(
        400,
        ['INVALID_ARGUMENT'],
        'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).',
      ),
      'context-too-long',
    ],
    ['413', api(413, ['request_too_large']), 'context-too-long'],
    ['408', api(408), 'timeout'],
    ['400 other', api(400, ['invalid_request_error'], 'temperature: must be <= 1'), 'bad-request'],
    ['422', api(422), 'bad-request'],
    ['no status, no code', api(undefined), 'unknown'],
    ['network', { kind: 'network' }, 'network'],
    ['aborted', { kind: 'aborted' }, 'aborted'],
    ['timeout', { kind: 'timeout', phase: 'idle', afterMs: 1 }, 'timeout'],
    ['truncated', { kind: 'truncated' }, 'truncated'],
    ['missing key', { kind: 'missing-key' }, 'bad-key'],
    ['misconfigured', { kind: 'misconfigured', message: 'x' }, 'bad-request'],
    ['unexpected', { kind: 'unexpected' }, 'unknown'],
  ])('%s', (_name, failure, reason) => {
    expect(classifyFailure(failure)).toBe(reason);
  });

  it('retries only rate limits, overload and server errors', () => {
    expect(['rate-limited', 'overloaded', 'server-error'].every((reason) => isRetryable(reason as never))).toBe(true);
    for (const reason of [
      'bad-key',
      'no-access',
      'context-too-long',
      'network',
      'timeout',
      'truncated',
      'aborted',
    ] as const)
      expect(isRetryable(reason)).toBe(false);
  });
});

describe('describeTransportError', () => {
  it.each<[string, unknown, Failure['kind']]>([
    ['Node: a dropped stream', new TypeError('terminated'), 'network'],
    ['Chromium: a dropped stream', new TypeError('network error'), 'network'],
    ['Chromium: refused', new TypeError('Failed to fetch'), 'network'],
    ['Node: refused', new TypeError('fetch failed'), 'network'],
    ['Safari', new TypeError('Load failed'), 'network'],
    ['an SDK helper rewrapping the drop', new Error('terminated'), 'network'],
    ['a DOM abort', new DOMException('This operation was aborted', 'AbortError'), 'aborted'],
    ['a bug is not a network error', new TypeError("Cannot read properties of undefined (reading 'x')"), 'unexpected'],
    ['a thrown object', { type: 'error' }, 'unexpected'],
  ])('%s', (_name, error, kind) => {
    expect(describeTransportError(error).kind).toBe(kind);
  });
});
