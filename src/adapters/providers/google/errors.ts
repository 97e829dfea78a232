/**
 * Gemini errors. The SDK's `ApiError` has the HTTP status (or an in-stream error chunk's `code`) and, as its
 * message, the JSON error body (`{ error: { code, message, status, details } }`, possibly after a
 * "got status: …" prefix). Headers are not exposed: a 429's wait is only in the `RetryInfo` detail.
 */
import type { ApiFailure, Failure } from '../../errors/failure.ts';
import { describeTransportError } from '../../errors/failure.ts';
import { retryDelayFromGoogleDetails } from '../../errors/retry-after.ts';
import { field, stringField, strings } from '../common/fields.ts';

/** The `error` object of the JSON body inside an ApiError message, if any. */
function errorBody(message: string): unknown {
  const start = message.indexOf('{');
  if (start === -1) return undefined;
  try {
    return field(JSON.parse(message.slice(start)) as unknown, 'error');
  } catch {
    return undefined;
  }
}

function detailReasons(details: unknown): unknown[] {
  return Array.isArray(details) ? (details as unknown[]).map((detail) => field(detail, 'reason')) : [];
}

export function describeGoogleError(
  error: unknown,
  apiErrorClass: (abstract new (...args: never[]) => Error) | undefined,
): Failure {
  if (apiErrorClass !== undefined && error instanceof apiErrorClass) {
    const body = errorBody(error.message);
    const details = field(body, 'details');
    const failure: ApiFailure = { kind: 'api', codes: strings(field(body, 'status'), ...detailReasons(details)) };
    const status = field(error, 'status');
    if (typeof status === 'number') failure.status = status;
    const message = stringField(body, 'message');
    if (message !== undefined) failure.providerMessage = message;
    const wait = retryDelayFromGoogleDetails(details);
    if (wait !== undefined) failure.retryAfterSeconds = wait;
    return failure;
  }
  return describeTransportError(error);
}
