import { describe, expect, it } from 'vitest';
import { keyForSeat } from './key-binding.ts';

describe('keyForSeat', () => {
  const openai = { apiKey: 'sk-user' };
  it.each([
    ['a seat on the provider’s own API', { provider: 'openai' as const }, openai, 'sk-user'],
    [
      'a seat naming the default endpoint',
      { provider: 'openai' as const, baseURL: 'https://api.openai.com/v1/' },
      openai,
      'sk-user',
    ],
    [
      'a seat pointing elsewhere',
      { provider: 'openai' as const, baseURL: 'https://evil.example/v1' },
      openai,
      undefined,
    ],
    [
      'another path on the same host',
      { provider: 'openai' as const, baseURL: 'https://api.openai.com/other/v1' },
      openai,
      undefined,
    ],
    [
      'the endpoint the key was entered for',
      { provider: 'openai-compatible' as const, baseURL: 'http://localhost:11434/v1' },
      { apiKey: 'ollama-key', baseURL: 'http://localhost:11434/v1' },
      'ollama-key',
    ],
    [
      'a compatible seat with no endpoint for the key',
      { provider: 'openai-compatible' as const, baseURL: 'http://x/v1' },
      { apiKey: 'k' },
      undefined,
    ],
    ['no key at all', { provider: 'anthropic' as const }, {}, undefined],
  ])('%s', (_name, seat, config, expected) => {
    expect(keyForSeat(seat, config)).toBe(expected);
  });
});
