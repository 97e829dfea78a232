// Recorded provider streams (tools/fake-providers/recordings/), replayed verbatim through the real SDKs: for each
// shape, the answer text, the reasoning and the ending the adapters make of it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeProviders } from '../../../tools/fake-providers/index.ts';
import { loadRecording } from '../../../tools/fake-providers/recordings.ts';
import { fakeProvidersForThisFile } from '../../../tools/fake-providers/testing.ts';
import { createAdapter } from '../create-adapter.ts';
import { collectTurn } from '../testing/collect.ts';
import { FORMATS, sampleRequest, uniqueModel } from '../testing/formats.ts';
import type { FormatCase } from '../testing/formats.ts';
import type { PeerRequest } from '../../core/index.ts';
import type { ReasoningRecord, TurnEnding } from '../types.ts';

let fake: FakeProviders;
const fakeProviders = fakeProvidersForThisFile();
beforeAll(() => {
  fake = fakeProviders();
});

interface ReplayCase {
  recording: string;
  format: FormatCase['name'];
  text: string;
  stopReason: string;
  reasoning?: Omit<ReasoningRecord, 'durationMs'>;
  ending?: TurnEnding;
}

const CASES: ReplayCase[] = [
  {
    recording: 'anthropic-thinking',
    format: 'anthropic',
    text: 'The greatest common divisor of 1071 and 462 is **21**.',
    stopReason: 'end_turn',
    reasoning: {
      text:
        'I need to find the GCD of 1071 and 462 using the Euclidean algorithm.\n\n' +
        '1071 = 2 × 462 + 147\n462 = 3 × 147 + 21\n147 = 7 × 21 + 0',
      redacted: true,
    },
  },
  {
    recording: 'anthropic-refusal',
    format: 'anthropic',
    text: '',
    stopReason: 'refusal',
    ending: { kind: 'refusal', providerReason: 'refusal' },
  },
  {
    recording: 'anthropic-duplicate-message-start',
    format: 'anthropic',
    text: 'Hello again.',
    stopReason: 'end_turn',
  },
  {
    recording: 'anthropic-max-tokens',
    format: 'anthropic',
    text: 'The first three primes are 2, 3',
    stopReason: 'max_tokens',
    ending: { kind: 'max-tokens', providerReason: 'max_tokens' },
  },
  { recording: 'openai-chat-usage-only', format: 'openai-chat', text: 'Two plus two is four.', stopReason: 'stop' },
  {
    recording: 'openai-chat-refusal',
    format: 'openai-chat',
    text: '',
    stopReason: 'stop',
    ending: { kind: 'refusal', providerReason: 'refusal', refusal: "I'm sorry, I can't help with that." },
  },
  {
    recording: 'openai-chat-content-filter',
    format: 'openai-chat',
    text: 'Here is how',
    stopReason: 'content_filter',
    ending: { kind: 'content-filter', providerReason: 'content_filter' },
  },
  {
    recording: 'openai-chat-max-tokens',
    format: 'openai-chat',
    text: 'The first three primes are 2, 3',
    stopReason: 'length',
    ending: { kind: 'max-tokens', providerReason: 'length' },
  },
  {
    recording: 'openai-chat-empty',
    format: 'openai-chat',
    text: '',
    stopReason: 'stop',
    ending: { kind: 'empty', providerReason: 'stop' },
  },
  {
    recording: 'openai-responses-reasoning',
    format: 'openai-responses',
    text: '9.8 is greater than 9.11.',
    stopReason: 'completed',
    reasoning: {
      text: '**Comparing the numbers**\n\nI look at the tenths digit.\n\n**Answer**\n\n9.8 is larger.',
      tokens: 96,
    },
  },
  {
    recording: 'openai-responses-refusal',
    format: 'openai-responses',
    text: '',
    stopReason: 'completed',
    ending: { kind: 'refusal', providerReason: 'refusal', refusal: "I'm sorry, I can't help with that." },
  },
  {
    recording: 'openai-responses-content-filter',
    format: 'openai-responses',
    text: 'Here is how',
    stopReason: 'content_filter',
    ending: { kind: 'content-filter', providerReason: 'content_filter' },
  },
  {
    recording: 'openai-responses-max-tokens',
    format: 'openai-responses',
    text: 'The first three primes are 2, 3',
    stopReason: 'max_output_tokens',
    ending: { kind: 'max-tokens', providerReason: 'max_output_tokens' },
  },
  {
    recording: 'gemini-thoughts',
    format: 'google',
    text: 'Water boils at a lower temperature at high altitude.',
    stopReason: 'STOP',
    reasoning: {
      text: '**Weighing the question**\n\nThe user wants the boiling point at altitude. Lower pressure lowers it.',
      tokens: 64,
    },
  },
  {
    recording: 'gemini-safety',
    format: 'google',
    text: 'Here is how',
    stopReason: 'SAFETY',
    ending: { kind: 'content-filter', providerReason: 'SAFETY' },
  },
  {
    recording: 'gemini-blocked-prompt',
    format: 'google',
    text: '',
    stopReason: 'PROMPT_BLOCKED_SAFETY',
    ending: { kind: 'content-filter', providerReason: 'PROMPT_BLOCKED_SAFETY' },
  },
  {
    recording: 'gemini-max-tokens',
    format: 'google',
    text: 'The first three primes are 2, 3',
    stopReason: 'MAX_TOKENS',
    ending: { kind: 'max-tokens', providerReason: 'MAX_TOKENS' },
  },
  {
    recording: 'deepseek-reasoning-content',
    format: 'openai-compatible',
    text: '9.8 is greater.',
    stopReason: 'stop',
    reasoning: { text: 'The user asks 9.11 vs 9.8. Compare tenths: 1 < 8.', tokens: 33 },
  },
  {
    recording: 'openrouter-reasoning',
    format: 'openai-compatible',
    text: 'Coffee, if you need it now.',
    stopReason: 'stop',
    reasoning: { text: 'Grok weighs the options: tea is calmer, coffee is faster.', tokens: 22 },
  },
  {
    recording: 'mistral-content-parts',
    format: 'openai-compatible',
    text: 'The capital of France is Paris.',
    stopReason: 'stop',
    reasoning: { text: 'Paris is the capital of France.' },
  },
];

