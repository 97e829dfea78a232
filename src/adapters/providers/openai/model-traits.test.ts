import { describe, expect, it } from 'vitest';
import { chooseOpenAIApi, isReasoningModel, needsResponsesApi } from './model-traits.ts';

describe('OpenAI model traits', () => {
  it.each([
    'o1-pro',
    'o3-pro-2025-06-10',
    'gpt-5-pro',
    'gpt-5.1-codex',
    'codex-mini-latest',
    'o3-deep-research',
    'computer-use-preview',
  ])('%s needs the Responses API', (model) => {
    expect(needsResponsesApi(model)).toBe(true);
    expect(chooseOpenAIApi(model, undefined)).toBe('responses');
  });

  it.each(['gpt-4o', 'gpt-4.1-mini', 'o3', 'o4-mini', 'gpt-5'])('%s works with Chat Completions', (model) => {
    expect(chooseOpenAIApi(model, undefined)).toBe('chat');
  });

  it('the setting wins', () => {
    expect(chooseOpenAIApi('gpt-4o', 'responses')).toBe('responses');
    expect(chooseOpenAIApi('o1-pro', 'chat')).toBe('chat');
  });

  it('knows reasoning models (no temperature)', () => {
    for (const model of ['o1', 'o3-mini', 'o4-mini', 'gpt-5', 'gpt-5-mini', 'openai/o3'])
      expect(isReasoningModel(model)).toBe(true);
    for (const model of ['gpt-4o', 'gpt-4.1', 'gpt-5-chat-latest', 'omni-moderation'])
      expect(isReasoningModel(model)).toBe(false);
  });
});
