// The shared turn loop with scripted drivers (no SDK, no network): completion only from the terminal event,
// truncation, in-stream failures, timeouts, aborts that the source ignores, and listener errors.
import { describe, expect, it, vi } from 'vitest';
import type { PeerRequest } from '../../core/index.ts';
import type { Failure } from '../errors/failure.ts';
import type { AdapterEvent, StreamOptions } from '../types.ts';
import type { StreamPart, TurnDriver } from './driver.ts';
import type { TurnPolicy } from './policy.ts';
import { runTurn } from './run-turn.ts';
import { sleep } from './sleep.ts';

const REQUEST: PeerRequest = { peerId: 'p', model: 'm', system: 's', messages: [{ role: 'user', content: 'hi' }] };
const POLICY: TurnPolicy = { firstTokenMs: 1000, idleMs: 1000, maxRetries: 0, maxWaitMs: 10, backoffBaseMs: 1 };
const CONTEXT = { policy: POLICY, messages: { provider: 'Test', model: 'm' }, secrets: [] };

type Step = StreamPart | { wait: number } | { throw: unknown };

function driver(steps: Step[], describe: (error: unknown) => Failure = () => ({ kind: 'network' })): TurnDriver {
  return {
    async *stream(_request, signal) {
      for (const step of steps) {
        if ('wait' in step) await sleep(step.wait, signal);
        else if ('throw' in step) throw step.throw;
        else yield step;
      }
    },
    describeError: describe,
  };
}

function options(overrides: Partial<StreamOptions> = {}): StreamOptions {
  return { signal: new AbortController().signal, ...overrides };
}

