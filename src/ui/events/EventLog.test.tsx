// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../store/index.ts';
import { renderWithRoom } from '../test-utils.tsx';
import { describeEvent } from './describe-event.ts';
import { EventLog } from './EventLog.tsx';

const names = {
  handleOf: (id: string) => ({ 'id-claude': 'claude', 'id-gpt': 'gpt', human: 'you' })[id] ?? id,
  humanHandle: 'you',
};
const line = (body: Record<string, unknown>) => describeEvent({ lamport: 1, at: 0, ...body } as CoreEvent, names);

describe('describeEvent', () => {
  it('says why each turn was dispatched and how it ended', () => {
    expect(
      line({
        type: 'turn-dispatched',
        roundId: 'r',
        turnId: 't',
        peerId: 'id-gpt',
        depth: 1,
        modeId: 'collaborative',
        reason: { kind: 'peer-mention', messageId: 'm', askedBy: 'id-claude' },
      }),
    ).toBe('@gpt’s turn — asked by @claude (depth 1)');
    expect(
      line({
        type: 'turn-dispatched',
        roundId: 'r',
        turnId: 't',
        peerId: 'id-claude',
        depth: 0,
        modeId: 'collaborative',
        reason: { kind: 'dap', probability: 0.625, messageId: 'm' },
      }),
    ).toBe('@claude’s turn — DAP 0.63');
    expect(
      line({
        type: 'turn-completed',
        roundId: 'r',
        turnId: 't',
        peerId: 'id-claude',
        status: 'error',
        errorReason: 'rate-limited',
        latencyMs: 1500,
      }),
    ).toBe('@claude finished: error, rate-limited, 1.5 s');
  });

  it('reads DAP samples, overrides, mode changes and round ends', () => {
    expect(
      line({
        type: 'dap-sampled',
        roundId: 'r',
        probabilities: [],
        fallback: false,
        draws: [
          { peerId: 'id-claude', p: 0.5, u: 0.2, drawn: true },
          { peerId: 'id-gpt', p: 0.15, u: 0.9, drawn: false },
        ],
      }),
    ).toBe('DAP sampled: @claude 0.50 drawn, @gpt 0.15 not drawn');
    expect(line({ type: 'human-override', action: 'mute', peerId: 'id-gpt' })).toBe('@you muted @gpt');
    expect(line({ type: 'human-override', action: 'stop-all' })).toBe('@you stopped everything');
    expect(line({ type: 'mode-changed', from: 'collaborative', to: 'adversarial' })).toBe(
      'Mode changed: collaborative → adversarial',
    );
    expect(line({ type: 'round-ended', roundId: 'r', reason: 'depth-limit', turns: 3 })).toBe(
      'Round ended: mention chain limit reached (3 turns)',
    );
  });
});

describe('EventLog', () => {
  it('lists what happened, newest first, with Lamport numbers', async () => {
    const { store, done } = renderWithRoom(<EventLog />);
    act(() => void store.getState().setMode('adversarial'));
    act(() => store.getState().mute('id-gemini'));
    act(() => void store.getState().send('@claude hello'));
    await done();
    const items = within(screen.getByRole('list', { name: 'Event log' })).getAllByRole('listitem');
    const texts = items.map((item) => item.textContent);
    expect(texts[0]).toMatch(/^#\d+Round ended: queue empty \(1 turn\)$/);
    expect(texts).toContainEqual(expect.stringMatching(/^#\d+@claude’s turn — mentioned by @you$/));
    expect(texts).toContainEqual(expect.stringMatching(/^#\d+@claude finished: complete, 15 tokens, \d\.\d s$/));
    expect(texts).toContainEqual(expect.stringMatching(/@you muted @gemini$/));
    expect(texts).toContainEqual(expect.stringMatching(/Mode changed: collaborative → adversarial$/));
    const lamports = texts.map((text) => Number(/^#(\d+)/.exec(text ?? '')?.[1]));
    expect(lamports).toEqual([...lamports].sort((a, b) => b - a));
  });
});
