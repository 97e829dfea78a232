/**
 * What went wrong in one attempt, before it is put into words: the raw facts each provider module extracts from
 * whatever its SDK threw or streamed. Never holds the key, the request or the SDK's error object.
 */

/** A provider's answer that said no (HTTP error, or an error event inside the stream). */
export interface ApiFailure {
  kind: 'api';
  /** HTTP status; undefined for an in-stream error event that carried none. */
  status?: number;
  /** Machine-readable codes and types the provider gave (e.g. rate_limit_exceeded, overloaded_error, API_KEY_INVALID). */
  codes: readonly string[];
  /** The provider's own explanation. Untrusted: scrubbed and shortened before it is shown. */
  providerMessage?: string;
  /** The wait the provider asked for (retry-after, retry-after-ms, RetryInfo.retryDelay). */
  retryAfterSeconds?: number;
}

export type Failure =
  | ApiFailure
  /** The connection failed or dropped (a TypeError from fetch: 'terminated', 'network error', 'Failed to fetch'). */
  | { kind: 'network' }
  /** The request was aborted. */
  | { kind: 'aborted' }
  /** One of our own timeouts fired. */
  | { kind: 'timeout'; phase: 'first-token' | 'idle'; afterMs: number }
  /** The stream ended without the provider's terminal event. */
  | { kind: 'truncated' }
  /** The provider needs a key and none is set. */
  | { kind: 'missing-key' }
  /** The settings cannot work (no base URL for a compatible server); `message` says what to fix. */
  | { kind: 'misconfigured'; message: string }
  /** Anything else (a bug, an unexpected SDK error). */
  | { kind: 'unexpected'; detail?: string };

/** An error message that looks like a dropped or refused connection (Node: 'terminated'; Chromium: 'network error'). */
const NETWORK_MESSAGE =
  /terminated|network ?error|failed to fetch|fetch failed|load failed|networkerror|other side closed|socket|econn|enotfound|eai_again|connection/i;

function nameOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
    ? error.name
    : undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : '';
}

/**
 * Errors that do not come from an SDK's own error classes: aborts (`AbortError` is the DOM's standard name, not a
 * class name that minification could change), fetch's TypeError for a lost connection, and anything else.
 */
export function describeTransportError(error: unknown): Failure {
  if (nameOf(error) === 'AbortError') return { kind: 'aborted' };
  const message = messageOf(error);
  if (error instanceof TypeError && NETWORK_MESSAGE.test(message)) return { kind: 'network' };
  // The SDKs' stream helpers rewrap a dropped connection as their own base error with the same message.
  if (error instanceof Error && /^(terminated|network error)$/i.test(message)) return { kind: 'network' };
  return message === '' ? { kind: 'unexpected' } : { kind: 'unexpected', detail: message };
}
