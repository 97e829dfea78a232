/**
 * The fake-provider server speaks each wire format to the real SDKs running in Chromium, across origins
 * (the page and the server are on different ports, so every call goes through a CORS preflight).
 */
import { expect, test, type Page } from '@playwright/test';
import type { Harness, StreamCall, StreamOutcome } from './harness/harness.ts';
import { fakeUrl, requestsFor, script, waitForRequests } from './fake-control.ts';

type Format = keyof Harness;
const FORMATS: { format: Format; terminal: string; provider: string }[] = [
  { format: 'openaiChat', terminal: 'stop', provider: 'openai-chat' },
  { format: 'openaiResponses', terminal: 'response.completed', provider: 'openai-responses' },
  { format: 'anthropic', terminal: 'message_stop', provider: 'anthropic' },
  { format: 'gemini', terminal: 'STOP', provider: 'gemini' },
];

async function openHarness(page: Page) {
  await page.goto('/e2e/harness/index.html');
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
}

function callInPage(page: Page, format: Format, call: Omit<StreamCall, 'baseURL'>): Promise<StreamOutcome> {
  return page.evaluate(([name, args]) => window.harness[name as Format](args), [
    format,
    { ...call, baseURL: fakeUrl() },
  ] as const);
}

for (const { format, terminal, provider } of FORMATS) {
  test.describe(`${format} in Chromium`, () => {
    test('streams text, the terminal event and usage', async ({ page }) => {
      const model = `browser-${format}-stream`;
      await script(model, { text: 'Hello from the fake provider.', tokensPerSecond: 500 });
      await openHarness(page);
      const outcome = await callInPage(page, format, { model, prompt: 'Say hello' });
      expect(outcome.error).toBeNull();
      expect(outcome.text).toBe('Hello from the fake provider.');
      expect(outcome.terminal).toBe(terminal);
      expect(outcome.usage?.output).toBe(5);
      const [request] = await requestsFor(model);
      expect(request?.provider).toBe(provider);
      expect(request?.messages.at(-1)?.content).toBe('Say hello');
    });

    test('a 429 reaches the SDK with its status', async ({ page }) => {
      const model = `browser-${format}-429`;
      await script(model, { text: 'late', fault: { kind: 'rate-limit', retryAfterSeconds: 7 } });
      await openHarness(page);
      const outcome = await callInPage(page, format, { model, prompt: 'hi' });
      expect(outcome.error?.status).toBe(429);
    });

    test('a dropped connection fails the stream instead of ending it quietly', async ({ page }) => {
      const model = `browser-${format}-drop`;
      await script(model, {
        text: 'one two three four five',
        tokensPerSecond: 200,
        fault: { kind: 'drop-mid-stream', afterTokens: 2 },
      });
      await openHarness(page);
      const outcome = await callInPage(page, format, { model, prompt: 'hi' });
      // In Chromium every SDK throws a TypeError 'network error' here (Node says 'terminated'); none reports a finish.
      expect(outcome.error?.message).toMatch(/network error/i);
      expect(outcome.terminal).toBeNull();
    });

    test('an abort mid-stream closes the connection at the server', async ({ page }) => {
      const model = `browser-${format}-abort`;
      await script(model, { tokens: 200, tokensPerSecond: 50 });
      await openHarness(page);
      const outcome = await callInPage(page, format, { model, prompt: 'hi', abortAfterDeltas: 2 });
      expect(outcome.terminal).toBeNull();
      const requests = await waitForRequests(model, (log) =>
        log.some((r) => r.provider === provider && r.clientClosed),
      );
      expect(requests.find((r) => r.provider === provider)?.clientClosed).toBe(true);
    });
  });
}

test('API keys go in the request but never into the server log', async ({ page }) => {
  const model = 'browser-key-redaction';
  await openHarness(page);
  await callInPage(page, 'anthropic', { model, prompt: 'hi', apiKey: 'sk-ant-SECRET-123456' });
  const requests = await requestsFor(model);
  expect(requests.find((r) => r.provider === 'anthropic')?.hadCredentials).toBe(true);
  expect(JSON.stringify(requests)).not.toContain('SECRET-123456');
});
