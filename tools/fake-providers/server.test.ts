// The server over plain HTTP: CORS, the control API, routing, redaction and shutdown.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeProviders, LoggedRequest } from './index.ts';
import { keyFingerprint, MODEL_LIST_KEY, REDACTED, startFakeProviders } from './index.ts';

let fake: FakeProviders;
beforeAll(async () => {
  fake = await startFakeProviders();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(fake.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('CORS', () => {
  it('answers a preflight with 204 and echoes the requested headers (which `*` would not cover)', async () => {
    const requested =
      'authorization,x-api-key,anthropic-version,anthropic-dangerous-direct-browser-access,x-goog-api-key,content-type';
    const res = await fetch(`${fake.url}/v1/messages`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': requested,
        'Access-Control-Request-Private-Network': 'true',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-headers')).toBe(requested);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-private-network')).toBe('true');
    for (const exposed of ['retry-after', 'retry-after-ms', 'x-request-id', 'request-id']) {
      expect(res.headers.get('access-control-expose-headers')).toContain(exposed);
    }
    expect(fake.requests({ provider: 'preflight' })).toMatchObject([
      { method: 'OPTIONS', status: 204, path: '/v1/messages' },
    ]);
  });

  it('puts the CORS headers on errors too, and answers `*` without an Origin', async () => {
    fake.script('gpt-x', { fault: { kind: 'rate-limit', retryAfterSeconds: 2 } });
    const res = await post('/v1/chat/completions', { model: 'gpt-x', messages: [] }, { Origin: 'http://app.test' });
    expect(res.status).toBe(429);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://app.test');
    expect(res.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(res.headers.get('retry-after')).toBe('2');
    const plain = await fetch(`${fake.url}/v1/models`);
    expect(plain.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('control API over HTTP', () => {
  it('scripts replies, serves them, lists requests filtered by model, and resets', async () => {
    const scripted = await post('/__control/script', {
      'gpt-a': [{ text: 'Scripted over HTTP.' }],
      'gpt-b': { tokens: 2 },
    });
    expect(scripted.status).toBe(200);
    expect(await scripted.json()).toEqual({ pending: { 'gpt-a': 1, 'gpt-b': 1 } });

    const res = await post('/v1/chat/completions', { model: 'gpt-a', messages: [{ role: 'user', content: 'hi' }] });
    expect(
      ((await res.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]?.message.content,
    ).toBe('Scripted over HTTP.');
    await post('/v1/chat/completions', { model: 'gpt-b', messages: [{ role: 'user', content: 'hi' }] });

    const logged = (await (await fetch(`${fake.url}/__control/requests?model=gpt-a`)).json()) as LoggedRequest[];
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ model: 'gpt-a', provider: 'openai-chat', status: 200, completed: true });
    expect(fake.requests()).toHaveLength(2); // Control calls are not logged.

    expect((await post('/__control/reset', {})).status).toBe(200);
    expect(fake.requests()).toEqual([]);
  });

  it('sets persistent defaults and the model catalog', async () => {
    await post('/__control/default', { '*': { text: 'Same again.' } });
    for (let i = 0; i < 2; i++) {
      const res = await post(
        '/v1/messages',
        { model: 'claude-x', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] },
        { 'anthropic-version': '2023-06-01' },
      );
      expect(((await res.json()) as { content: Array<{ text: string }> }).content[0]?.text).toBe('Same again.');
    }
    await post('/__control/models', { gemini: ['gemini-only'] });
    const models = (await (await fetch(`${fake.url}/v1beta/models`)).json()) as { models: Array<{ name: string }> };
    expect(models.models.map((m) => m.name)).toEqual(['models/gemini-only']);
  });

  it('rejects malformed scripts with 400 and a reason', async () => {
    const res = await post('/__control/script', { m: { fault: { kind: 'meteor' } } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/kind/);
    expect((await fetch(`${fake.url}/__control/nope`)).status).toBe(404);
  });
});

describe('routing', () => {
  it('tells the three GET /v1/models apart by their headers', async () => {
    const openai = (await (await fetch(`${fake.url}/v1/models`)).json()) as {
      object: string;
      data: Array<{ object: string }>;
    };
    expect(openai.object).toBe('list');
    expect(openai.data[0]?.object).toBe('model');
    const anthropic = (await (
      await fetch(`${fake.url}/v1/models`, { headers: { 'anthropic-version': '2023-06-01' } })
    ).json()) as Record<string, unknown>;
    expect(anthropic).toMatchObject({
      has_more: false,
      data: expect.arrayContaining([expect.objectContaining({ type: 'model' })]),
    });
    const gemini = (await (
      await fetch(`${fake.url}/v1/models`, { headers: { 'x-goog-api-key': 'k' } })
    ).json()) as Record<string, unknown>;
    expect(gemini).toHaveProperty('models');
  });

  it('serves Gemini under /v1 too, and any prefix before /v1 (one server, several endpoints)', async () => {
    const gemini = await post('/v1/models/gemini-2.5-flash:generateContent', {
      contents: [{ role: 'user', parts: [{ text: 'hi' }] }],
    });
    expect(gemini.status).toBe(200);
    const prefixed = await post('/ollama/v1/chat/completions', {
      model: 'llama3',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(prefixed.status).toBe(200);
    expect(fake.requests('llama3')[0]?.path).toBe('/ollama/v1/chat/completions');
  });

  it('answers unknown routes, unknown models and bad bodies in the provider shape', async () => {
    expect((await post('/v2/whatever', {})).status).toBe(404);
    const missing = await fetch(`${fake.url}/v1/models/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'model_not_found' } });
    const bad = await fetch(`${fake.url}/v1/messages`, { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    const noModel = await post('/v1/chat/completions', { messages: [] });
    expect(noModel.status).toBe(400);
  });

  it('counts tokens for Anthropic and Gemini', async () => {
    const anthropic = await post('/v1/messages/count_tokens', {
      model: 'c',
      messages: [{ role: 'user', content: 'twelve chars' }],
    });
    expect(await anthropic.json()).toEqual({ input_tokens: 3 });
    const gemini = await post('/v1beta/models/g:countTokens', {
      contents: [{ role: 'user', parts: [{ text: 'twelve chars' }] }],
    });
    expect(await gemini.json()).toMatchObject({ totalTokens: 3 });
  });

  it('applies faults scripted for the model lists', async () => {
    fake.script(MODEL_LIST_KEY, { fault: { kind: 'unauthorized' } });
    const res = await fetch(`${fake.url}/v1/models`, { headers: { 'anthropic-version': '2023-06-01' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
    expect((await fetch(`${fake.url}/v1/models`)).status).toBe(200);
  });
});

describe('non-streaming faults', () => {
  it('drop-mid-stream cuts the JSON body; no-terminal-event ends it truncated', async () => {
    fake.script('m', [{ fault: { kind: 'drop-mid-stream' } }, { fault: { kind: 'no-terminal-event' } }]);
    const dropped = await post('/v1/chat/completions', { model: 'm', messages: [] });
    await expect(dropped.text()).rejects.toThrow(TypeError);
    const truncated = await post('/v1/chat/completions', { model: 'm', messages: [] });
    const text = await truncated.text();
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
  });

  it('slow-headers delays the answer', async () => {
    fake.script('m', { text: 'late', fault: { kind: 'slow-headers', delayMs: 150 } });
    const started = Date.now();
    const res = await post('/v1/chat/completions', { model: 'm', messages: [] });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('log and shutdown', () => {
  it('redacts every credential header and the `key` query parameter', async () => {
    const secret = 'sk-very-secret-value-9876';
    await post(
      `/v1beta/models/g:generateContent?key=${secret}`,
      { contents: [] },
      {
        authorization: `Bearer ${secret}`,
        'x-api-key': secret,
        'x-goog-api-key': secret,
        'api-key': secret,
        cookie: `session=${secret}`,
      },
    );
    const [logged] = fake.requests();
    expect(logged?.hadCredentials).toBe(true);
    expect(logged?.headers).toMatchObject({
      authorization: REDACTED,
      'x-api-key': REDACTED,
      'x-goog-api-key': REDACTED,
      'api-key': REDACTED,
      cookie: REDACTED,
    });
    expect(logged?.path).toBe('/v1beta/models/g:generateContent?key=%5Bredacted%5D');
    expect(JSON.stringify(fake.requests())).not.toContain(secret);
  });

  it('tells which key a request carried by a hash prefix, for each place an SDK puts it', async () => {
    const places: [string, Record<string, string>][] = [
      ['/v1/chat/completions', { authorization: 'Bearer key-one' }],
      ['/v1/messages', { 'x-api-key': 'key-two' }],
      ['/v1beta/models/g:generateContent', { 'x-goog-api-key': 'key-three' }],
      ['/v1beta/models/g:generateContent?key=key-four', {}],
      ['/v1/chat/completions', {}],
    ];
    for (const [path, headers] of places) await post(path, {}, headers);
    const fingerprints = fake.requests().map((request) => request.keyFingerprint);
    const expected = ['key-one', 'key-two', 'key-three', 'key-four'].map(keyFingerprint);
    expect(fingerprints).toEqual([...expected, null]);
    expect(new Set(expected).size).toBe(4);
    expect(JSON.stringify(fake.requests())).not.toContain('key-one');
  });

  it('close() ends never-answered requests instead of hanging', async () => {
    const other = await startFakeProviders();
    other.script('m', { fault: { kind: 'never-respond' } });
    const pending = fetch(`${other.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [] }),
    });
    await other.waitForRequest((r) => r.model === 'm');
    await other.close();
    await expect(pending).rejects.toThrow(TypeError);
    expect(other.requests('m')[0]).toMatchObject({
      status: null,
      clientClosed: false,
      completed: false,
      fault: 'never-respond',
    });
  });
});
