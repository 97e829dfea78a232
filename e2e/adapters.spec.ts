/**
 * PeerChat's adapters in Chromium against the fake-provider server (another origin, so every call is a CORS
 * request): the four wire formats and a compatible server streaming, aborts the server sees, faults as the
 * browser reports them ('network error', not Node's 'terminated'), retry-after honoured, keys kept out of
 * results and the console, the demo peers offline, and no SDK in the app's first page load.
 */
import { expect, test, type Page } from '@playwright/test';
import type { PeerRequest } from '../src/core/index.ts';
import type { ProviderSettings } from '../src/adapters/index.ts';
import type { AdapterCall, AdapterOutcome } from './harness/adapters.ts';
import { fakeUrl, requestsFor, script, waitForRequests } from './fake-control.ts';

const KEY = 'sk-e2e-SECRET-key-9876543210';

interface Format {
  name: string;
  logged: string;
  stop: string;
  settings: (overrides?: Partial<ProviderSettings>) => ProviderSettings;
}

const FORMATS: Format[] = [
  {
    name: 'openai-chat',
    logged: 'openai-chat',
    stop: 'stop',
    settings: (o) => ({ kind: 'openai', apiKey: KEY, baseURL: `${fakeUrl()}/v1`, ...o }),
  },
  {
    name: 'openai-responses',
    logged: 'openai-responses',
    stop: 'completed',
    settings: (o) => ({ kind: 'openai', apiKey: KEY, baseURL: `${fakeUrl()}/v1`, openaiApi: 'responses', ...o }),
  },
  {
    name: 'anthropic',
    logged: 'anthropic',
    stop: 'end_turn',
    settings: (o) => ({ kind: 'anthropic', apiKey: KEY, baseURL: fakeUrl(), ...o }),
  },
  {
    name: 'google',
    logged: 'gemini',
    stop: 'STOP',
    settings: (o) => ({ kind: 'google', apiKey: KEY, baseURL: fakeUrl(), ...o }),
  },
  {
    name: 'openai-compatible',
    logged: 'openai-chat',
    stop: 'stop',
    settings: (o) => ({ kind: 'openai-compatible', baseURL: `${fakeUrl()}/lmstudio/v1`, ...o }),
  },
];

function request(model: string): PeerRequest {
  return {
    peerId: 'peer-ada',
    model,
    system: 'You are Ada (@ada), one of several AI participants.',
    messages: [{ role: 'user', content: '[@you (You)]:\nSay hello.' }],
  };
}

async function openHarness(page: Page): Promise<string[]> {
  const consoleOutput: string[] = [];
  page.on('console', (message) => consoleOutput.push(message.text()));
  page.on('pageerror', (error) => consoleOutput.push(`${error.message} ${error.stack ?? ''}`));
  await page.goto('/e2e/harness/index.html');
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  return consoleOutput;
}

function run(page: Page, call: AdapterCall): Promise<AdapterOutcome> {
  return page.evaluate((args) => window.adapterHarness.run(args), call);
}

for (const format of FORMATS) {
  test.describe(`${format.name} adapter in Chromium`, () => {
    test('streams text to the terminal event, with usage and latency', async ({ page }) => {
      const model = `e2e-adapter-${format.name}-stream`;
      await script(model, { text: 'Hello from the fake provider.', tokensPerSecond: 300 });
      await openHarness(page);
      const { result, events, rejected } = await run(page, { settings: format.settings(), request: request(model) });
      expect(rejected).toBeNull();
      expect(result).toMatchObject({
        status: 'complete',
        text: 'Hello from the fake provider.',
        stopReason: format.stop,
        usage: { inputTokens: expect.any(Number), outputTokens: 5 },
        latency: { firstTokenMs: expect.any(Number), totalMs: expect.any(Number) },
      });
      expect(events.filter((event) => event.type === 'delta').length).toBe(5);
      const logged = (await requestsFor(model)).find((entry) => entry.provider === format.logged);
      expect(logged?.messages.at(-1)?.content).toBe('[@you (You)]:\nSay hello.');
    });

    test('abort mid-stream: interrupted with the partial text, and the server sees the close', async ({ page }) => {
      const model = `e2e-adapter-${format.name}-abort`;
      await script(model, { tokens: 200, tokensPerSecond: 50 });
      await openHarness(page);
      const { result } = await run(page, { settings: format.settings(), request: request(model), abortAfterDeltas: 2 });
      expect(result).toMatchObject({ status: 'interrupted', error: { reason: 'aborted' } });
      expect(result.text.length).toBeGreaterThan(0);
      const log = await waitForRequests(model, (entries) => entries.some((entry) => entry.clientClosed));
      expect(log.find((entry) => entry.provider === format.logged)?.clientClosed).toBe(true);
    });

    test('a dropped connection is a network error, the text received kept', async ({ page }) => {
      const model = `e2e-adapter-${format.name}-drop`;
      await script(model, {
        text: 'one two three four',
        tokensPerSecond: 200,
        fault: { kind: 'drop-mid-stream', afterTokens: 2 },
      });
      await openHarness(page);
      const { result } = await run(page, { settings: format.settings(), request: request(model) });
      expect(result).toMatchObject({ status: 'error', error: { reason: 'network' } });
      // Chromium may discard the bytes that were in flight when the socket was reset: the text is a prefix.
      expect('one two'.startsWith(result.text)).toBe(true);
    });
  });
}

