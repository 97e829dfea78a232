// Retries through the real SDKs: the provider's retry-after honoured and announced, backoff, caps, and the cases
// that must not retry.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeProviders } from '../../../tools/fake-providers/index.ts';
import { fakeProvidersForThisFile } from '../../../tools/fake-providers/testing.ts';
import { createAdapter } from '../create-adapter.ts';
import { collectTurn } from '../testing/collect.ts';
import { FORMATS, sampleRequest, uniqueModel } from '../testing/formats.ts';

let fake: FakeProviders;
const fakeProviders = fakeProvidersForThisFile();
beforeAll(() => {
  fake = fakeProviders();
});

describe.concurrent.each(FORMATS)('$name', (format) => {
  it('a 429 with retry-after 1 s: announces "retrying in 1 s", waits, and succeeds on the second request', async () => {
    const model = uniqueModel(`retry-${format.name}`);
    fake.script(model, { text: 'Second time lucky.', fault: { kind: 'rate-limit', retryAfterSeconds: 1, times: 1 } });
    const started = Date.now();
    const { result, events } = await collectTurn(createAdapter(format.settings(fake.url)), sampleRequest(model));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(result).toMatchObject({ status: 'complete', text: 'Second time lucky.' });
    const retrying = events.filter((event) => event.type === 'retrying');
    expect(retrying).toEqual([
      {
        type: 'retrying',
        attempt: 1,
        maxRetries: 2,
        inSeconds: 1,
        reason: 'rate-limited',
        message: expect.stringMatching(/^Rate limited by .+ — retrying in 1 s$/),
      },
    ]);
    // The notice comes before any text.
    expect(events[0]?.type).toBe('retrying');
    expect(fake.requests(model).map((request) => request.status)).toEqual([429, 200]);
    // The first token is counted from the call, the wait included.
    expect(result.latency.firstTokenMs).toBeGreaterThanOrEqual(950);
  });
});

describe('retry policy', () => {
  const openai = FORMATS[0]!;
  const anthropic = FORMATS[2]!;

  it('backs off on 5xx without retry-after, capped by maxWaitMs', async () => {
    const model = uniqueModel('backoff');
    fake.script(model, { text: 'ok', fault: { kind: 'overloaded', times: 1 } });
    const adapter = createAdapter(anthropic.settings(fake.url, { retry: { maxWaitMs: 100 } }));
    const { result, events } = await collectTurn(adapter, sampleRequest(model));
    expect(result).toMatchObject({ status: 'complete', text: 'ok' });
    expect(events[0]).toMatchObject({
      type: 'retrying',
      reason: 'overloaded',
      inSeconds: 0.1,
      message: 'Anthropic is overloaded — retrying in 0.1 s',
    });
  });

  it('caps a long retry-after at maxWaitMs', async () => {
    const model = uniqueModel('cap');
    fake.script(model, { text: 'ok', fault: { kind: 'rate-limit', retryAfterSeconds: 30, times: 1 } });
    const adapter = createAdapter(openai.settings(fake.url, { retry: { maxWaitMs: 200 } }));
    const { result, events } = await collectTurn(adapter, sampleRequest(model));
    expect(result.status).toBe('complete');
    expect(events[0]).toMatchObject({ type: 'retrying', inSeconds: 0.2 });
  });

  it('gives up after maxRetries and reports the last error', async () => {
    const model = uniqueModel('give-up');
    fake.setDefault(model, { fault: { kind: 'server-error' } });
    const adapter = createAdapter(openai.settings(fake.url, { retry: { maxRetries: 2, maxWaitMs: 20 } }));
    const { result, events } = await collectTurn(adapter, sampleRequest(model));
    expect(result).toMatchObject({ status: 'error', error: { reason: 'server-error', status: 500 } });
    expect(events.map((event) => event.type === 'retrying' && event.attempt)).toEqual([1, 2]);
    expect(fake.requests(model)).toHaveLength(3);
  });

  it('does not retry once text has streamed', async () => {
    const model = uniqueModel('after-token');
    fake.script(model, { text: 'one two three', fault: { kind: 'stream-error-event', afterTokens: 1 } });
    const { result, events } = await collectTurn(createAdapter(anthropic.settings(fake.url)), sampleRequest(model));
    expect(result).toMatchObject({ status: 'error', text: 'one', error: { reason: 'overloaded' } });
    expect(events.some((event) => event.type === 'retrying')).toBe(false);
    expect(fake.requests(model)).toHaveLength(1);
  });

  it.each(['unauthorized', 'context-too-long'] as const)('does not retry %s', async (kind) => {
    const model = uniqueModel(`no-retry-${kind}`);
    fake.script(model, { fault: { kind } });
    const { events } = await collectTurn(createAdapter(openai.settings(fake.url)), sampleRequest(model));
    expect(events).toEqual([]);
    expect(fake.requests(model)).toHaveLength(1);
  });

  it('an abort during the wait ends the turn at once as interrupted', async () => {
    const model = uniqueModel('abort-wait');
    fake.script(model, { text: 'never sent', fault: { kind: 'rate-limit', retryAfterSeconds: 10, times: 1 } });
    const controller = new AbortController();
    const adapter = createAdapter(openai.settings(fake.url));
    const started = Date.now();
    const pending = adapter.stream(sampleRequest(model), {
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'retrying') setTimeout(() => controller.abort(), 50);
      },
    });
    const result = await pending;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toMatchObject({ status: 'interrupted', error: { reason: 'aborted' } });
    expect(fake.requests(model)).toHaveLength(1);
  });
});
