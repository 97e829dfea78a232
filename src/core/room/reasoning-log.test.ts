// Reasoning and endings in the room log: validated on append, kept on the finished message (endings only for a
// complete reply), the share setting as its own event, and the wording every view uses.
import { describe, expect, it } from 'vitest';
import { endingWords, reasoningFigures } from '../events/ending-wording.ts';
import type { RoomEvent, RoomEventBody, TurnRecord } from './events.ts';
import { roomEventProblem } from './events.ts';
import { replayRoom } from './replay.ts';
import type { RoomData } from './types.ts';

const room: RoomData = {
  name: 'Room',
  human: { kind: 'human', id: 'human', handle: 'you', aliases: [], displayName: 'You' },
  peers: [
    {
      kind: 'peer',
      id: 'id-claude',
      handle: 'claude',
      aliases: [],
      displayName: 'Claude',
      provider: 'anthropic',
      model: 'claude-model',
      settings: { contextWindow: 100_000 },
      dap: {},
      enabled: true,
      colour: '#000',
    },
  ],
  modeId: 'collaborative',
  customModes: [],
  limits: {},
  seed: 1,
};

function logOf(...bodies: RoomEventBody[]): RoomEvent[] {
  return bodies.map(
    (body, index) => ({ ...body, id: `e${index + 1}`, lamport: index + 1, at: 1_000 + index }) as RoomEvent,
  );
}

const finished = (result: Partial<TurnRecord>) => ({
  id: 'e9',
  lamport: 9,
  at: 9,
  type: 'turn-finished',
  turnId: 't1',
  messageId: 'm2',
  result: { status: 'complete', text: 'ok', ...result },
});

describe('roomEventProblem for reasoning and endings', () => {
  it.each([
    [{ reasoning: { text: 'thought', redacted: true, tokens: 12, durationMs: 300 } }, null],
    [{ reasoning: { text: '', redacted: true } }, null],
    [{ reasoning: { text: '' } }, 'result.reasoning.text'],
    [{ reasoning: { text: 'x', tokens: -1 } }, 'result.reasoning.tokens'],
    [{ reasoning: 'thought' }, 'result.reasoning'],
    [{ ending: { kind: 'refusal', providerReason: 'refusal', refusal: 'No.' } }, null],
    [{ ending: { kind: 'empty', providerReason: null } }, null],
    [{ ending: { kind: 'bored', providerReason: null } }, 'result.ending.kind'],
    [{ ending: { kind: 'empty', providerReason: 3 } }, 'result.ending.providerReason'],
  ])('%j → %s', (result, field) => {
    const problem = roomEventProblem(finished(result as Partial<TurnRecord>), 0);
    expect(problem).toBe(field === null ? null : `Room event e9 (turn-finished) has a missing or invalid "${field}".`);
  });

  it('checks the share setting', () => {
    const event = { id: 'e2', lamport: 2, at: 2, type: 'reasoning-sharing-set' };
    expect(roomEventProblem({ ...event, share: true }, 1)).toBeNull();
    expect(roomEventProblem({ ...event, share: 'yes' }, 1)).toContain('"share"');
  });
});

describe('replaying reasoning and endings', () => {
  const turn = (result: TurnRecord) =>
    logOf(
      { type: 'conversation-started', conversationId: 'c1', title: 'Room', room },
      { type: 'human-message', messageId: 'm1', text: '@claude think' },
      { type: 'turn-opened', turnId: 't1', messageId: 'm2' },
      { type: 'turn-finished', turnId: 't1', messageId: 'm2', result },
    );

  it('keeps the reasoning and the ending on the finished message', () => {
    const state = replayRoom(
      turn({
        status: 'complete',
        text: '',
        stopReason: 'refusal',
        reasoning: { text: 'Hmm.', durationMs: 40 },
        ending: { kind: 'refusal', providerReason: 'refusal' },
      }),
    );
    expect(state.messages.m2).toMatchObject({
      status: 'complete',
      reasoning: { text: 'Hmm.', durationMs: 40 },
      ending: { kind: 'refusal', providerReason: 'refusal' },
    });
  });

  it('keeps no ending on a reply that did not complete', () => {
    const state = replayRoom(
      turn({
        status: 'interrupted',
        text: 'partial',
        reasoning: { text: 'Hmm.' },
        ending: { kind: 'empty', providerReason: null },
      }),
    );
    expect(state.messages.m2?.reasoning).toEqual({ text: 'Hmm.' });
    expect(state.messages.m2?.ending).toBeUndefined();
  });

  it('the share setting starts off and follows its events', () => {
    const start = logOf({ type: 'conversation-started', conversationId: 'c1', title: 'Room', room });
    expect(replayRoom(start).shareReasoning).toBe(false);
    const on = logOf(
      { type: 'conversation-started', conversationId: 'c1', title: 'Room', room },
      { type: 'reasoning-sharing-set', share: true },
    );
    expect(replayRoom(on).shareReasoning).toBe(true);
  });
});

describe('ending and reasoning wording', () => {
  it.each([
    [{ kind: 'refusal', providerReason: 'refusal' }, 'anthropic', 'Anthropic declined to answer (refusal).'],
    [
      { kind: 'refusal', providerReason: 'refusal', refusal: 'I can’t help with that.' },
      'openai',
      'OpenAI declined to answer (refusal). It said: “I can’t help with that.”',
    ],
    [
      { kind: 'content-filter', providerReason: 'SAFETY' },
      'google',
      'Google’s content filter stopped the reply (SAFETY).',
    ],
    [
      { kind: 'content-filter', providerReason: 'PROMPT_BLOCKED_SAFETY' },
      'google',
      'Google blocked the prompt before any reply (PROMPT_BLOCKED_SAFETY).',
    ],
    [
      { kind: 'max-tokens', providerReason: 'max_tokens' },
      'anthropic',
      'Cut off: the reply reached its token limit (max_tokens).',
    ],
    [{ kind: 'empty', providerReason: 'stop' }, 'openai-compatible', 'The model sent an empty reply.'],
  ] as const)('%j from %s', (ending, provider, words) => {
    expect(endingWords(ending, provider)).toBe(words);
  });

  it('gives the reasoning figures that are known', () => {
    expect(reasoningFigures({ text: 'x', tokens: 1234, durationMs: 3250 })).toBe('1,234 tokens · 3.3 s');
    expect(reasoningFigures({ text: 'x', durationMs: 800 })).toBe('0.8 s');
    expect(reasoningFigures({ text: 'x' })).toBe('');
  });
});
