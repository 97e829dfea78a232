// Every fault of the fake-provider server, through the real SDKs, mapped to the right reason and message.
import { createServer } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Fault, FakeProviders } from '../../../tools/fake-providers/index.ts';
import { fakeProvidersForThisFile } from '../../../tools/fake-providers/testing.ts';
import { createAdapter } from '../create-adapter.ts';
import { collectTurn } from '../testing/collect.ts';
import type { FormatCase } from '../testing/formats.ts';
import { FORMATS, sampleRequest, uniqueModel } from '../testing/formats.ts';
import type { TurnErrorReason } from '../types.ts';

let fake: FakeProviders;
const fakeProviders = fakeProvidersForThisFile();
beforeAll(() => {
  fake = fakeProviders();
});

const NO_RETRY = { retry: { maxRetries: 0 } };

interface FaultCase {
  fault: Fault;
  reason: TurnErrorReason | ((format: FormatCase) => TurnErrorReason);
  status?: number | ((format: FormatCase) => number | undefined);
  /** The text streamed before the fault. */
  text?: string;
}

const PROVIDER_NAME: Record<FormatCase['name'], string> = {
  'openai-chat': 'OpenAI',
  'openai-responses': 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google Gemini',
  'openai-compatible': 'Local box',
};

const FAULTS: FaultCase[] = [
  { fault: { kind: 'rate-limit', retryAfterSeconds: 3 }, reason: 'rate-limited', status: 429 },
  { fault: { kind: 'server-error' }, reason: 'server-error', status: 500 },
  {
    fault: { kind: 'overloaded' },
    reason: 'overloaded',
    status: (format) => (format.name === 'anthropic' ? 529 : 503),
  },
  {
    fault: { kind: 'unauthorized' },
    reason: 'bad-key',
    // Gemini answers a bad key with 400 API_KEY_INVALID, like the real API.
    status: (format) => (format.name === 'google' ? 400 : 401),
  },
  { fault: { kind: 'context-too-long' }, reason: 'context-too-long', status: 400 },
  { fault: { kind: 'drop-mid-stream', afterTokens: 2 }, reason: 'network', text: 'one two' },
  { fault: { kind: 'no-terminal-event', afterTokens: 2 }, reason: 'truncated', text: 'one two' },
  {
    fault: { kind: 'stream-error-event', afterTokens: 2 },
    // Anthropic sends overloaded_error; Gemini an error chunk with code 503; OpenAI server_error.
    reason: (format) => (format.name === 'anthropic' || format.name === 'google' ? 'overloaded' : 'server-error'),
    status: (format) => (format.name === 'google' ? 503 : undefined),
    text: 'one two',
  },
];

describe.each(FORMATS)('$name faults', (format) => {
  it.each(FAULTS)('$fault.kind → the right reason', async ({ fault, reason, status, text }) => {
    const model = uniqueModel(`${format.name}-${fault.kind}`);
    fake.script(model, { text: 'one two three four', tokensPerSecond: 500, fault });
    const adapter = createAdapter(format.settings(fake.url, NO_RETRY));
    const { result } = await collectTurn(adapter, sampleRequest(model));
    const expectedReason = typeof reason === 'function' ? reason(format) : reason;
    const expectedStatus = typeof status === 'function' ? status(format) : status;
    expect(result.status).toBe('error');
    expect(result.error?.reason).toBe(expectedReason);
    expect(result.error?.status).toBe(expectedStatus);
    expect(result.text).toBe(text ?? '');
    expect(result.error?.message).toContain(PROVIDER_NAME[format.name]);
    expect(fake.requests(model)).toHaveLength(1);
  });

  it('a drop after the provider answered but before any text says it was lost, not that it could not be reached', async () => {
    const model = uniqueModel(`${format.name}-drop-first`);
    fake.script(model, { text: 'one two', fault: { kind: 'drop-mid-stream', afterTokens: 0 } });
    const { result } = await collectTurn(createAdapter(format.settings(fake.url, NO_RETRY)), sampleRequest(model));
    expect(result).toMatchObject({ status: 'error', text: '', error: { reason: 'network' } });
    expect(result.error?.message).toBe(
      `The connection to ${PROVIDER_NAME[format.name]} was lost before the reply started. Try again.`,
    );
  });

  it('rate-limit: reports the wait the provider asked for', async () => {
    const model = uniqueModel(`${format.name}-wait`);
    fake.script(model, { fault: { kind: 'rate-limit', retryAfterSeconds: 7 } });
    const { result } = await collectTurn(createAdapter(format.settings(fake.url, NO_RETRY)), sampleRequest(model));
    expect(result.error).toEqual({
      reason: 'rate-limited',
      status: 429,
      retryAfterSeconds: 7,
      message: `Rate limited by ${PROVIDER_NAME[format.name]}. Try again in 7 s.`,
    });
  });

  it('never-respond: the first-token timeout aborts the request (the server sees the close)', async () => {
    const model = uniqueModel(`${format.name}-never`);
    fake.script(model, { fault: { kind: 'never-respond' } });
    const adapter = createAdapter(format.settings(fake.url, { ...NO_RETRY, timeouts: { firstTokenMs: 300 } }));
    const started = Date.now();
    const { result } = await collectTurn(adapter, sampleRequest(model));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result).toMatchObject({ status: 'error', text: '', error: { reason: 'timeout' } });
    expect(result.error?.message).toBe(
      `${PROVIDER_NAME[format.name]} sent no reply for 0.3 s, so the request was stopped. Try again, or regenerate the message.`,
    );
    await fake.waitForRequest((request) => request.model === model && request.clientClosed);
  });

  it('a silence mid-stream longer than the idle timeout ends the turn with the text so far', async () => {
    const model = uniqueModel(`${format.name}-idle`);
    fake.script(model, { text: 'one two three', tokensPerSecond: 2 });
    const adapter = createAdapter(format.settings(fake.url, { ...NO_RETRY, timeouts: { idleMs: 150 } }));
    const { result } = await collectTurn(adapter, sampleRequest(model));
    expect(result).toMatchObject({ status: 'error', text: 'one', error: { reason: 'timeout' } });
    expect(result.error?.message).toMatch(/stopped sending for 0\.2 s|stopped sending for 0\.15 s/);
    await fake.waitForRequest((request) => request.model === model && request.clientClosed);
  });

  it('slow headers within the timeout are fine', async () => {
    const model = uniqueModel(`${format.name}-slow`);
    fake.script(model, { text: 'Late but whole.', fault: { kind: 'slow-headers', delayMs: 150 } });
    const adapter = createAdapter(format.settings(fake.url, { timeouts: { firstTokenMs: 2000 } }));
    const { result } = await collectTurn(adapter, sampleRequest(model));
    expect(result).toMatchObject({ status: 'complete', text: 'Late but whole.' });
    expect(result.latency.firstTokenMs).toBeGreaterThanOrEqual(140);
  });
});

