import { describe, expect, it } from 'vitest';
import { seat } from '../testing.ts';
import type { TranscriptMessage } from '../types.ts';
import type { RoomEvent } from '../../core/index.ts';
import { conversationSpend, createSpendSelector, messageSpend } from './spend.ts';

// gpt-4.1 lists at $2 / $8 per million tokens; claude-haiku-4-5 at $1 / $5.
const alpha = seat('alpha', { model: 'gpt-4.1', displayName: 'Alpha', colour: '#ff0000' });
const beta = seat('beta', { provider: 'anthropic', model: 'claude-haiku-4-5', displayName: 'Beta' });
const local = seat('local', { provider: 'openai-compatible', model: 'llama3' });

function reply(id: string, author: string, roundId: string, patch: Partial<TranscriptMessage> = {}): TranscriptMessage {
  return { id, kind: 'peer', authorId: author, text: '', status: 'complete', roundId, createdAt: 0, ...patch };
}

const human: TranscriptMessage = {
  id: 'h1',
  kind: 'human',
  authorId: 'human',
  text: 'hi',
  status: 'complete',
  createdAt: 0,
};

describe('messageSpend', () => {
  it('prices a finished turn’s usage at the catalog’s prices', () => {
    const message = reply('m1', alpha.id, 'r1', { tokens: { input: 1_000, output: 500 } });
    expect(messageSpend(message, alpha, {})).toEqual({
      inputTokens: 1_000,
      outputTokens: 500,
      costUsd: (1_000 * 2 + 500 * 8) / 1_000_000,
      estimated: false,
    });
  });

  it('uses the user’s prices over the catalog’s', () => {
    const message = reply('m1', alpha.id, 'r1', { tokens: { input: 1_000_000, output: 0 } });
    const overrides = { 'gpt-4.1': { inputPricePerMTok: 3 } };
    expect(messageSpend(message, alpha, overrides)?.costUsd).toBe(3);
  });

  it('estimates a streaming turn: output from its text (four characters a token), input from the request', () => {
    const message = reply('m1', alpha.id, 'r1', { status: 'streaming', text: 'x'.repeat(10) });
    expect(messageSpend(message, alpha, {}, 2_000)).toEqual({
      inputTokens: 2_000,
      outputTokens: 3,
      costUsd: (2_000 * 2 + 3 * 8) / 1_000_000,
      estimated: true,
    });
  });

  it('keeps the recorded cost of a model without prices, and knows none when nothing was recorded', () => {
    const tokens = { input: 10, output: 10 };
    expect(messageSpend(reply('m1', local.id, 'r1', { tokens, costUsd: 0.5 }), local, {})?.costUsd).toBe(0.5);
    expect(messageSpend(reply('m1', local.id, 'r1', { tokens }), local, {})?.costUsd).toBeNull();
  });

  it('counts nothing for the human’s messages and for turns that ended without usage', () => {
    expect(messageSpend(human, undefined, {})).toBeNull();
    expect(messageSpend(reply('m1', alpha.id, 'r1', { status: 'error' }), alpha, {})).toBeNull();
  });
});

