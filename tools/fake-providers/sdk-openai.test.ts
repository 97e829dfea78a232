/* eslint-disable max-lines -- table-like: one case per OpenAI SDK behaviour (Chat and Responses) */
// The fake through the real `openai` SDK (Chat Completions and Responses), base URL `${url}/v1`.
import OpenAI from 'openai';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeProviders } from './index.ts';
import { caught, fakeProvidersForThisFile } from './testing.ts';

const API_KEY = 'sk-fake-openai-key-DO-NOT-LOG-4242';
const FAST = { tokensPerSecond: 2000 };

let fake: FakeProviders;
let openai: OpenAI;
const fakeProviders = fakeProvidersForThisFile();
beforeAll(() => {
  fake = fakeProviders();
  openai = new OpenAI({ apiKey: API_KEY, baseURL: `${fake.url}/v1`, maxRetries: 0 });
});

const MESSAGES = [
  { role: 'system' as const, content: 'You are Ada, one of three peers.' },
  { role: 'user' as const, content: '[Human] What is 2+2?' },
  { role: 'assistant' as const, content: '[Ada] Four.' },
  { role: 'user' as const, content: '[Bob] Agreed. @Ada why?' },
];

/** Stream a chat completion; returns the text, the finish reasons and the usage seen. */
async function streamChat(model: string, signal?: AbortSignal) {
  const stream = await openai.chat.completions.create(
    { model, messages: MESSAGES, stream: true, stream_options: { include_usage: true } },
    signal ? { signal } : {},
  );
  let text = '';
  let finish: string | null = null;
  let usage: OpenAI.CompletionUsage | null | undefined = null;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta.content ?? '';
    finish = chunk.choices[0]?.finish_reason ?? finish;
    if (chunk.usage) usage = chunk.usage;
  }
  return { text, finish, usage };
}

describe('Chat Completions', () => {
  it('streams role delta, content deltas, finish_reason, a usage chunk and [DONE]', async () => {
    fake.script('gpt-4o-mini', { text: 'Because two and two make four.', ...FAST });
    const result = await streamChat('gpt-4o-mini');
    expect(result).toEqual({
      text: 'Because two and two make four.',
      finish: 'stop',
      usage: expect.objectContaining({
        completion_tokens: 6,
        prompt_tokens: expect.any(Number),
        total_tokens: expect.any(Number),
      }),
    });
    const [logged] = fake.requests('gpt-4o-mini');
    expect(logged).toMatchObject({
      provider: 'openai-chat',
      stream: true,
      status: 200,
      completed: true,
      clientClosed: false,
      system: 'You are Ada, one of three peers.',
      messages: MESSAGES.slice(1),
      hadCredentials: true,
    });
    expect(logged?.headers.authorization).toBe('[redacted]');
  });

  it('reports finish_reason "length" when scripted', async () => {
    fake.script('m', { tokens: 3, finish: 'length' });
    expect((await streamChat('m')).finish).toBe('length');
  });

  it('answers non-streaming requests with a chat.completion', async () => {
    fake.script('m', { text: 'Plain JSON.' });
    const completion = await openai.chat.completions.create({ model: 'm', messages: MESSAGES });
    expect(completion.choices[0]?.message.content).toBe('Plain JSON.');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.completion_tokens).toBe(2);
    expect(fake.requests('m')[0]?.stream).toBe(false);
  });

  it('paces tokens and delays the first one', async () => {
    fake.script('m', { tokens: 5, tokensPerSecond: 50, firstTokenDelayMs: 100 });
    const started = Date.now();
    await streamChat('m');
    // 100 ms before the first token, then 4 gaps of 20 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(170);
  });
});

describe('Responses', () => {
  it('streams the real event sequence and ends with response.completed and usage', async () => {
    fake.script('gpt-5-mini', { text: 'Four, by counting.', ...FAST });
    const stream = await openai.responses.create({
      model: 'gpt-5-mini',
      instructions: 'You are Ada.',
      input: [{ role: 'user', content: 'What is 2+2?' }],
      stream: true,
    });
    const types: string[] = [];
    let text = '';
    let completed: OpenAI.Responses.Response | undefined;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.completed') completed = event.response;
    }
    expect(types).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(text).toBe('Four, by counting.');
    expect(completed?.status).toBe('completed');
    expect(completed?.usage).toMatchObject({ output_tokens: 3, input_tokens: expect.any(Number) });
    expect(fake.requests('gpt-5-mini')[0]).toMatchObject({
      provider: 'openai-responses',
      system: 'You are Ada.',
      messages: [{ role: 'user', content: 'What is 2+2?' }],
    });
  });

  it('works through the responses.stream() helper and non-streaming create', async () => {
    fake.script('m', [{ text: 'Helper.' }, { text: 'Plain.' }]);
    const final = await openai.responses.stream({ model: 'm', input: 'hi' }).finalResponse();
    // The helper's final response has no `output_text` convenience field (only create() adds it).
    const message = final.output[0];
    expect(message?.type === 'message' && message.content[0]?.type === 'output_text' && message.content[0].text).toBe(
      'Helper.',
    );
    expect(final.status).toBe('completed');
    const plain = await openai.responses.create({ model: 'm', input: 'hi' });
    expect(plain.output_text).toBe('Plain.');
  });
});