const formatNamed = (name: FormatCase['name']) => FORMATS.find((format) => format.name === name) as FormatCase;

describe.each(CASES)('$recording', (replay) => {
  it('gives the right text, reasoning and ending through the real SDK', async () => {
    const model = uniqueModel(replay.recording);
    fake.script(model, { replay: loadRecording(replay.recording) });
    const adapter = createAdapter(formatNamed(replay.format).settings(fake.url));
    const { result, events } = await collectTurn(adapter, sampleRequest(model));
    expect(result).toMatchObject({ status: 'complete', text: replay.text, stopReason: replay.stopReason });
    expect(result.ending).toEqual(replay.ending);
    // Counts are numbers or absent, never NaN (a message_delta with output_tokens only has no input count).
    if (result.usage !== null) expect(Number.isFinite(result.usage.inputTokens + result.usage.outputTokens)).toBe(true);
    if (replay.reasoning === undefined) expect(result.reasoning).toBeUndefined();
    else {
      expect(result.reasoning).toEqual({ ...replay.reasoning, durationMs: expect.any(Number) });
      const streamed = events.flatMap((event) => (event.type === 'reasoning' ? [event.text] : []));
      expect(streamed.join('')).toBe(replay.reasoning.text);
    }
  });
});

describe('asking for reasoning, through the real SDKs', () => {
  const sentBody = async (name: FormatCase['name'], reasoning: PeerRequest['reasoning']) => {
    const model = uniqueModel(`ask-${name}`);
    const adapter = createAdapter(formatNamed(name).settings(fake.url));
    await collectTurn(adapter, sampleRequest(model, { temperature: 0.5, maxOutputTokens: 500, reasoning }));
    return fake.requests(model)[0]?.body as Record<string, unknown>;
  };

  it('sends each provider its own parameters', async () => {
    const anthropic = await sentBody('anthropic', { budgetTokens: 2048 });
    expect(anthropic).toMatchObject({ thinking: { type: 'enabled', budget_tokens: 2048 }, max_tokens: 2548 });
    expect(anthropic).not.toHaveProperty('temperature');
    expect(await sentBody('openai-chat', { effort: 'high' })).toMatchObject({ reasoning_effort: 'high' });
    expect(await sentBody('openai-responses', { effort: 'low' })).toMatchObject({
      reasoning: { effort: 'low', summary: 'auto' },
    });
    expect(await sentBody('google', { budgetTokens: 1024, includeThoughts: true })).toMatchObject({
      generationConfig: { thinkingConfig: { thinkingBudget: 1024, includeThoughts: true } },
    });
  });
});
