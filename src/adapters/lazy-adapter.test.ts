import { describe, expect, it } from 'vitest';
import { createLazyAdapter } from './lazy-adapter.ts';

const request = {
  peerId: 'p',
  model: 'demo',
  system: 'You are Ada (@ada).',
  messages: [{ role: 'user' as const, content: 'hi' }],
};

describe('createLazyAdapter', () => {
  it('loads the real adapter on first use and streams through it', async () => {
    const adapter = createLazyAdapter({ kind: 'demo' });
    expect(adapter.kind).toBe('demo');
    const deltas: string[] = [];
    const controller = new AbortController();
    const result = await adapter.stream(request, {
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'delta') deltas.push(event.text);
        // One delta is enough to show it streams; stopping keeps the test fast.
        controller.abort();
      },
    });
    expect(deltas.length).toBeGreaterThan(0);
    expect(result.status).toBe('interrupted');
    expect(result.text).toBe(deltas.join(''));
  });
});
