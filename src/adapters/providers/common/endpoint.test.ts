import { describe, expect, it } from 'vitest';
import { displayEndpoint, openaiBaseURL, unversionedBaseURL } from './endpoint.ts';

describe('base URLs', () => {
  it('OpenAI keeps /v1; Anthropic and Google drop a version the SDK adds itself', () => {
    expect(openaiBaseURL('http://localhost:11434/v1/')).toBe('http://localhost:11434/v1');
    expect(openaiBaseURL('  ')).toBeUndefined();
    expect(unversionedBaseURL('https://proxy.example/anthropic/v1/')).toBe('https://proxy.example/anthropic');
    expect(unversionedBaseURL('https://proxy.example/v1beta')).toBe('https://proxy.example');
    expect(unversionedBaseURL(undefined)).toBeUndefined();
  });

  it('shows an endpoint without credentials or query', () => {
    expect(displayEndpoint('http://user:pass@localhost:8080/v1/?key=abc#x')).toBe('localhost:8080/v1');
    expect(displayEndpoint('nonsense')).toBeUndefined();
  });
});
