/**
 * Builds the one error type every adapter reports: reason, plain message, status and wait. Also `ProviderError`,
 * what `listModels` rejects with.
 */
import type { TurnError } from '../types.ts';
import { classifyFailure } from './classify.ts';
import type { Failure } from './failure.ts';
import type { MessageContext } from './messages.ts';
import { turnErrorMessage } from './messages.ts';
import { scrubSecrets } from './scrub.ts';

const MAX_DETAIL_CHARS = 240;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_DETAIL_CHARS ? flat : `${flat.slice(0, MAX_DETAIL_CHARS - 1)}…`;
}

function detailOf(failure: Failure, secrets: readonly (string | undefined)[]): string | undefined {
  const raw =
    failure.kind === 'api' ? failure.providerMessage : failure.kind === 'unexpected' ? failure.detail : undefined;
  return raw === undefined || raw.trim() === '' ? undefined : shorten(scrubSecrets(raw, secrets));
}

/** The normalized error for a failure. `secrets` are removed from every piece of text, whatever its source. */
export function toTurnError(
  failure: Failure,
  ctx: MessageContext,
  secrets: readonly (string | undefined)[],
  midStream = false,
  answered = false,
): TurnError {
  const reason = classifyFailure(failure);
  const status = failure.kind === 'api' ? failure.status : undefined;
  const retryAfterSeconds = failure.kind === 'api' ? failure.retryAfterSeconds : undefined;
  const detail = detailOf(failure, secrets);
  const message = scrubSecrets(
    turnErrorMessage(reason, ctx, { failure, status, retryAfterSeconds, midStream, answered, detail }),
    secrets,
  );
  const error: TurnError = { reason, message };
  if (status !== undefined) error.status = status;
  if (retryAfterSeconds !== undefined) error.retryAfterSeconds = retryAfterSeconds;
  return error;
}

/** What `listModels` rejects with: an Error whose message is the plain one, carrying the normalized error. */
export class ProviderError extends Error {
  readonly error: TurnError;

  constructor(error: TurnError) {
    super(error.message);
    this.name = 'ProviderError';
    this.error = error;
  }
}