test.describe('faults in Chromium', () => {
  const [chat, responses, anthropic, google] = FORMATS as [Format, Format, Format, Format, Format];

  test('a rejected key → bad-key, and the key stays out of results, events and the console', async ({ page }) => {
    const consoleOutput = await openHarness(page);
    const outcomes: AdapterOutcome[] = [];
    for (const format of [chat, anthropic, google]) {
      const model = `e2e-adapter-${format.name}-401`;
      await script(model, { fault: { kind: 'unauthorized' } });
      const outcome = await run(page, {
        settings: format.settings({ retry: { maxRetries: 0 } }),
        request: request(model),
      });
      expect(outcome.result.error?.reason).toBe('bad-key');
      outcomes.push(outcome);
      expect((await requestsFor(model)).some((entry) => entry.hadCredentials)).toBe(true);
    }
    const seen = JSON.stringify(outcomes) + consoleOutput.join('\n');
    expect(seen).not.toContain('SECRET');
  });

  test('the Responses API’s in-stream error event (which the SDK does not throw) → server-error', async ({ page }) => {
    const model = 'e2e-adapter-responses-error-event';
    await script(model, { text: 'one two three', fault: { kind: 'stream-error-event', afterTokens: 1 } });
    await openHarness(page);
    const { result } = await run(page, {
      settings: responses.settings({ retry: { maxRetries: 0 } }),
      request: request(model),
    });
    expect(result).toMatchObject({ status: 'error', text: 'one', error: { reason: 'server-error' } });
  });

  test('a stream without its terminal event → truncated', async ({ page }) => {
    const model = 'e2e-adapter-anthropic-no-terminal';
    await script(model, { text: 'one two three', fault: { kind: 'no-terminal-event', afterTokens: 2 } });
    await openHarness(page);
    const { result } = await run(page, { settings: anthropic.settings(), request: request(model) });
    expect(result).toMatchObject({ status: 'error', text: 'one two', error: { reason: 'truncated' } });
  });

  test('no answer at all → the first-token timeout aborts the request', async ({ page }) => {
    const model = 'e2e-adapter-google-never';
    await script(model, { fault: { kind: 'never-respond' } });
    await openHarness(page);
    // The SDK loads on first use, inside the attempt: load it first, so a slow load on a busy machine cannot use up
    // the 400 ms before the request is even sent (then the server never sees it).
    await page.evaluate((settings) => window.adapterHarness.listModels(settings), google.settings());
    const { result } = await run(page, {
      settings: google.settings({ timeouts: { firstTokenMs: 400 } }),
      request: request(model),
    });
    expect(result).toMatchObject({ status: 'error', error: { reason: 'timeout' } });
    const log = await waitForRequests(model, (entries) => entries.some((entry) => entry.clientClosed));
    expect(log.some((entry) => entry.provider === 'gemini' && entry.clientClosed)).toBe(true);
  });

  for (const format of [chat, google]) {
    test(`${format.name}: a 429 with retry-after 1 s is announced, waited out and retried`, async ({ page }) => {
      const model = `e2e-adapter-${format.name}-retry`;
      await script(model, {
        text: 'Second time lucky.',
        fault: { kind: 'rate-limit', retryAfterSeconds: 1, times: 1 },
      });
      await openHarness(page);
      const { result, events } = await run(page, { settings: format.settings(), request: request(model) });
      expect(result).toMatchObject({ status: 'complete', text: 'Second time lucky.' });
      expect(events[0]).toMatchObject({ type: 'retrying', attempt: 1, inSeconds: 1, reason: 'rate-limited' });
      expect(result.latency.firstTokenMs).toBeGreaterThanOrEqual(950);
      const statuses = (await requestsFor(model))
        .filter((entry) => entry.provider === format.logged)
        .map((entry) => entry.status);
      expect(statuses).toEqual([429, 200]);
    });
  }
});

test('model lists come through CORS with catalog facts', async ({ page }) => {
  await openHarness(page);
  const listed = await page.evaluate((settings) => window.adapterHarness.listModels(settings), FORMATS[2]!.settings());
  expect('models' in listed && listed.models.length).toBeGreaterThan(0);
});

test('the demo peers stream in the browser without a network request beyond the app’s own code', async ({ page }) => {
  await openHarness(page);
  const requests: string[] = [];
  page.on('request', (entry) => requests.push(entry.url()));
  const outcome = await run(page, {
    settings: { kind: 'demo' },
    request: {
      peerId: 'peer-ada',
      model: 'demo-analyst',
      system: 'You are Demo · Ada (simulated) (@ada), one of several AI participants.',
      messages: [{ role: 'user', content: '[@you (You)]:\nShould we move our billing to DynamoDB?' }],
      maxOutputTokens: 12,
    },
    room: {
      selfHandle: 'ada',
      peers: [
        { handle: 'ada', name: 'Demo · Ada (simulated)' },
        { handle: 'bo', name: 'Demo · Bo (simulated)' },
      ],
      modeId: 'collaborative',
    },
  });
  expect(outcome.result).toMatchObject({ status: 'complete', stopReason: 'length' });
  expect(outcome.result.latency.firstTokenMs).toBeGreaterThanOrEqual(200);
  // Only the app's own code: the demo loads its part-of-speech tagger from the app's origin with its first reply.
  const origin = new URL(page.url()).origin;
  const appCode = (url: string) => url.startsWith(`${origin}/assets/`) && url.endsWith('.js');
  expect(requests.filter((url) => !appCode(url))).toEqual([]);
});

test('the app’s first page load contains no provider SDK', async ({ page }) => {
  const scripts: Promise<string>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.text());
  });
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  const code = (await Promise.all(scripts)).join('\n');
  expect(code.length).toBeGreaterThan(1000);
  // Strings only the SDKs contain (our own code names none of them).
  expect(code).not.toContain('OPENAI_API_KEY');
  expect(code).not.toContain('anthropic-dangerous-direct-browser-access');
  expect(code).not.toContain('x-goog-api-client');
});