describe('model list', () => {
  it('lists the configured models in the OpenAI shape', async () => {
    fake.setModels({ openai: ['gpt-a', 'gpt-b'] });
    const page = await openai.models.list();
    expect(page.data.map((model) => model.id)).toEqual(['gpt-a', 'gpt-b']);
    expect(page.data[0]).toMatchObject({ object: 'model', owned_by: expect.any(String) });
  });
});

describe('HTTP faults reach the SDK as OpenAI errors', () => {
  it('429 → RateLimitError with retry-after readable', async () => {
    fake.script('m', { fault: { kind: 'rate-limit', retryAfterSeconds: 7 } });
    const error = await caught(() => streamChat('m'));
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const rate = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rate.status).toBe(429);
    expect(rate.code).toBe('rate_limit_exceeded');
    expect(rate.headers.get('retry-after')).toBe('7');
  });

  it('401 → AuthenticationError, 400 context → BadRequestError, 500 and 503 → InternalServerError', async () => {
    fake.script('m', [
      { fault: { kind: 'unauthorized' } },
      { fault: { kind: 'context-too-long' } },
      { fault: { kind: 'server-error' } },
      { fault: { kind: 'overloaded' } },
    ]);
    const unauthorized = await caught(() => streamChat('m'));
    expect(unauthorized).toBeInstanceOf(OpenAI.AuthenticationError);
    const tooLong = await caught(() => streamChat('m'));
    expect(tooLong).toBeInstanceOf(OpenAI.BadRequestError);
    expect(tooLong).toMatchObject({ status: 400, code: 'context_length_exceeded', param: 'messages' });
    expect((tooLong as Error).message).toContain('maximum context length');
    expect(await caught(() => streamChat('m'))).toMatchObject({ status: 500 });
    const overloaded = await caught(() => streamChat('m'));
    expect(overloaded).toBeInstanceOf(OpenAI.InternalServerError);
    expect(overloaded).toMatchObject({ status: 503 });
  });

  it('Responses: context-too-long uses param "input"', async () => {
    fake.script('m', { fault: { kind: 'context-too-long' } });
    const error = await caught(() => openai.responses.create({ model: 'm', input: 'hi', stream: true }));
    expect(error).toMatchObject({ status: 400, code: 'context_length_exceeded', param: 'input' });
  });

  it('retries a 429 after retry-after and then succeeds (maxRetries: 1)', async () => {
    const retrying = new OpenAI({ apiKey: API_KEY, baseURL: `${fake.url}/v1`, maxRetries: 1 });
    fake.script('m', { text: 'Second time lucky.', fault: { kind: 'rate-limit', retryAfterSeconds: 1, times: 1 } });
    const started = Date.now();
    const completion = await retrying.chat.completions.create({ model: 'm', messages: MESSAGES });
    expect(completion.choices[0]?.message.content).toBe('Second time lucky.');
    // The SDK waited as told (it prefers retry-after-ms, which the fake sets to the same wait).
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.requests('m').map((r) => r.status)).toEqual([429, 200]);
    expect(fake.requests('m')[1]?.headers['x-stainless-retry-count']).toBe('1');
  });
});