describe('conversationSpend', () => {
  const messages = {
    h1: human,
    m1: reply('m1', alpha.id, 'r1', { tokens: { input: 1_000_000, output: 0 }, createdAt: 1 }),
    m2: reply('m2', beta.id, 'r1', { tokens: { input: 0, output: 1_000_000 }, createdAt: 2 }),
    m3: reply('m3', alpha.id, 'r2', { tokens: { input: 0, output: 1_000_000 }, createdAt: 3 }),
    m4: reply('m4', local.id, 'r2', { tokens: { input: 5, output: 5 }, createdAt: 4 }),
  };
  const input = { messages, peers: [alpha, beta, local], modelOverrides: {}, liveInputTokens: {} };

  it('sums per peer, per round and in all', () => {
    const spend = conversationSpend(input);
    expect(spend.total).toMatchObject({ costUsd: 2 + 5 + 8, turns: 4, unpricedTurns: 1, estimated: false });
    expect(spend.byPeer.map((peer) => [peer.name, peer.costUsd, peer.turns])).toEqual([
      ['Alpha', 10, 2],
      ['Beta', 5, 1],
      ['Local', 0, 1],
    ]);
    expect(spend.byPeer[2]?.unpricedTurns).toBe(1);
    expect(spend.byRound.map((round) => [round.number, round.roundId, round.costUsd])).toEqual([
      [1, 'r1', 7],
      [2, 'r2', 8],
    ]);
  });

  it('follows an edited price', () => {
    const spend = conversationSpend({ ...input, modelOverrides: { 'gpt-4.1': { outputPricePerMTok: 1 } } });
    expect(spend.byPeer[0]?.costUsd).toBe(2 + 1);
    expect(spend.total.costUsd).toBe(3 + 5);
  });

  it('marks the sums a streaming turn’s estimate is part of', () => {
    const streaming = reply('m5', beta.id, 'r3', { status: 'streaming', text: 'abcd', createdAt: 5 });
    const spend = conversationSpend({
      ...input,
      messages: { ...messages, m5: streaming },
      liveInputTokens: { m5: 100 },
    });
    expect(spend.total.estimated).toBe(true);
    expect(spend.byPeer.map((peer) => peer.estimated)).toEqual([false, true, false]);
    expect(spend.byRound.map((round) => round.estimated)).toEqual([false, false, true]);
    expect(spend.byRound[2]?.costUsd).toBe((100 * 1 + 1 * 5) / 1_000_000);
  });

  it('lists a peer no longer seated under its id, and seats that have not spoken at zero', () => {
    const spend = conversationSpend({ ...input, peers: [beta, seat('quiet')] });
    expect(spend.byPeer.map((peer) => [peer.name, peer.turns])).toEqual([
      ['Beta', 1],
      ['Quiet', 0],
      [alpha.id, 2],
      [local.id, 1],
    ]);
  });

  it('gives the same object while nothing it reads changed', () => {
    const select = createSpendSelector();
    const state = { ...input, conversationId: 'c1', log: [], logLamport: 4, olderMessagesPending: false };
    const first = select(state);
    expect(first).toEqual(conversationSpend(input));
    expect(select({ ...state })).toBe(first);
    expect(select({ ...state, modelOverrides: {} })).not.toBe(first);
  });

  it('follows streamed text frame by frame, summing the finished turns again only after a room event', () => {
    const select = createSpendSelector();
    const streaming = reply('m5', beta.id, 'r3', { status: 'streaming', text: 'abcd', createdAt: 5 });
    const state = {
      ...input,
      messages: { ...messages, m5: streaming },
      liveInputTokens: { m5: 100 },
      conversationId: 'c1',
      log: [] as RoomEvent[],
      logLamport: 9,
      olderMessagesPending: false,
    };
    expect(select(state).byRound.map((round) => [round.roundId, round.outputTokens])).toEqual([
      ['r1', 1_000_000],
      ['r2', 1_000_005],
      ['r3', 1],
    ]);
    // The next frame: more text, no room event.
    const grown = { ...state, messages: { ...state.messages, m5: { ...streaming, text: 'abcdefgh!' } } };
    expect(select(grown).byRound.at(-1)?.outputTokens).toBe(3);
    expect(select(grown).total).toEqual(conversationSpend(grown).total);
    // The turn finishes (a room event): its usage replaces the estimate.
    const finishedEvent: RoomEvent = {
      type: 'turn-finished',
      turnId: 't5',
      messageId: 'm5',
      result: { status: 'complete', text: 'abcdefgh!' },
      id: 'c1:10',
      lamport: 10,
      at: 6,
    };
    const finished = {
      ...grown,
      log: [finishedEvent],
      logLamport: 10,
      liveInputTokens: {},
      messages: { ...messages, m5: { ...streaming, status: 'complete' as const, tokens: { input: 7, output: 8 } } },
    };
    // Only the turn that event finished is added to the sums made before it: the same as summing all again.
    expect(select(finished).byRound.at(-1)).toMatchObject({ roundId: 'r3', inputTokens: 7, estimated: false });
    expect(select(finished)).toEqual(conversationSpend(finished));
  });

  it('sums everything again when the log in the state does not hold the events since the last sums', () => {
    const select = createSpendSelector();
    const state = {
      ...input,
      conversationId: 'c1',
      log: [] as RoomEvent[],
      logLamport: 4,
      olderMessagesPending: false,
    };
    select(state);
    const extra = reply('m9', beta.id, 'r2', { status: 'complete', tokens: { input: 3, output: 4 }, createdAt: 9 });
    const later = { ...state, logLamport: 8, messages: { ...state.messages, m9: extra } };
    expect(select(later)).toEqual(conversationSpend(later));
  });
});
