// The fake through the real `@google/genai` (2.x: /v1beta), base URL `${url}` (the SDK adds the version).
import { ApiError, FinishReason, GoogleGenAI } from '@google/genai';
import type { GenerateContentResponse } from '@google/genai';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeProviders } from './index.ts';
import { caught, fakeProvidersForThisFile } from './testing.ts';

const API_KEY = 'AIza-fake-gemini-key-DO-NOT-LOG-1313';
const FAST = { tokensPerSecond: 2000 };

let fake: FakeProviders;
let genai: GoogleGenAI;
const fakeProviders = fakeProvidersForThisFile();
beforeAll(() => {
  fake = fakeProviders();
  genai = new GoogleGenAI({ apiKey: API_KEY, httpOptions: { baseUrl: fake.url } });
});

const SYSTEM = 'You are Cy, a peer among peers.';
const CONTENTS = [
  { role: 'user', parts: [{ text: '[Human] Name a prime.' }] },
  { role: 'model', parts: [{ text: '[Cy] Seven.' }] },
  { role: 'user', parts: [{ text: '[Ada] Another, @Cy?' }] },
];

async function stream(model: string, abortSignal?: AbortSignal) {
  const chunks: GenerateContentResponse[] = [];
  const response = await genai.models.generateContentStream({
    model,
    contents: CONTENTS,
    config: { systemInstruction: SYSTEM, ...(abortSignal ? { abortSignal } : {}) },
  });
  for await (const chunk of response) chunks.push(chunk);
  const last = chunks.at(-1);
  return {
    text: chunks.map((chunk) => chunk.text ?? '').join(''),
    finishReason: last?.candidates?.[0]?.finishReason,
    usage: last?.usageMetadata,
    chunks: chunks.length,
  };
}

describe('generateContentStream', () => {
  it('streams text chunks, then finishReason STOP with usageMetadata', async () => {
    fake.script('gemini-2.5-flash', { text: 'Eleven is prime.', ...FAST });
    const result = await stream('gemini-2.5-flash');
    expect(result).toMatchObject({ text: 'Eleven is prime.', finishReason: FinishReason.STOP, chunks: 4 });
    expect(result.usage).toMatchObject({
      candidatesTokenCount: 3,
      promptTokenCount: expect.any(Number),
      totalTokenCount: expect.any(Number),
    });
  });

  it('hits /v1beta/...:streamGenerateContent?alt=sse and logs what the model was sent', async () => {
    await stream('gemini-2.5-pro');
    const [logged] = fake.requests('gemini-2.5-pro');
    expect(logged).toMatchObject({
      provider: 'gemini',
      path: '/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse',
      stream: true,
      system: SYSTEM,
      messages: [
        { role: 'user', content: '[Human] Name a prime.' },
        { role: 'model', content: '[Cy] Seven.' },
        { role: 'user', content: '[Ada] Another, @Cy?' },
      ],
      hadCredentials: true,
      completed: true,
    });
    expect(logged?.headers['x-goog-api-key']).toBe('[redacted]');
    expect(JSON.stringify(fake.requests())).not.toContain(API_KEY);
  });

  it('MAX_TOKENS finish, and non-streaming generateContent', async () => {
    fake.script('g', [{ tokens: 2, finish: 'length' }, { text: 'Plain.' }]);
    expect((await stream('g')).finishReason).toBe(FinishReason.MAX_TOKENS);
    const plain = await genai.models.generateContent({ model: 'g', contents: 'hi' });
    expect(plain.text).toBe('Plain.');
    expect(plain.candidates?.[0]?.finishReason).toBe(FinishReason.STOP);
    expect(fake.requests('g')[1]?.path).toBe('/v1beta/models/g:generateContent');
  });
});

describe('model list', () => {
  it('lists models in the Gemini shape', async () => {
    fake.setModels({ gemini: ['gemini-a', 'gemini-b'] });
    const models: string[] = [];
    for await (const model of await genai.models.list())
      models.push(`${model.name} ${model.displayName} ${model.inputTokenLimit}`);
    expect(models).toEqual(['models/gemini-a Gemini A 1048576', 'models/gemini-b Gemini B 1048576']);
  });
});

