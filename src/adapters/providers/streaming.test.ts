// Every adapter through the real SDK against the fake-provider server: text, terminal event, usage, latency,
// what the provider was sent, output limits, abort mid-stream, and model lists.
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

describe.each(FORMATS)('$name', (format) => {
  it('streams the text, ends on the terminal event, and reports usage and latency', async () => {
    const model = uniqueModel(`stream-${format.name}`);
    fake.script(model, { text: 'Because two and two make four.', tokensPerSecond: 400, firstTokenDelayMs: 30 });
    const adapter = createAdapter(format.settings(fake.url));
    const { result, deltas } = await collectTurn(adapter, sampleRequest(model));
    expect(result).toMatchObject({
      status: 'complete',
      text: 'Because two and two make four.',
      stopReason: format.stop,
      usage: { inputTokens: expect.any(Number), outputTokens: 6 },
    });
    expect(result.error).toBeUndefined();
    expect(result.usage?.inputTokens).toBeGreaterThan(0);
    expect(deltas.join('')).toBe(result.text);
    expect(deltas.length).toBeGreaterThan(1);
    expect(result.latency.firstTokenMs).toBeGreaterThanOrEqual(25);
    expect(result.latency.totalMs).toBeGreaterThanOrEqual(result.latency.firstTokenMs ?? 0);
  });

  it('sends the system prompt and the attributed, alternating history', async () => {
    const model = uniqueModel(`sent-${format.name}`);
    const adapter = createAdapter(format.settings(fake.url));
    await collectTurn(adapter, sampleRequest(model, { temperature: 0.5, maxOutputTokens: 300 }));
    const [logged] = fake.requests(model);
    expect(logged).toMatchObject({
      provider: format.logged,
      stream: true,
      system: 'You are Ada (@ada), one of several AI participants.',
      messages: [
        { role: 'user', content: '[@you (You)]:\nWhat is 2+2?' },
        { role: format.assistantRole, content: 'Four.' },
        { role: 'user', content: '[@bo (Bo)]:\nAgreed. @ada why?' },
      ],
    });
  });

  it('reports an output-limit stop as complete, with the provider’s stop reason', async () => {
    const model = uniqueModel(`length-${format.name}`);
    fake.script(model, { tokens: 4, finish: 'length' });
    const { result } = await collectTurn(createAdapter(format.settings(fake.url)), sampleRequest(model));
    expect(result).toMatchObject({ status: 'complete', stopReason: format.lengthStop });
  });

  it('abort mid-stream: interrupted, the partial text kept, and the server sees the connection close', async () => {
    const model = uniqueModel(`abort-${format.name}`);
    fake.script(model, { tokens: 300, tokensPerSecond: 100 });
    const { result, deltas } = await collectTurn(createAdapter(format.settings(fake.url)), sampleRequest(model), {
      abortAfterDeltas: 3,
    });
    expect(result.status).toBe('interrupted');
    expect(result.error).toMatchObject({ reason: 'aborted' });
    expect(result.text).toBe(deltas.join(''));
    expect(result.text.length).toBeGreaterThan(0);
    const logged = await fake.waitForRequest((request) => request.model === model && request.clientClosed);
    expect(logged.completed).toBe(false);
    expect(logged.tokensSent).toBeLessThan(300);
  });

  it('an already-aborted signal sends nothing', async () => {
    const model = uniqueModel(`pre-abort-${format.name}`);
    const controller = new AbortController();
    controller.abort();
    const { result } = await collectTurn(createAdapter(format.settings(fake.url)), sampleRequest(model), {
      signal: controller.signal,
    });
    expect(result).toMatchObject({ status: 'interrupted', text: '', usage: null });
    expect(fake.requests(model)).toHaveLength(0);
  });
});

