// The API key goes to its provider and nowhere else: not into results, events, error messages, thrown errors,
// the console, or (as the fake redacts it) the server log.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Fault, FakeProviders } from '../../../tools/fake-providers/index.ts';
import { startFakeProviders } from '../../../tools/fake-providers/index.ts';
import { createAdapter } from '../create-adapter.ts';
import { collectTurn } from '../testing/collect.ts';
import { API_KEY, FORMATS, sampleRequest, uniqueModel } from '../testing/formats.ts';

let fake: FakeProviders;
const consoleOutput: string[] = [];
beforeAll(async () => {
  fake = await startFakeProviders({ port: 0 });
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleOutput.push(
        args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg))).join(' '),
      );
    });
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  await fake.close();
});
afterEach(() => fake.reset());

const FAULTS: (Fault | undefined)[] = [
  undefined,
  { kind: 'rate-limit', retryAfterSeconds: 0 },
  { kind: 'server-error' },
  { kind: 'overloaded' },
  { kind: 'unauthorized' },
  { kind: 'context-too-long' },
  { kind: 'drop-mid-stream' },
  { kind: 'no-terminal-event' },
  { kind: 'stream-error-event' },
];

/** The key and a recognisable piece of it (a provider could echo a masked or cut key). */
const FRAGMENTS = [API_KEY, API_KEY.slice(-16), 'SECRET-key'];

describe.each(FORMATS)('$name', (format) => {
  it('no fault puts the key into a result, an event, an error message or the console', async () => {
    const adapter = createAdapter(
      format.settings(fake.url, { apiKey: API_KEY, retry: { maxRetries: 1, maxWaitMs: 10 } }),
    );
    const seen: unknown[] = [];
    for (const fault of FAULTS) {
      const model = uniqueModel(`secret-${format.name}`);
      fake.script(model, fault === undefined ? { text: 'fine' } : { text: 'one two', fault });
      const { result, events } = await collectTurn(adapter, sampleRequest(model));
      seen.push(result, events);
    }
    fake.script('#models', { fault: { kind: 'unauthorized' } });
    seen.push(await adapter.listModels().catch((error: unknown) => [String(error), (error as Error).stack]));
    const text = JSON.stringify(seen) + consoleOutput.join('\n') + JSON.stringify(fake.requests());
    for (const fragment of FRAGMENTS) expect(text).not.toContain(fragment);
    // …while the key did reach the provider.
    expect(
      fake
        .requests()
        .filter((request) => request.provider !== 'preflight')
        .every((r) => r.hadCredentials),
    ).toBe(true);
  });
});

it('an OpenAI 401 that echoes a masked key has it scrubbed', async () => {
  const model = uniqueModel('masked');
  fake.script(model, { fault: { kind: 'unauthorized' } });
  const { result } = await collectTurn(createAdapter(FORMATS[0]!.settings(fake.url)), sampleRequest(model));
  expect(result.error?.message).toBe('The API key was refused by OpenAI. Check it in Providers.');
  expect(JSON.stringify(result)).not.toMatch(/sk-/);
});
