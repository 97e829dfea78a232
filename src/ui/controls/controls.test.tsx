// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithRoom } from '../test-utils.tsx';
import { LimitsEditor } from './LimitsEditor.tsx';
import { ModeControl } from './ModeControl.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { PeerBar } from './PeerBar.tsx';
import { RoundControls } from './RoundControls.tsx';

describe('PeerBar', () => {
  it('mutes and unmutes a peer, the button saying what it will do', async () => {
    const { store, user } = renderWithRoom(<PeerBar />);
    await user.click(screen.getByRole('button', { name: 'Mute Gpt' }));
    expect(store.getState().peers.find((peer) => peer.id === 'id-gpt')?.enabled).toBe(false);
    expect(screen.queryByRole('button', { name: 'Mute Gpt' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Unmute Gpt' }));
    expect(store.getState().peers.find((peer) => peer.id === 'id-gpt')?.enabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Mute Gpt' })).toBeInTheDocument();
  });

  it('makes a peer speak now', async () => {
    const { store, user, adapters, done } = renderWithRoom(<PeerBar />);
    await user.click(screen.getByRole('button', { name: 'Speak now: Gemini' }));
    await done();
    expect(adapters.calls.map((call) => call.model)).toEqual(['gemini-model']);
    const [message] = Object.values(store.getState().messages);
    expect(message).toMatchObject({ authorId: 'id-gemini', reason: { kind: 'human-forced' } });
  });

  it('offers "Stop <name>" only while that peer is writing, and stops it', async () => {
    const { store, user, done } = renderWithRoom(<PeerBar />, {
      script: { 'claude-model': [{ text: 'A long answer', hold: true }] },
    });
    expect(screen.queryByRole('button', { name: 'Stop Claude' })).toBeNull();
    act(() => void store.getState().send('@claude go'));
    await screen.findByRole('button', { name: 'Stop Claude' });
    expect(screen.queryByRole('button', { name: 'Stop Gpt' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Stop Claude' }));
    await done();
    expect(Object.values(store.getState().messages).at(-1)?.status).toBe('interrupted');
    expect(screen.queryByRole('button', { name: 'Stop Claude' })).toBeNull();
  });

  it('shows each peer’s live DAP probability, and "muted" for a muted one', async () => {
    const { user } = renderWithRoom(<PeerBar />);
    const chips = within(screen.getByRole('list', { name: 'Peers' })).getAllByRole('listitem');
    expect(chips[0]).toHaveTextContent(/p \d\.\d\d/);
    await user.click(screen.getByRole('button', { name: 'Mute Claude' }));
    expect(chips[0]).toHaveTextContent('muted');
  });
});

describe('RoundControls', () => {
  it('shows Stop all while a round runs, who is next, and Skip next', async () => {
    const { store, user, done, adapters } = renderWithRoom(<RoundControls />, {
      script: { 'claude-model': [{ text: 'Thinking', hold: true }] },
    });
    expect(screen.queryByRole('button', { name: 'Stop all' })).toBeNull();
    act(() => void store.getState().send('@claude @gpt @gemini all three of you'));
    await screen.findByRole('button', { name: 'Stop all' });
    expect(screen.getByText(/Next:/)).toHaveTextContent('Next: Gpt, then Gemini');
    await user.click(screen.getByRole('button', { name: 'Skip next' }));
    expect(screen.getByText(/Next:/)).toHaveTextContent('Next: Gemini');
    act(() => adapters.releaseAll());
    await done();
    expect(adapters.calls.map((call) => call.model)).toEqual(['claude-model', 'gemini-model']);
    expect(screen.queryByRole('button', { name: 'Stop all' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Skip next' })).toBeNull();
  });

  it('stops everything with Stop all, and says so', async () => {
    const { store, user, done, container } = renderWithRoom(<RoundControls />, {
      script: { 'claude-model': [{ text: 'Thinking hard', hold: true }] },
    });
    act(() => void store.getState().send('@claude go'));
    await user.click(await screen.findByRole('button', { name: 'Stop all' }));
    await done();
    expect(container.querySelector('[data-round-end]')).toHaveAttribute('data-round-end', 'stopped-by-human');
    expect(screen.getByText('Round ended: stopped by you')).toBeInTheDocument();
  });
});

describe('ModeControl', () => {
  it('is a radio group "Mode" whose radios switch the room’s mode', async () => {
    const { store, user } = renderWithRoom(<ModeControl />);
    const group = screen.getByRole('radiogroup', { name: 'Mode' });
    const collaborative = within(group).getByRole('radio', { name: 'Collaborative' });
    const adversarial = within(group).getByRole('radio', { name: 'Adversarial' });
    expect(collaborative).toBeChecked();
    expect(collaborative).toHaveAccessibleDescription('What am I missing?');
    expect(adversarial).toHaveAccessibleDescription('Prove it.');
    await user.click(adversarial);
    expect(store.getState().modeId).toBe('adversarial');
    expect(adversarial).toBeChecked();
    expect(collaborative).not.toBeChecked();
  });

  it('follows a mode change made elsewhere', () => {
    const { store } = renderWithRoom(<ModeControl />);
    act(() => void store.getState().setMode('adversarial'));
    expect(screen.getByRole('radio', { name: 'Adversarial' })).toBeChecked();
  });
});

describe('LimitsEditor', () => {
  it('shows the limits in force and applies only what changed', async () => {
    const { store, user } = renderWithRoom(<LimitsEditor />);
    const turns = screen.getByRole('spinbutton', { name: 'Max turns per round' });
    expect(turns).toHaveValue(6);
    await user.clear(turns);
    await user.type(turns, '4');
    await user.click(screen.getByRole('checkbox', { name: /Independent first answers/ }));
    await user.click(screen.getByRole('button', { name: 'Apply limits' }));
    expect(store.getState().limits).toEqual({ maxTurnsPerRound: 4, parallelFirstWave: true });
    expect(screen.getByRole('status')).toHaveTextContent('Limits applied.');
    expect(screen.getByRole('spinbutton', { name: 'Max turns per round' })).toHaveValue(4);
  });

  it('shows the store’s message when a limit is refused', async () => {
    const { store, user } = renderWithRoom(<LimitsEditor />);
    await user.clear(screen.getByRole('spinbutton', { name: 'Max turns per round' }));
    await user.click(screen.getByRole('button', { name: 'Apply limits' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/maxTurnsPerRound/);
    expect(store.getState().limits).toEqual({});
  });
});

describe('NoticeBar', () => {
  it('shows the store’s notice as a status and dismisses it', async () => {
    const { store, user } = renderWithRoom(<NoticeBar />);
    act(() => store.getState().mute('id-gpt'));
    act(() => void store.getState().send('@gpt hi'));
    expect(screen.getByRole('status')).toHaveTextContent('Gpt is muted and will not answer.');
    await user.click(screen.getByRole('button', { name: 'Dismiss notice' }));
    expect(store.getState().notice).toBeNull();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