describe('stream faults: what the OpenAI SDK does', () => {
  it('drop-mid-stream: the iterator throws TypeError("terminated") after the tokens already sent', async () => {
    fake.script('m', { text: 'one two three four', fault: { kind: 'drop-mid-stream', afterTokens: 2 } });
    const stream = await openai.chat.completions.create({ model: 'm', messages: MESSAGES, stream: true });
    let text = '';
    const error = await caught(async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    });
    expect(text).toBe('one two');
    expect(error).toMatchObject({ name: 'TypeError', message: 'terminated' });
    expect(fake.requests('m')[0]).toMatchObject({
      tokensSent: 2,
      completed: false,
      clientClosed: false,
      fault: 'drop-mid-stream',
    });

    fake.script('m', { text: 'one two three four', fault: { kind: 'drop-mid-stream', afterTokens: 2 } });
    const helper = await caught(() => openai.responses.stream({ model: 'm', input: 'hi' }).finalResponse());
    expect(helper).toBeInstanceOf(OpenAI.OpenAIError);
    expect(helper).not.toBeInstanceOf(OpenAI.APIError);
    expect(helper).toMatchObject({ message: 'terminated' });
  });

  it('no-terminal-event: the stream ends quietly with no finish_reason — only the consumer can notice', async () => {
    fake.script('m', { text: 'one two three', fault: { kind: 'no-terminal-event', afterTokens: 2 } });
    expect(await streamChat('m')).toEqual({ text: 'one two', finish: null, usage: null });

    fake.script('m', { text: 'one two three', fault: { kind: 'no-terminal-event', afterTokens: 2 } });
    const types: string[] = [];
    for await (const event of await openai.responses.create({ model: 'm', input: 'hi', stream: true }))
      types.push(event.type);
    expect(types).not.toContain('response.completed');
    expect(types.at(-1)).toBe('response.output_text.delta');

    fake.script('m', { text: 'one two three', fault: { kind: 'no-terminal-event', afterTokens: 2 } });
    const final = await openai.responses.stream({ model: 'm', input: 'hi' }).finalResponse();
    expect(final.status).toBe('in_progress'); // The helper resolves anyway: check the status yourself.
  });

  it('stream-error-event, Chat: the iterator throws APIError with no status', async () => {
    fake.script('m', { text: 'one two three', fault: { kind: 'stream-error-event', afterTokens: 1 } });
    const error = await caught(() => streamChat('m'));
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error).not.toBeInstanceOf(OpenAI.APIConnectionError);
    expect(error).toMatchObject({ status: undefined, type: 'server_error' });
    expect((error as Error).message).toContain('The server had an error');
  });

  it('stream-error-event, Responses: raw create() yields `error` and `response.failed` events without throwing', async () => {
    fake.script('m', { text: 'one two', fault: { kind: 'stream-error-event', afterTokens: 1 } });
    const events: OpenAI.Responses.ResponseStreamEvent[] = [];
    for await (const event of await openai.responses.create({ model: 'm', input: 'hi', stream: true }))
      events.push(event);
    expect(events.map((e) => e.type).slice(-2)).toEqual(['error', 'response.failed']);
    const failed = events.at(-1);
    expect(failed?.type === 'response.failed' && failed.response.error?.code).toBe('server_error');
  });

  it('stream-error-event, Responses: the stream() helper rejects with the plain `error` event object (not an Error)', async () => {
    fake.script('m', {
      text: 'one two',
      fault: { kind: 'stream-error-event', afterTokens: 1, responsesEvent: 'error' },
    });
    const error = await caught(() => openai.responses.stream({ model: 'm', input: 'hi' }).finalResponse());
    expect(error).not.toBeInstanceOf(Error);
    expect(error).toMatchObject({ type: 'error', code: 'server_error' });
  });

  it('stream-error-event, Responses: with only `response.failed`, the stream() helper does NOT reject', async () => {
    fake.script('m', {
      text: 'one two',
      fault: { kind: 'stream-error-event', afterTokens: 1, responsesEvent: 'response.failed' },
    });
    const final = await openai.responses.stream({ model: 'm', input: 'hi' }).finalResponse();
    // The helper's snapshot never saw a terminal status: adapters must watch for `response.failed` themselves.
    expect(final.status).not.toBe('completed');
  });
});

describe('aborts', () => {
  it('never-respond: an AbortController ends the wait (APIUserAbortError) and the log shows clientClosed', async () => {
    fake.script('m', { fault: { kind: 'never-respond' } });
    const controller = new AbortController();
    const pending = caught(() => streamChat('m', controller.signal));
    await fake.waitForRequest((r) => r.model === 'm');
    controller.abort();
    expect(await pending).toBeInstanceOf(OpenAI.APIUserAbortError);
    const logged = await fake.waitForRequest((r) => r.model === 'm' && r.clientClosed);
    expect(logged).toMatchObject({ status: null, completed: false, fault: 'never-respond' });
  });

  it('abort mid-stream: the iterator ends without throwing, and the server sees the connection close', async () => {
    fake.script('m', { tokens: 200, tokensPerSecond: 100 });
    const controller = new AbortController();
    let chunks = 0;
    const stream = await openai.chat.completions.create(
      { model: 'm', messages: MESSAGES, stream: true },
      { signal: controller.signal },
    );
    for await (const _chunk of stream) {
      if (++chunks === 3) controller.abort();
    }
    const logged = await fake.waitForRequest((r) => r.model === 'm' && r.clientClosed);
    expect(logged.completed).toBe(false);
    expect(logged.tokensSent).toBeLessThan(200);
  });
});

describe('secrets', () => {
  it('never logs the API key', async () => {
    await streamChat('m');
    await openai.responses.create({ model: 'm', input: 'hi' });
    await openai.models.list();
    expect(fake.requests()).toHaveLength(3);
    expect(JSON.stringify(fake.requests())).not.toContain(API_KEY);
  });
});
