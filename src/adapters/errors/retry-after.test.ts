import { describe, expect, it } from 'vitest';
import { parseDurationSeconds, retryAfterFromHeaders, retryDelayFromGoogleDetails } from './retry-after.ts';

describe('retry-after', () => {
  it('prefers retry-after-ms, then retry-after seconds, then an HTTP date', () => {
    expect(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '1500', 'retry-after': '2' }))).toBe(1.5);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': '7' }))).toBe(7);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }), now)).toBe(30);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterFromHeaders(new Headers())).toBeUndefined();
    expect(retryAfterFromHeaders(undefined)).toBeUndefined();
  });

  it('reads Gemini’s RetryInfo.retryDelay', () => {
    expect(parseDurationSeconds('4s')).toBe(4);
    expect(parseDurationSeconds('1.500s')).toBe(1.5);
    expect(parseDurationSeconds('4')).toBeUndefined();
    expect(
      retryDelayFromGoogleDetails([
        { '@type': 'type.googleapis.com/google.rpc.QuotaFailure' },
        { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '32s' },
      ]),
    ).toBe(32);
    expect(retryDelayFromGoogleDetails(undefined)).toBeUndefined();
  });
});
