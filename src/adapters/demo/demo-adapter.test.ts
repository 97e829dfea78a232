// The demo provider as an adapter: a paced, abortable stream with usage and latency, and no network at all.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { validateRoster } from '../../core/index.ts';
import { createAdapter } from '../create-adapter.ts';
import { collectTurn } from '../testing/collect.ts';
import { demoRoster, demoTurn } from '../testing/demo-room.ts';
import { createDemoAdapter } from './adapter.ts';
import { demoReplyText } from './driver.ts';
import { DEFAULT_DEMO_PACE, drawPace, INSTANT_DEMO_PACE, splitTokens } from './pace.ts';
import { DEMO_PEERS, DEMO_ROOM_PRESET, demoModels, SIMULATED_SUFFIX } from './preset.ts';
import { DemoRandom } from './random.ts';
import { loadNounPhrases, type NounPhrases } from './topic.ts';

let nouns: NounPhrases;
beforeAll(async () => {
  nouns = await loadNounPhrases();
});

const QUESTION: [string, string] = ['you', 'Should we migrate our billing service from Postgres to DynamoDB?'];

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('demo adapter', () => {
  it('streams the composed reply token by token and completes with usage and latency', async () => {
    const { request, room } = demoTurn('ada', [QUESTION]);
    const { result, deltas } = await collectTurn(createDemoAdapter({ pace: INSTANT_DEMO_PACE }), request, { room });
    const expected = demoReplyText(request, nouns, room);
    expect(result).toMatchObject({ status: 'complete', text: expected, stopReason: 'stop' });
    expect(deltas.length).toBe(splitTokens(expected).length);
    expect(result.usage).toEqual({ inputTokens: expect.any(Number), outputTokens: deltas.length });
    expect(result.usage?.inputTokens).toBeGreaterThan(50);
    expect(result.latency.firstTokenMs).not.toBeNull();
  });

  it('stops at the output limit with stopReason "length"', async () => {
    const { request, room } = demoTurn('bo', [QUESTION]);
    const { result } = await collectTurn(
      createDemoAdapter({ pace: INSTANT_DEMO_PACE }),
      { ...request, maxOutputTokens: 5 },
      {
        room,
      },
    );
    expect(result).toMatchObject({ status: 'complete', stopReason: 'length', usage: { outputTokens: 5 } });
    expect(splitTokens(result.text)).toHaveLength(5);
  });

  it('streams at a realistic pace: a first-token delay of a few hundred ms, then 25–60 tokens/s', async () => {
    const { request, room } = demoTurn('cy', [QUESTION]);
    const started = Date.now();
    const { result } = await collectTurn(createAdapter({ kind: 'demo' }), { ...request, maxOutputTokens: 8 }, { room });
    const elapsed = Date.now() - started;
    expect(result.latency.firstTokenMs).toBeGreaterThanOrEqual(240);
    expect(result.latency.firstTokenMs).toBeLessThanOrEqual(900);
    // 7 gaps at 25–60 tokens/s: 115–280 ms after the first token.
    expect(elapsed - (result.latency.firstTokenMs ?? 0)).toBeGreaterThanOrEqual(100);
    for (let i = 0; i < 50; i++) {
      const drawn = drawPace(DEFAULT_DEMO_PACE, new DemoRandom(`seed-${i}`));
      expect(drawn.firstTokenDelayMs).toBeGreaterThanOrEqual(250);
      expect(drawn.firstTokenDelayMs).toBeLessThanOrEqual(700);
      expect(1000 / drawn.gapMs).toBeGreaterThanOrEqual(25);
      expect(1000 / drawn.gapMs).toBeLessThanOrEqual(60);
    }
  });

  it('abort mid-stream: interrupted, with the text so far', async () => {
    const { request, room } = demoTurn('ada', [QUESTION]);
    const adapter = createDemoAdapter({ pace: { firstTokenDelayMs: [0, 0], tokensPerSecond: [200, 200] } });
    const { result, deltas } = await collectTurn(adapter, request, { room, abortAfterDeltas: 3 });
    expect(result).toMatchObject({ status: 'interrupted', error: { reason: 'aborted' } });
    expect(deltas).toHaveLength(3);
    expect(result.text).toBe(deltas.join(''));
  });

  it('abort during the first-token delay ends at once with no text', async () => {
    const { request, room } = demoTurn('ada', [QUESTION]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = Date.now();
    const result = await createAdapter({ kind: 'demo' }).stream(request, { signal: controller.signal, room });
    expect(Date.now() - started).toBeLessThan(200);
    expect(result).toMatchObject({ status: 'interrupted', text: '' });
  });

  it('uses no network at all', async () => {
    const fetch = vi.fn(() => {
      throw new Error('the demo must not fetch');
    });
    const refuse = vi.fn(function refuse() {
      throw new Error('the demo must not open connections');
    });
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('XMLHttpRequest', refuse);
    vi.stubGlobal('WebSocket', refuse);
    vi.stubGlobal('EventSource', refuse);
    const adapter = createAdapter({ kind: 'demo' });
    for (const handle of ['ada', 'bo', 'cy']) {
      const { request, room } = demoTurn(handle, [QUESTION]);
      const { result } = await collectTurn(createDemoAdapter({ pace: INSTANT_DEMO_PACE }), request, { room });
      expect(result.status).toBe('complete');
    }
    expect(await adapter.listModels()).toHaveLength(3);
    expect(fetch).not.toHaveBeenCalled();
    expect(refuse).not.toHaveBeenCalled();
  });
});

describe('demo room preset', () => {
  it('has three simulated peers with distinct handles and colours, valid for the core', () => {
    expect(DEMO_ROOM_PRESET.peers).toHaveLength(3);
    expect(new Set(DEMO_PEERS.map((peer) => peer.handle)).size).toBe(3);
    expect(new Set(DEMO_PEERS.map((peer) => peer.color)).size).toBe(3);
    for (const peer of DEMO_PEERS) {
      expect(peer.name).toMatch(/^Demo · \w+ \(simulated\)$/);
      expect(peer.name.endsWith(SIMULATED_SUFFIX)).toBe(true);
      expect(peer.provider).toBe('demo');
      expect(peer.persona.length).toBeGreaterThan(10);
    }
    expect(validateRoster(demoRoster())).toEqual([]);
  });

  it('lists its voices as simulated, free models', async () => {
    const models = demoModels();
    expect(models.map((model) => model.id)).toEqual(DEMO_PEERS.map((peer) => peer.model));
    for (const model of models) {
      expect(model.label).toMatch(/simulated/);
      expect(model).toMatchObject({ inputPricePerMTok: 0, outputPricePerMTok: 0 });
    }
    expect(await createAdapter({ kind: 'demo' }).listModels()).toEqual(models);
  });
});
