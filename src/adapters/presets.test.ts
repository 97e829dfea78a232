import { describe, expect, it } from 'vitest';
import { COMPATIBLE_PRESETS, presetForBaseURL } from './presets.ts';

describe('OpenAI-compatible presets', () => {
  it('cover Ollama, LM Studio, OpenRouter, vLLM and llama.cpp with their usual base URLs', () => {
    expect(Object.fromEntries(COMPATIBLE_PRESETS.map((preset) => [preset.id, preset.baseURL]))).toEqual({
      ollama: 'http://localhost:11434/v1',
      'lm-studio': 'http://localhost:1234/v1',
      openrouter: 'https://openrouter.ai/api/v1',
      vllm: 'http://localhost:8000/v1',
      'llama-cpp': 'http://localhost:8080/v1',
    });
  });

  it('tell how to let this page reach Ollama (OLLAMA_ORIGINS)', () => {
    const ollama = COMPATIBLE_PRESETS.find((preset) => preset.id === 'ollama');
    expect(ollama?.description).toMatch(/OLLAMA_ORIGINS=/);
    expect(ollama?.networkHint).toMatch(/OLLAMA_ORIGINS/);
  });

  it('are recognised from a base URL, localhost or 127.0.0.1, with or without a trailing slash', () => {
    expect(presetForBaseURL('http://127.0.0.1:11434/v1/')?.id).toBe('ollama');
    expect(presetForBaseURL('https://openrouter.ai/api/v1')?.id).toBe('openrouter');
    expect(presetForBaseURL('http://localhost:9999/v1')).toBeUndefined();
    expect(presetForBaseURL('not a url')).toBeUndefined();
  });
});
