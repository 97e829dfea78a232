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

describe('ModeControl: a mode of the human’s own', () => {
  it('defines a mode through "New mode…", closes, selects it and puts focus back on the button', async () => {
    const { store, user } = renderWithRoom(<ModeControl />);
    const opener = screen.getByRole('button', { name: 'New mode…' });
    await user.click(opener);
    const form = screen.getByRole('form', { name: 'New mode' });
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveFocus();
    expect(form).toHaveTextContent('Lively: most peers answer unasked');
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Devil’s advocate');
    await user.type(within(form).getByRole('textbox', { name: 'Tagline (optional)' }), 'Try me.');
    await user.type(within(form).getByRole('textbox', { name: 'Prompt' }), 'Argue the other side.');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'DAP preset' }), 'lively');
    await user.click(within(form).getByRole('button', { name: 'Define mode' }));
    expect(screen.queryByRole('form', { name: 'New mode' })).toBeNull();
    const radio = screen.getByRole('radio', { name: 'Devil’s advocate' });
    expect(radio).toBeChecked();
    expect(radio).toHaveAccessibleDescription('Try me.');
    expect(store.getState().customModes).toEqual([
      expect.objectContaining({ name: 'Devil’s advocate', promptBlock: 'Argue the other side.' }),
    ]);
    expect(store.getState().customModes[0]?.defaults.dapPreset).toBe('lively');
    expect(opener).toHaveFocus();
  });

  it('shows the store’s message for an empty prompt and keeps the form and what was typed', async () => {
    const { store, user } = renderWithRoom(<ModeControl />);
    await user.click(screen.getByRole('button', { name: 'New mode…' }));
    const form = screen.getByRole('form', { name: 'New mode' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Empty');
    await user.click(within(form).getByRole('button', { name: 'Define mode' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Prompt: must not be empty');
    expect(screen.getByRole('form', { name: 'New mode' })).toBe(form);
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveValue('Empty');
    expect(store.getState().customModes).toEqual([]);
    expect(store.getState().modeId).toBe('collaborative');
  });

  it('edits the custom mode in force; Escape closes the form unchanged', async () => {
    const { store, user } = renderWithRoom(<ModeControl />);
    expect(screen.queryByRole('button', { name: 'Edit mode…' })).toBeNull();
    act(() => void store.getState().defineMode({ name: 'Terse', promptBlock: 'One line.', dapPreset: 'quiet' }));
    const edit = screen.getByRole('button', { name: 'Edit mode…' });
    await user.click(edit);
    const form = screen.getByRole('form', { name: 'Edit mode Terse' });
    expect(within(form).getByRole('textbox', { name: 'Prompt' })).toHaveValue('One line.');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form')).toBeNull();
    expect(edit).toHaveFocus();
    await user.click(edit);
    const again = screen.getByRole('form', { name: 'Edit mode Terse' });
    await user.selectOptions(within(again).getByRole('combobox', { name: 'DAP preset' }), 'lively');
    await user.click(within(again).getByRole('button', { name: 'Save mode' }));
    expect(store.getState().customModes).toHaveLength(1);
    expect(store.getState().customModes[0]?.defaults.dapPreset).toBe('lively');
    expect(screen.getByRole('radio', { name: 'Terse' })).toBeChecked();
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
