/**
 * One attempt of a turn: open the provider's stream under a watchdog, feed its parts into the record, and say how
 * it ended. The terminal event decides completion; a stream that ends without one is `truncated`.
 */
import type { PeerRequest } from '../../core/index.ts';
import type { Failure } from '../errors/failure.ts';
import type { TurnDriver } from './driver.ts';
import type { TurnRecord } from './turn-record.ts';
import { untilAborted } from './until-aborted.ts';
import { startWatchdog } from './watchdog.ts';

/** `answered`: the provider's stream had opened before the failure (so it was reached). */
export type AttemptOutcome = { type: 'finished' } | { type: 'failed'; failure: Failure; answered: boolean };

export async function runAttempt(
  driver: TurnDriver,
  request: PeerRequest,
  outer: AbortSignal,
  record: TurnRecord,
  limits: { firstTokenMs: number; idleMs: number },
): Promise<AttemptOutcome> {
  const controller = new AbortController();
  const forward = () => controller.abort();
  outer.addEventListener('abort', forward, { once: true });
  const watchdog = startWatchdog(limits, () => controller.abort());
  let finished = false;
  let answered = false;
  let failure: Failure | null = null;
  try {
    for await (const part of untilAborted(driver.stream(request, controller.signal), controller.signal)) {
      if (part.type === 'opened') {
        answered = true;
        continue;
      }
      // Reasoning is the model at work: it ends the wait for a first token like text does.
      watchdog.activity(part.type === 'text' || part.type === 'reasoning' || part.type === 'refusal');
      if (part.type === 'text') record.addText(part.text);
      else if (part.type === 'reasoning') record.addReasoning(part.text);
      else if (part.type === 'reasoning-redacted') record.markReasoningRedacted();
      else if (part.type === 'refusal') record.addRefusal(part.text);
      else if (part.type === 'usage') record.setUsage(part.inputTokens, part.outputTokens, part.reasoningTokens);
      else if (part.type === 'finish') {
        finished = true;
        record.setStopReason(part.stopReason, part.ending);
      } else {
        failure = part.failure;
        break;
      }
    }
  } catch (error) {
    failure = driver.describeError(error);
  } finally {
    watchdog.stop();
    outer.removeEventListener('abort', forward);
    // Releases the connection when we stopped reading early (a failure event, or after the terminal event).
    controller.abort();
  }
  // The terminal event arrived: the reply is whole, whatever happened after it (a late drop, a missing usage chunk).
  if (finished) return { type: 'finished' };
  if (outer.aborted) return { type: 'failed', failure: { kind: 'aborted' }, answered };
  if (watchdog.fired !== null) return { type: 'failed', failure: watchdog.fired, answered };
  return { type: 'failed', failure: failure ?? { kind: 'truncated' }, answered };
}
