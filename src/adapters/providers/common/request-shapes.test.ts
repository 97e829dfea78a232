import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_OUTPUT_TOKENS,
  toAnthropicRequest,
  toGeminiRequest,
  toOpenAIChatRequest,
  toOpenAIResponsesRequest,
} from './request-shapes.ts';
import type { ChatMessage, PeerRequest } from '../../../core/index.ts';

const request: PeerRequest = {
  peerId: 'p',
  model: 'm',
  system: 'SYS',
  messages: [
    { role: 'user', content: 'u1' },
    { role: 'assistant', content: 'a1' },
    { role: 'user', content: 'u2' },
  ],
  temperature: 1.4,
  maxOutputTokens: 300,
};

describe('provider shapes', () => {
  it('OpenAI chat: system message first', () => {
    expect(toOpenAIChatRequest(request)).toEqual({
      model: 'm',
      messages: [
        { role: 'system', content: 'SYS' },
        { role: 'user', content: 'u1' },
        { role: 'assistant', content: 'a1' },
        { role: 'user', content: 'u2' },
      ],
      temperature: 1.4,
      max_completion_tokens: 300,
    });
    expect(toOpenAIChatRequest(request, { maxTokensField: 'max_tokens' })).toMatchObject({ max_tokens: 300 });
  });

  it('OpenAI Responses: instructions + input, not stored', () => {
    expect(toOpenAIResponsesRequest(request)).toEqual({
      model: 'm',
      instructions: 'SYS',
      input: request.messages,
      temperature: 1.4,
      max_output_tokens: 300,
      store: false,
    });
  });

  it('Anthropic: system + messages, max_tokens always set, temperature capped at 1', () => {
    expect(toAnthropicRequest(request)).toEqual({
      model: 'm',
      system: 'SYS',
      messages: request.messages,
      max_tokens: 300,
      temperature: 1,
    });
    const bare = toAnthropicRequest({
      peerId: 'p',
      model: 'm',
      system: 'S',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(bare.max_tokens).toBe(DEFAULT_MAX_OUTPUT_TOKENS);
    expect(bare).not.toHaveProperty('temperature');
  });

  it('Gemini: systemInstruction + contents with user/model roles and parts', () => {
    expect(toGeminiRequest(request)).toEqual({
      model: 'm',
      systemInstruction: { parts: [{ text: 'SYS' }] },
      contents: [
        { role: 'user', parts: [{ text: 'u1' }] },
        { role: 'model', parts: [{ text: 'a1' }] },
        { role: 'user', parts: [{ text: 'u2' }] },
      ],
      generationConfig: { temperature: 1.4, maxOutputTokens: 300 },
    });
  });

  it('hold the alternation rules even for a hand-made request (property)', () => {
    const messages = fc.array(
      fc.record({
        role: fc.constantFrom<ChatMessage['role']>('user', 'assistant'),
        content: fc.string({ minLength: 1 }),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(messages, (list) => {
        const req: PeerRequest = { peerId: 'p', model: 'm', system: 's', messages: list };
        const shapes = [
          toAnthropicRequest(req).messages.map((m) => m.role as string),
          toOpenAIResponsesRequest(req).input.map((m) => m.role as string),
          toOpenAIChatRequest(req)
            .messages.slice(1)
            .map((m) => m.role as string),
          toGeminiRequest(req).contents.map((c) => (c.role === 'model' ? 'assistant' : 'user')),
        ];
        for (const roles of shapes) {
          expect(roles[0]).toBe('user');
          roles.forEach((role, i) => i > 0 && expect(role).not.toBe(roles[i - 1]));
        }
      }),
    );
  });
});