describe('runTurn', () => {
  it('completes only on the terminal event, and keeps reading after it for the usage', async () => {
    const result = await runTurn(
      driver([
        { type: 'text', text: 'Hel' },
        { type: 'text', text: 'lo' },
        { type: 'finish', stopReason: 'stop' },
        { type: 'usage', inputTokens: 3, outputTokens: 2 },
      ]),
      REQUEST,
      options(),
      CONTEXT,
    );
    expect(result).toMatchObject({
      status: 'complete',
      text: 'Hello',
      stopReason: 'stop',
      usage: { inputTokens: 3, outputTokens: 2 },
    });
  });

  it('a stream that just ends is truncated, text kept', async () => {
    const result = await runTurn(driver([{ type: 'text', text: 'Hel' }]), REQUEST, options(), CONTEXT);
    expect(result).toMatchObject({ status: 'error', text: 'Hel', error: { reason: 'truncated' }, stopReason: null });
  });

  it('a drop after the terminal event still counts as complete', async () => {
    const result = await runTurn(
      driver([
        { type: 'text', text: 'All' },
        { type: 'finish', stopReason: 'end_turn' },
        { throw: new TypeError('terminated') },
      ]),
      REQUEST,
      options(),
      CONTEXT,
    );
    expect(result).toMatchObject({ status: 'complete', text: 'All' });
  });

  it('an in-stream failure part ends the turn with its reason', async () => {
    const result = await runTurn(
      driver([
        { type: 'text', text: 'one' },
        { type: 'failure', failure: { kind: 'api', codes: ['server_error'] } },
        { type: 'finish', stopReason: 'stop' },
      ]),
      REQUEST,
      options(),
      CONTEXT,
    );
    expect(result).toMatchObject({ status: 'error', text: 'one', error: { reason: 'server-error' } });
  });

  it('partial usage is reported with the missing side as 0', async () => {
    const result = await runTurn(driver([{ type: 'usage', inputTokens: 12 }]), REQUEST, options(), CONTEXT);
    expect(result.usage).toEqual({ inputTokens: 12, outputTokens: 0 });
  });

  it('first-token timeout: events that carry no text do not reset it', async () => {
    const steps: Step[] = [];
    for (let i = 0; i < 10; i++) steps.push({ wait: 20 }, { type: 'usage', inputTokens: i });
    steps.push({ type: 'text', text: 'late' }, { type: 'finish', stopReason: 'stop' });
    const result = await runTurn(driver(steps), REQUEST, options(), {
      ...CONTEXT,
      policy: { ...POLICY, firstTokenMs: 100 },
    });
    expect(result).toMatchObject({ status: 'error', error: { reason: 'timeout' }, text: '' });
  });

  it('idle timeout: any event resets it once text flows', async () => {
    const steps: Step[] = [{ type: 'text', text: 'a' }];
    for (let i = 0; i < 6; i++) steps.push({ wait: 40 }, { type: 'text', text: 'b' });
    steps.push({ type: 'finish', stopReason: 'stop' });
    const ok = await runTurn(driver(steps), REQUEST, options(), { ...CONTEXT, policy: { ...POLICY, idleMs: 150 } });
    expect(ok).toMatchObject({ status: 'complete', text: 'abbbbbb' });
    const slow = await runTurn(
      driver([{ type: 'text', text: 'a' }, { wait: 300 }, { type: 'finish', stopReason: 'stop' }]),
      REQUEST,
      options(),
      { ...CONTEXT, policy: { ...POLICY, idleMs: 100 } },
    );
    expect(slow).toMatchObject({ status: 'error', text: 'a', error: { reason: 'timeout' } });
  });

  it('returns promptly on abort even when the source ignores the signal', async () => {
    let stuck!: () => void;
    const isStuck = new Promise<void>((resolve) => (stuck = resolve));
    const stubborn: TurnDriver = {
      async *stream() {
        yield { type: 'text', text: 'x' };
        stuck();
        // The behaviour under test: a source that hangs on, deaf to the signal.
        await new Promise((resolve) => setTimeout(resolve, 5000));
      },
      describeError: () => ({ kind: 'network' }),
    };
    const controller = new AbortController();
    // Abort once the source hangs after its first text, not after some delay that may come before or after it.
    void isStuck.then(() => controller.abort());
    const started = Date.now();
    const result = await runTurn(stubborn, REQUEST, options({ signal: controller.signal }), CONTEXT);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result).toMatchObject({ status: 'interrupted', text: 'x', error: { reason: 'aborted' } });
  });

  it('an exception in the listener does not end the turn', async () => {
    const events: AdapterEvent[] = [];
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.on('uncaughtException', onError);
    try {
      const result = await runTurn(
        driver([
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
          { type: 'finish', stopReason: 'stop' },
        ]),
        REQUEST,
        options({
          onEvent: (event) => {
            events.push(event);
            throw new Error('listener bug');
          },
        }),
        CONTEXT,
      );
      expect(result).toMatchObject({ status: 'complete', text: 'ab' });
      expect(events).toHaveLength(2);
      // Rethrown from a microtask each, so they reach the process a moment after the turn ends.
      await vi.waitFor(() => expect(errors).toHaveLength(2), { timeout: 5_000, interval: 1 });
    } finally {
      process.off('uncaughtException', onError);
    }
  });

  it('retries before the first token, reporting each wait', async () => {
    let calls = 0;
    const flaky: TurnDriver = {
      async *stream() {
        calls += 1;
        if (calls < 3) throw new Error('busy');
        yield { type: 'text', text: 'ok' };
        yield { type: 'finish', stopReason: 'stop' };
      },
      describeError: () => ({ kind: 'api', status: 503, codes: [] }),
    };
    const events: AdapterEvent[] = [];
    const result = await runTurn(flaky, REQUEST, options({ onEvent: (event) => events.push(event) }), {
      ...CONTEXT,
      policy: { ...POLICY, maxRetries: 2, backoffBaseMs: 5, maxWaitMs: 1000 },
    });
    expect(result.status).toBe('complete');
    expect(events.filter((event) => event.type === 'retrying')).toMatchObject([
      { attempt: 1, inSeconds: 0 },
      { attempt: 2, inSeconds: 0 },
    ]);
  });
});
