/**
 * The turn loop shared by every provider: attempts, retries with their notices, and the final `TurnResult`.
 * Never rejects.
 */
import type { PeerRequest } from '../../core/index.ts';
import type { MessageContext } from '../errors/messages.ts';
import { retryingMessage } from '../errors/messages.ts';
import { toTurnError } from '../errors/turn-error.ts';
import type { StreamOptions, TurnResult } from '../types.ts';
import { runAttempt } from './attempt.ts';
import { planRetry, waitSeconds } from './backoff.ts';
import type { TurnDriver } from './driver.ts';
import type { TurnPolicy } from './policy.ts';
import { sleep } from './sleep.ts';
import type { Clock } from './turn-record.ts';
import { defaultClock, TurnRecord } from './turn-record.ts';

export interface TurnContext {
  policy: TurnPolicy;
  messages: MessageContext;
  /** Removed from every error text. */
  secrets: readonly (string | undefined)[];
  clock?: Clock;
}

export async function runTurn(
  driver: TurnDriver,
  request: PeerRequest,
  options: StreamOptions,
  context: TurnContext,
): Promise<TurnResult> {
  const record = new TurnRecord(context.clock ?? defaultClock, options.onEvent);
  const interrupted = () =>
    record.interrupted(toTurnError({ kind: 'aborted' }, context.messages, context.secrets, record.hasText));
  try {
    for (let retriesDone = 0; ; retriesDone++) {
      if (options.signal.aborted) return interrupted();
      const outcome = await runAttempt(driver, request, options.signal, record, context.policy);
      if (outcome.type === 'finished') return record.complete();
      if (options.signal.aborted) return interrupted();
      const error = toTurnError(outcome.failure, context.messages, context.secrets, record.hasText, outcome.answered);
      const plan = planRetry(error, retriesDone, record.hasOutput, context.policy);
      if (plan === null) return record.failed(error);
      const inSeconds = waitSeconds(plan.waitMs);
      record.emit({
        type: 'retrying',
        attempt: retriesDone + 1,
        maxRetries: context.policy.maxRetries,
        inSeconds,
        reason: plan.reason,
        message: retryingMessage(plan.reason, context.messages.provider, inSeconds),
      });
      if (!(await sleep(plan.waitMs, options.signal))) return interrupted();
    }
  } catch (error) {
    // Only a bug in this package gets here; still a result, never a rejection.
    const failure = { kind: 'unexpected' as const, detail: error instanceof Error ? error.message : String(error) };
    return record.failed(toTurnError(failure, context.messages, context.secrets, record.hasText));
  }
}
