/**
 * The wait a provider asks for on a 429: OpenAI sends `retry-after-ms` and `retry-after`, Anthropic
 * `retry-after`, Gemini only a `RetryInfo` detail with `retryDelay` ("4s", "0.5s") in the error body.
 */

/** Anything with `get(name)`, like `Headers`. */
export interface HeaderReader {
  get(name: string): string | null;
}

/** Seconds to wait from the headers, or undefined. `retry-after` may be seconds or an HTTP date. */
export function retryAfterFromHeaders(headers: HeaderReader | undefined, now = Date.now()): number | undefined {
  if (headers === undefined) return undefined;
  const millis = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(millis) && millis >= 0) return millis / 1000;
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

/** Seconds from a protobuf Duration string such as "4s" or "1.500s". */
export function parseDurationSeconds(duration: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(duration);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Seconds from Google's error `details`: the `retryDelay` of a `google.rpc.RetryInfo` entry. */
export function retryDelayFromGoogleDetails(details: unknown): number | undefined {
  if (!Array.isArray(details)) return undefined;
  for (const detail of details as unknown[]) {
    if (
      typeof detail === 'object' &&
      detail !== null &&
      'retryDelay' in detail &&
      typeof detail.retryDelay === 'string'
    )
      return parseDurationSeconds(detail.retryDelay);
  }
  return undefined;
}