describe('provider-specific errors', () => {
  const google = FORMATS.find((format) => format.name === 'google')!;
  const responses = FORMATS.find((format) => format.name === 'openai-responses')!;

  it('Gemini 401 UNAUTHENTICATED → bad-key; 403 PERMISSION_DENIED → no-access', async () => {
    fake.script('g-401', { fault: { kind: 'unauthorized', geminiStatus: 401 } });
    fake.script('g-403', { fault: { kind: 'unauthorized', geminiStatus: 403 } });
    const adapter = createAdapter(google.settings(fake.url, NO_RETRY));
    expect((await collectTurn(adapter, sampleRequest('g-401'))).result.error).toMatchObject({ reason: 'bad-key' });
    expect((await collectTurn(adapter, sampleRequest('g-403'))).result.error).toMatchObject({
      reason: 'no-access',
      status: 403,
    });
  });

  it.each(['error', 'response.failed', 'both'] as const)(
    'Responses API: an in-stream `%s` event (which the SDK does not throw) ends the turn as an error',
    async (responsesEvent) => {
      const model = uniqueModel(`responses-${responsesEvent}`);
      fake.script(model, {
        text: 'one two three',
        fault: { kind: 'stream-error-event', afterTokens: 1, responsesEvent },
      });
      const { result } = await collectTurn(createAdapter(responses.settings(fake.url, NO_RETRY)), sampleRequest(model));
      expect(result).toMatchObject({ status: 'error', text: 'one', error: { reason: 'server-error' } });
    },
  );

  it('a refused connection → network, naming the endpoint and the preset’s CORS hint', async () => {
    const port = await closedPort();
    const adapter = createAdapter({
      kind: 'openai-compatible',
      baseURL: `http://localhost:${port}/v1`,
      label: 'My box',
    });
    const { result } = await collectTurn(adapter, sampleRequest('refused'));
    expect(result.error).toMatchObject({ reason: 'network' });
    expect(result.error?.message).toBe(
      `Could not reach My box at localhost:${port}/v1. Check your connection and the base URL. Is the server running, and does it allow this page’s origin (CORS)?`,
    );
    const unnamed = createAdapter({ kind: 'openai-compatible', baseURL: `http://127.0.0.1:${port}/v1` });
    expect((await collectTurn(unnamed, sampleRequest('refused'))).result.error?.message).toMatch(
      /^Could not reach the OpenAI-compatible server at 127\.0\.0\.1:\d+\/v1\./,
    );
  });

  it('a missing key fails at once with bad-key, without a request', async () => {
    for (const kind of ['openai', 'anthropic', 'google'] as const) {
      const { result } = await collectTurn(createAdapter({ kind, baseURL: fake.url }), sampleRequest('no-key'));
      expect(result).toMatchObject({ status: 'error', error: { reason: 'bad-key' } });
      expect(result.error?.message).toMatch(/^No API key is set for .+\. Add one in Providers\.$/);
    }
    expect(fake.requests('no-key')).toHaveLength(0);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
