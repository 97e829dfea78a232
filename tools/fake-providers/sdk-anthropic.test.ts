// The fake through the real `@anthropic-ai/sdk`, base URL `${url}` (the SDK adds /v1 itself).
import Anthropic from '@anthropic-ai/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeProviders } from './index.ts';
import { caught, fakeProvidersForThisFile } from './testing.ts';

const API_KEY = 'sk-ant-fake-key-DO-NOT-LOG-7777';
const FAST = { tokensPerSecond: 2000 };

let fake: FakeProviders;
let claude: Anthropic;
const fakeProviders = fakeProvidersForThisFile();
beforeAll(() => {
  fake = fakeProviders();
  claude = new Anthropic({ apiKey: API_KEY, baseURL: fake.url, maxRetries: 0 });
});

const SYSTEM = 'You are Bea, a peer in a shared room.';
const MESSAGES: Anthropic.MessageParam[] = [
  { role: 'user', content: '[Human] Hello both.' },
  { role: 'assistant', content: [{ type: 'text', text: '[Bea] Hi!' }] },
  {
    role: 'user',
    content: [
      { type: 'text', text: '[Cal] Hello.' },
      { type: 'text', text: '[Human] @Bea go on.' },
    ],
  },
];
const PARAMS = { model: 'claude-sonnet-4-6', max_tokens: 256, system: SYSTEM, messages: MESSAGES };

/** Raw stream (create with stream: true): event types and text. */
async function rawStream(model = PARAMS.model, signal?: AbortSignal) {
  const stream = await claude.messages.create({ ...PARAMS, model, stream: true }, signal ? { signal } : {});
  const types: string[] = [];
  let text = '';
  for await (const event of stream) {
    types.push(event.type);
    if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
  }
  return { types, text };
}

describe('Messages', () => {
  it('messages.stream(): text events, final message with stop_reason and usage', async () => {
    fake.script('claude-sonnet-4-6', { text: 'Going on, as asked.', ...FAST });
    const stream = claude.messages.stream(PARAMS);
    const deltas: string[] = [];
    stream.on('text', (delta) => deltas.push(delta));
    const message = await stream.finalMessage();
    expect(deltas).toEqual(['Going', ' on,', ' as', ' asked.']);
    expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: 'Going on, as asked.' })]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage).toMatchObject({ output_tokens: 4, input_tokens: expect.any(Number) });
  });

  it('raw create({stream: true}): the real event sequence', async () => {
    fake.script('claude-sonnet-4-6', { text: 'A B', ...FAST });
    expect(await rawStream()).toEqual({
      types: [
        'message_start',
        'content_block_start',
        'content_block_delta',
        'content_block_delta',
        'content_block_stop',
        'message_delta',
        'message_stop',
      ],
      text: 'A B',
    });
  });

  it('logs exactly what the model was sent, with the key redacted', async () => {
    await claude.messages.stream(PARAMS).finalMessage();
    const [logged] = fake.requests('claude-sonnet-4-6');
    expect(logged).toMatchObject({
      provider: 'anthropic',
      path: '/v1/messages',
      stream: true,
      system: SYSTEM,
      messages: [
        { role: 'user', content: '[Human] Hello both.' },
        { role: 'assistant', content: '[Bea] Hi!' },
        { role: 'user', content: '[Cal] Hello.\n[Human] @Bea go on.' },
      ],
      hadCredentials: true,
      completed: true,
    });
    expect(logged?.headers['anthropic-version']).toEqual(expect.any(String));
    // SDK 1.x sends the key as `Authorization: Bearer` (0.x used x-api-key).
    expect(logged?.headers.authorization).toBe('[redacted]');
    expect(JSON.stringify(fake.requests())).not.toContain(API_KEY);
  });

  it('max_tokens finish and non-streaming create', async () => {
    fake.script('m', [{ tokens: 3, finish: 'length' }, { text: 'Plain.' }]);
    expect((await claude.messages.stream({ ...PARAMS, model: 'm' }).finalMessage()).stop_reason).toBe('max_tokens');
    const plain = await claude.messages.create({ ...PARAMS, model: 'm' });
    expect(plain.content).toEqual([{ type: 'text', text: 'Plain.' }]);
    expect(plain.stop_reason).toBe('end_turn');
  });
});

describe('model list', () => {
  it('lists models in the Anthropic page shape', async () => {
    fake.setModels({ anthropic: ['claude-a', 'claude-b'] });
    const ids: string[] = [];
    for await (const model of claude.models.list()) ids.push(model.id);
    expect(ids).toEqual(['claude-a', 'claude-b']);
    expect(fake.requests({ provider: 'models' })[0]?.headers['anthropic-version']).toBeDefined();
  });
});