describe('model lists', () => {
  it.each(FORMATS.filter((format) => format.name !== 'openai-responses'))(
    '$name: lists the provider’s models, with catalog facts filled in',
    async (format) => {
      fake.setModels({
        openai: ['gpt-4o-mini', 'local-llama'],
        anthropic: ['claude-haiku-4-5'],
        gemini: ['gemini-2.5-flash'],
      });
      const models = await createAdapter(format.settings(fake.url)).listModels();
      const expected = {
        'openai-chat': ['gpt-4o-mini', 'local-llama'],
        'openai-compatible': ['gpt-4o-mini', 'local-llama'],
        anthropic: ['claude-haiku-4-5'],
        google: ['gemini-2.5-flash'],
      }[format.name as 'openai-chat' | 'openai-compatible' | 'anthropic' | 'google'];
      expect(models.map((model) => model.id)).toEqual(expected);
      const known = models[0];
      expect(known?.contextWindow).toBeGreaterThan(0);
      expect(known?.inputPricePerMTok).toBeGreaterThan(0);
      expect(known?.outputPricePerMTok).toBeGreaterThan(0);
    },
  );

  it('Anthropic and Gemini say the context window themselves', async () => {
    fake.setModels({ anthropic: ['claude-opus-4-7'], gemini: ['gemini-x'] });
    const [claude] = await createAdapter(FORMATS[2]!.settings(fake.url)).listModels();
    const [gemini] = await createAdapter(FORMATS[3]!.settings(fake.url)).listModels();
    expect(claude).toMatchObject({
      id: 'claude-opus-4-7',
      label: expect.any(String),
      contextWindow: expect.any(Number),
    });
    expect(gemini).toMatchObject({ id: 'gemini-x', contextWindow: 1_048_576 });
  });

  it('a model list that never comes times out', async () => {
    fake.script('#models', { fault: { kind: 'never-respond' } });
    const adapter = createAdapter(FORMATS[2]!.settings(fake.url, { timeouts: { firstTokenMs: 300 } }));
    await expect(adapter.listModels()).rejects.toMatchObject({ error: { reason: 'timeout' } });
  });

  it('a model list can be cancelled', async () => {
    fake.script('#models', { fault: { kind: 'never-respond' } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(createAdapter(FORMATS[3]!.settings(fake.url)).listModels(controller.signal)).rejects.toMatchObject({
      error: { reason: 'aborted' },
    });
  });

  it('a failing model list rejects with a ProviderError in plain language', async () => {
    fake.script('#models', { fault: { kind: 'unauthorized' } });
    const adapter = createAdapter(FORMATS[0]!.settings(fake.url));
    await expect(adapter.listModels()).rejects.toMatchObject({
      name: 'ProviderError',
      message: 'The API key was refused by OpenAI. Check it in Providers.',
      error: { reason: 'bad-key', status: 401 },
    });
  });
});

describe('OpenAI routing', () => {
  it('sends Responses-only models to the Responses API without being told', async () => {
    const model = 'o3-pro-routing-test';
    const { result } = await collectTurn(createAdapter(FORMATS[0]!.settings(fake.url)), sampleRequest(model));
    expect(result.status).toBe('complete');
    expect(fake.requests(model)[0]?.provider).toBe('openai-responses');
  });

  it('leaves out temperature for reasoning models and uses max_completion_tokens', async () => {
    const adapter = createAdapter(FORMATS[0]!.settings(fake.url));
    await collectTurn(adapter, sampleRequest('o4-mini-temp', { temperature: 0.7, maxOutputTokens: 200 }));
    await collectTurn(adapter, sampleRequest('gpt-4o-temp', { temperature: 0.7, maxOutputTokens: 200 }));
    expect(fake.requests('o4-mini-temp')[0]?.body).not.toHaveProperty('temperature');
    expect(fake.requests('o4-mini-temp')[0]?.body).toMatchObject({ max_completion_tokens: 200 });
    expect(fake.requests('gpt-4o-temp')[0]?.body).toMatchObject({ temperature: 0.7, max_completion_tokens: 200 });
  });

  it('asks for usage in the Chat Completions stream', async () => {
    await collectTurn(createAdapter(FORMATS[0]!.settings(fake.url)), sampleRequest('usage-option'));
    expect(fake.requests('usage-option')[0]?.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
  });
});

describe('OpenAI-compatible', () => {
  it('uses max_tokens and sends no Authorization or SDK headers when there is no key', async () => {
    const adapter = createAdapter(FORMATS[4]!.settings(fake.url));
    await collectTurn(adapter, sampleRequest('compat-headers', { maxOutputTokens: 100 }));
    const [logged] = fake.requests('compat-headers');
    expect(logged?.path).toBe('/ollama/v1/chat/completions');
    expect(logged?.hadCredentials).toBe(false);
    expect(logged?.body).toMatchObject({ max_tokens: 100 });
    expect(Object.keys(logged?.headers ?? {}).filter((name) => name.startsWith('x-stainless'))).toEqual([]);
  });

  it('sends the key as a bearer token when one is set', async () => {
    const adapter = createAdapter(FORMATS[4]!.settings(fake.url, { apiKey: 'sk-or-compat-key-1234' }));
    await collectTurn(adapter, sampleRequest('compat-key'));
    expect(fake.requests('compat-key')[0]).toMatchObject({
      hadCredentials: true,
      headers: { authorization: '[redacted]' },
    });
  });

  it('without a base URL, fails at once and says what to set', async () => {
    const adapter = createAdapter({ kind: 'openai-compatible' });
    const { result } = await collectTurn(adapter, sampleRequest('compat-no-url'));
    expect(result).toMatchObject({ status: 'error', error: { reason: 'bad-request' } });
    expect(result.error?.message).toMatch(/No base URL is set/);
    await expect(adapter.listModels()).rejects.toMatchObject({ error: { reason: 'bad-request' } });
  });
});
