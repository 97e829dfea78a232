// What each provider is sent for a seat's reasoning options (request-shapes.ts), and the chunk shapes the Chat
// driver reads (chat-delta.ts).
import { describe, expect, it } from 'vitest';
import type { PeerRequest } from '../../../core/index.ts';
import { chatEnding, deltaParts } from '../openai/chat-delta.ts';
import {
  DEFAULT_MAX_OUTPUT_TOKENS,
  toAnthropicRequest,
  toGeminiRequest,
  toOpenAIChatRequest,
  toOpenAIResponsesRequest,
} from './request-shapes.ts';

const base: PeerRequest = {
  peerId: 'p',
  model: 'm',
  system: 'SYS',
  messages: [{ role: 'user', content: 'u1' }],
  temperature: 0.7,
  maxOutputTokens: 2000,
};
const withReasoning = (reasoning: PeerRequest['reasoning']): PeerRequest => ({ ...base, reasoning });

describe('reasoning parameters', () => {
  it('Anthropic: thinking on, max_tokens above the budget (budget plus the answer’s room), no temperature', () => {
    const body = toAnthropicRequest(withReasoning({ budgetTokens: 4000 }));
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 4000 });
    expect(body.max_tokens).toBe(6000);
    expect(body).not.toHaveProperty('temperature');
  });

  it('Anthropic: a budget under the minimum is raised to 1024; without a budget nothing changes', () => {
    expect(toAnthropicRequest(withReasoning({ budgetTokens: 10 })).thinking?.budget_tokens).toBe(1024);
    const plain = toAnthropicRequest({ ...base, maxOutputTokens: undefined, reasoning: { effort: 'high' } });
    expect(plain).not.toHaveProperty('thinking');
    expect(plain).toMatchObject({ max_tokens: DEFAULT_MAX_OUTPUT_TOKENS, temperature: 0.7 });
  });

  it('OpenAI Chat: reasoning_effort; Responses: reasoning with a summary', () => {
    expect(toOpenAIChatRequest(withReasoning({ effort: 'low' })).reasoning_effort).toBe('low');
    expect(toOpenAIResponsesRequest(withReasoning({ effort: 'high' })).reasoning).toEqual({
      effort: 'high',
      summary: 'auto',
    });
    expect(toOpenAIChatRequest(base)).not.toHaveProperty('reasoning_effort');
    expect(toOpenAIResponsesRequest(base)).not.toHaveProperty('reasoning');
  });

  it('Gemini: thinkingConfig with the budget and includeThoughts', () => {
    expect(toGeminiRequest(withReasoning({ budgetTokens: -1, includeThoughts: true })).generationConfig).toEqual({
      temperature: 0.7,
      maxOutputTokens: 2000,
      thinkingConfig: { thinkingBudget: -1, includeThoughts: true },
    });
    expect(toGeminiRequest(base).generationConfig).not.toHaveProperty('thinkingConfig');
  });
});

describe('Chat deltas', () => {
  it.each([
    [{ content: 'Hi' }, [{ type: 'text', text: 'Hi' }]],
    [{ content: [{ type: 'text', text: 'Hi' }] }, [{ type: 'text', text: 'Hi' }]],
    [
      {
        content: [
          { type: 'thinking', thinking: [{ type: 'text', text: 'Hm' }] },
          { type: 'text', text: 'Hi' },
        ],
      },
      [
        { type: 'reasoning', text: 'Hm' },
        { type: 'text', text: 'Hi' },
      ],
    ],
    [{ content: [{ type: 'reasoning', text: 'Hm' }] }, [{ type: 'reasoning', text: 'Hm' }]],
    [{ reasoning_content: 'Hm', content: null }, [{ type: 'reasoning', text: 'Hm' }]],
    [{ reasoning: 'Hm', content: '' }, [{ type: 'reasoning', text: 'Hm' }]],
    [{ refusal: 'No.', content: null }, [{ type: 'refusal', text: 'No.' }]],
    [{ content: [{ type: 'image_url', image_url: 'x' }] }, []],
    [null, []],
  ])('%j', (delta, parts) => {
    expect(deltaParts(delta)).toEqual(parts);
  });

  it('reads the finish reasons that need a word', () => {
    expect(chatEnding('length')).toBe('max-tokens');
    expect(chatEnding('content_filter')).toBe('content-filter');
    expect(chatEnding('stop')).toBeUndefined();
  });
});