describe('HTTP faults reach the SDK as Anthropic errors', () => {
  it('429 → RateLimitError with retry-after and the error type', async () => {
    fake.script('m', { fault: { kind: 'rate-limit', retryAfterSeconds: 5 } });
    const error = await caught(() => rawStream('m'));
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect(error).toMatchObject({ status: 429, type: 'rate_limit_error' });
    expect((error as InstanceType<typeof Anthropic.RateLimitError>).headers.get('retry-after')).toBe('5');
  });

  it('401, 400 prompt too long, 500, 529 overloaded', async () => {
    fake.script('m', [
      { fault: { kind: 'unauthorized' } },
      { fault: { kind: 'context-too-long' } },
      { fault: { kind: 'server-error' } },
      { fault: { kind: 'overloaded' } },
    ]);
    expect(await caught(() => rawStream('m'))).toBeInstanceOf(Anthropic.AuthenticationError);
    const tooLong = await caught(() => claude.messages.stream({ ...PARAMS, model: 'm' }).finalMessage());
    expect(tooLong).toBeInstanceOf(Anthropic.BadRequestError);
    expect(tooLong).toMatchObject({ type: 'invalid_request_error' });
    expect((tooLong as Error).message).toContain('prompt is too long');
    expect(await caught(() => rawStream('m'))).toMatchObject({ status: 500, type: 'api_error' });
    const overloaded = await caught(() => rawStream('m'));
    expect(overloaded).toBeInstanceOf(Anthropic.InternalServerError);
    expect(overloaded).toMatchObject({ status: 529, type: 'overloaded_error' });
  });

  it('retries a 429 after retry-after and then succeeds (maxRetries: 1)', async () => {
    const retrying = new Anthropic({ apiKey: API_KEY, baseURL: fake.url, maxRetries: 1 });
    fake.script('m', { text: 'After the wait.', fault: { kind: 'rate-limit', retryAfterSeconds: 1, times: 1 } });
    const started = Date.now();
    const message = await retrying.messages.stream({ ...PARAMS, model: 'm' }).finalMessage();
    expect(message.content[0]).toMatchObject({ text: 'After the wait.' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.requests('m').map((r) => r.status)).toEqual([429, 200]);
  });
});

describe('stream faults: what the Anthropic SDK does', () => {
  it('drop-mid-stream: raw stream throws TypeError("terminated"); messages.stream() rejects with AnthropicError("terminated")', async () => {
    fake.script('m', [
      { text: 'one two three', fault: { kind: 'drop-mid-stream', afterTokens: 2 } },
      { text: 'one two three', fault: { kind: 'drop-mid-stream', afterTokens: 2 } },
    ]);
    expect(await caught(() => rawStream('m'))).toMatchObject({ name: 'TypeError', message: 'terminated' });
    const helper = await caught(() => claude.messages.stream({ ...PARAMS, model: 'm' }).finalMessage());
    expect(helper).toBeInstanceOf(Anthropic.AnthropicError);
    expect(helper).not.toBeInstanceOf(Anthropic.APIError);
    expect(helper).toMatchObject({ message: 'terminated', cause: expect.objectContaining({ name: 'TypeError' }) });
    expect(fake.requests('m').map((r) => [r.tokensSent, r.completed])).toEqual([
      [2, false],
      [2, false],
    ]);
  });

  it('no-terminal-event: raw stream ends quietly (no message_stop); messages.stream() rejects', async () => {
    fake.script('m', [
      { text: 'one two three', fault: { kind: 'no-terminal-event', afterTokens: 2 } },
      { text: 'one two three', fault: { kind: 'no-terminal-event', afterTokens: 2 } },
    ]);
    const raw = await rawStream('m');
    expect(raw.text).toBe('one two');
    expect(raw.types).not.toContain('message_stop');
    expect(raw.types).not.toContain('message_delta');
    const helper = await caught(() => claude.messages.stream({ ...PARAMS, model: 'm' }).finalMessage());
    expect(helper).toBeInstanceOf(Anthropic.AnthropicError);
    expect((helper as Error).message).toBe('stream ended without producing a Message with role=assistant');
  });

  it('stream-error-event: `event: error` → APIError with no status and type overloaded_error', async () => {
    fake.script('m', [
      { text: 'one two', fault: { kind: 'stream-error-event', afterTokens: 1 } },
      { text: 'one two', fault: { kind: 'stream-error-event', afterTokens: 1 } },
    ]);
    const raw = await caught(() => rawStream('m'));
    expect(raw).toBeInstanceOf(Anthropic.APIError);
    expect(raw).toMatchObject({ status: undefined, type: 'overloaded_error' });
    const helper = await caught(() => claude.messages.stream({ ...PARAMS, model: 'm' }).finalMessage());
    expect(helper).toBeInstanceOf(Anthropic.APIError);
    expect(helper).toMatchObject({ status: undefined, type: 'overloaded_error' });
  });
});

describe('aborts', () => {
  it('never-respond: abort rejects with APIUserAbortError and the log shows clientClosed', async () => {
    fake.script('m', { fault: { kind: 'never-respond' } });
    const controller = new AbortController();
    const pending = caught(() => rawStream('m', controller.signal));
    await fake.waitForRequest((r) => r.model === 'm');
    controller.abort();
    expect(await pending).toBeInstanceOf(Anthropic.APIUserAbortError);
    expect(await fake.waitForRequest((r) => r.model === 'm' && r.clientClosed)).toMatchObject({ status: null });
  });

  it('abort mid-stream: messages.stream().abort() rejects with APIUserAbortError; the server sees the close', async () => {
    fake.script('m', { tokens: 200, tokensPerSecond: 100 });
    const stream = claude.messages.stream({ ...PARAMS, model: 'm' });
    let deltas = 0;
    stream.on('text', () => {
      if (++deltas === 3) stream.abort();
    });
    expect(await caught(() => stream.finalMessage())).toBeInstanceOf(Anthropic.APIUserAbortError);
    const logged = await fake.waitForRequest((r) => r.model === 'm' && r.clientClosed);
    expect(logged).toMatchObject({ completed: false });
    expect(logged.tokensSent).toBeLessThan(200);
  });
});