describe('HTTP faults reach the SDK as Gemini ApiErrors', () => {
  it('429 RESOURCE_EXHAUSTED: ApiError status 429; the wait is only in the message (RetryInfo), headers are not exposed', async () => {
    fake.script('g', { fault: { kind: 'rate-limit', retryAfterSeconds: 4 } });
    const error = await caught(() => stream('g'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429 });
    const body = JSON.parse((error as ApiError).message) as {
      error: { status: string; details: Array<{ retryDelay?: string }> };
    };
    expect(body.error.status).toBe('RESOURCE_EXHAUSTED');
    expect(body.error.details.find((detail) => detail.retryDelay)?.retryDelay).toBe('4s');
  });

  it('unauthorized: 400 API_KEY_INVALID like the real API (or 401 UNAUTHENTICATED on request)', async () => {
    fake.script('g', [{ fault: { kind: 'unauthorized' } }, { fault: { kind: 'unauthorized', geminiStatus: 401 } }]);
    const invalid = await caught(() => stream('g'));
    expect(invalid).toMatchObject({ status: 400 });
    expect((invalid as Error).message).toContain('API_KEY_INVALID');
    const unauthenticated = await caught(() => stream('g'));
    expect(unauthenticated).toMatchObject({ status: 401 });
    expect((unauthenticated as Error).message).toContain('UNAUTHENTICATED');
  });

  it('400 context too long, 500 INTERNAL, 503 UNAVAILABLE', async () => {
    fake.script('g', [
      { fault: { kind: 'context-too-long' } },
      { fault: { kind: 'server-error' } },
      { fault: { kind: 'overloaded' } },
    ]);
    const tooLong = await caught(() => stream('g'));
    expect(tooLong).toMatchObject({ status: 400 });
    expect((tooLong as Error).message).toContain('exceeds the maximum number of tokens');
    expect(await caught(() => stream('g'))).toMatchObject({ status: 500 });
    expect(await caught(() => stream('g'))).toMatchObject({ status: 503 });
  });

  it('does not retry by default; with httpOptions.retryOptions it retries a 429 (its own backoff, not retry-after)', async () => {
    fake.script('g', { text: 'Retried.', fault: { kind: 'rate-limit', retryAfterSeconds: 1, times: 1 } });
    expect(await caught(() => stream('g'))).toMatchObject({ status: 429 });

    fake.reset();
    fake.script('g', { text: 'Retried.', fault: { kind: 'rate-limit', retryAfterSeconds: 1, times: 1 } });
    const retrying = new GoogleGenAI({
      apiKey: API_KEY,
      httpOptions: { baseUrl: fake.url, retryOptions: { attempts: 2, initialDelay: 0.05, jitter: 0 } },
    });
    const response = await retrying.models.generateContent({ model: 'g', contents: 'hi' });
    expect(response.text).toBe('Retried.');
    expect(fake.requests('g').map((r) => r.status)).toEqual([429, 200]);
  });
});

describe('stream faults: what the Gemini SDK does', () => {
  it('drop-mid-stream: the iterator throws TypeError("terminated")', async () => {
    fake.script('g', { text: 'one two three', fault: { kind: 'drop-mid-stream', afterTokens: 2 } });
    expect(await caught(() => stream('g'))).toMatchObject({ name: 'TypeError', message: 'terminated' });
    // No continuation token was sent, so the SDK's automatic continuation did not re-request.
    expect(fake.requests('g')).toHaveLength(1);
  });

  it('no-terminal-event: the stream ends quietly, the last chunk has no finishReason', async () => {
    fake.script('g', { text: 'one two three', fault: { kind: 'no-terminal-event', afterTokens: 2 } });
    const result = await stream('g');
    expect(result).toMatchObject({ text: 'one two', finishReason: undefined });
    expect(fake.requests('g')).toHaveLength(1);
  });

  it('stream-error-event: an error chunk → ApiError with the chunk code (503)', async () => {
    fake.script('g', { text: 'one two', fault: { kind: 'stream-error-event', afterTokens: 1 } });
    const error = await caught(() => stream('g'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503 });
    expect((error as Error).message).toContain('UNAVAILABLE');
  });
});

describe('aborts', () => {
  it('never-respond: config.abortSignal rejects with an AbortError and the log shows clientClosed', async () => {
    fake.script('g', { fault: { kind: 'never-respond' } });
    const controller = new AbortController();
    const pending = caught(() => stream('g', controller.signal));
    await fake.waitForRequest((r) => r.model === 'g');
    controller.abort();
    expect(await pending).toMatchObject({ name: 'AbortError' });
    expect(await fake.waitForRequest((r) => r.model === 'g' && r.clientClosed)).toMatchObject({ status: null });
  });

  it('abort mid-stream: the server sees the connection close', async () => {
    fake.script('g', { tokens: 200, tokensPerSecond: 100 });
    const controller = new AbortController();
    let chunks = 0;
    const error = await caught(async () => {
      const response = await genai.models.generateContentStream({
        model: 'g',
        contents: 'hi',
        config: { abortSignal: controller.signal },
      });
      for await (const _chunk of response) {
        if (++chunks === 3) controller.abort();
      }
    });
    expect(error).toMatchObject({ name: 'AbortError' });
    const logged = await fake.waitForRequest((r) => r.model === 'g' && r.clientClosed);
    expect(logged.tokensSent).toBeLessThan(200);
  });
});
