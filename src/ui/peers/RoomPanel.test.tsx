// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DAP_PRESETS } from '../../store/index.ts';
import { renderWithRoom } from '../test-utils.tsx';
import { RoomPanel } from './RoomPanel.tsx';

afterEach(() => vi.restoreAllMocks());

const card = (name: string) => within(screen.getByRole('list', { name: 'Seats' })).getByRole('listitem', { name });
const handles = (store: ReturnType<typeof renderWithRoom>['store']) =>
  store.getState().peers.map((peer) => peer.handle);

describe('RoomPanel', () => {
  it('adds the same model twice under two handles, taking the context window from the catalog', async () => {
    const { store, user } = renderWithRoom(<RoomPanel />);
    for (const [name, handle] of [
      ['Four A', 'four-a'],
      ['Four B', 'four-b'],
    ] as const) {
      await user.click(screen.getByRole('button', { name: 'Add peer' }));
      const form = screen.getByRole('form', { name: 'New peer' });
      await user.type(within(form).getByLabelText('Display name'), name);
      await user.type(within(form).getByLabelText('Handle'), handle);
      await user.type(within(form).getByLabelText('Model'), 'gpt-4o');
      expect(within(form).getByLabelText('Context window (tokens)')).toHaveValue(128_000);
      await user.click(within(form).getByRole('button', { name: 'Add peer' }));
    }
    const added = store.getState().peers.slice(-2);
    expect(added.map((peer) => [peer.handle, peer.model, peer.settings.contextWindow])).toEqual([
      ['four-a', 'gpt-4o', 128_000],
      ['four-b', 'gpt-4o', 128_000],
    ]);
    expect(card('Four B')).toHaveTextContent('@four-b');
  });

  it('shows the store’s validation message inline and keeps the form', async () => {
    const { store, user } = renderWithRoom(<RoomPanel />);
    await user.click(screen.getByRole('button', { name: 'Add peer' }));
    const form = screen.getByRole('form', { name: 'New peer' });
    await user.type(within(form).getByLabelText('Display name'), 'Another Claude');
    await user.type(within(form).getByLabelText('Handle'), 'claude');
    await user.type(within(form).getByLabelText('Model'), 'claude-sonnet-4-6');
    await user.click(within(form).getByRole('button', { name: 'Add peer' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('"claude" is already used by @claude');
    expect(handles(store)).toEqual(['claude', 'gpt', 'gemini']);
  });

  it('moves focus into the form and back to the button that opened it', async () => {
    const { user } = renderWithRoom(<RoomPanel />);
    await user.click(screen.getByRole('button', { name: 'Add peer' }));
    expect(screen.getByLabelText('Display name')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Add peer' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Edit Gpt' }));
    expect(screen.getByLabelText('Display name')).toHaveValue('Gpt');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Edit Gpt' })).toHaveFocus();
  });

  it('edits a seat', async () => {
    const { store, user } = renderWithRoom(<RoomPanel />);
    await user.click(screen.getByRole('button', { name: 'Edit Gpt' }));
    const form = screen.getByRole('form', { name: 'Edit Gpt' });
    const name = within(form).getByLabelText('Display name');
    await user.clear(name);
    await user.type(name, 'GPT-5');
    await user.type(within(form).getByLabelText('Temperature'), '0.3');
    await user.type(within(form).getByLabelText('Persona (optional)'), 'Be brief.');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    const gpt = store.getState().peers.find((peer) => peer.id === 'id-gpt')!;
    expect(gpt).toMatchObject({ displayName: 'GPT-5', persona: 'Be brief.', settings: { temperature: 0.3 } });
    expect(card('GPT-5')).toHaveTextContent('temperature 0.3');
  });

  it('reorders and removes seats', async () => {
    const { store, user } = renderWithRoom(<RoomPanel />);
    expect(screen.getByRole('button', { name: 'Move Claude up' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Move Gpt up' }));
    expect(handles(store)).toEqual(['gpt', 'claude', 'gemini']);
    await user.click(screen.getByRole('button', { name: 'Move Gpt down' }));
    expect(handles(store)).toEqual(['claude', 'gpt', 'gemini']);

    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    await user.click(screen.getByRole('button', { name: 'Remove Gemini' }));
    expect(handles(store)).toEqual(['claude', 'gpt', 'gemini']);
    await user.click(screen.getByRole('button', { name: 'Remove Gemini' }));
    expect(confirm).toHaveBeenLastCalledWith('Remove Gemini from the room?');
    expect(handles(store)).toEqual(['claude', 'gpt']);
  });

  it('applies a DAP preset and tunes base with a slider, showing the live probability', async () => {
    const { store, user } = renderWithRoom(<RoomPanel />);
    const claude = card('Claude');
    expect(claude).toHaveTextContent(/chance to speak now \d\.\d\d/);
    const presets = within(claude).getByRole('group', { name: 'DAP preset for Claude' });
    await user.click(within(presets).getByRole('button', { name: 'Lively' }));
    expect(store.getState().peers[0]!.dap).toMatchObject(DAP_PRESETS.lively);
    expect(within(presets).getByRole('button', { name: 'Lively' })).toHaveAttribute('aria-pressed', 'true');

    const base = within(claude).getByRole('slider', { name: 'Base' });
    fireEvent.change(base, { target: { value: '0.4' } });
    expect(store.getState().peers[0]!.dap.base).toBe(1);
    fireEvent.pointerUp(base);
    expect(store.getState().peers[0]!.dap.base).toBe(0.4);
    expect(within(presets).getByRole('button', { name: 'Lively' })).toHaveAttribute('aria-pressed', 'false');
    expect(claude).toHaveTextContent('Profile tuned');
  });

  it('explains a refused DAP change', async () => {
    const { user } = renderWithRoom(<RoomPanel />);
    const claude = card('Claude');
    const pMax = within(claude).getByRole('slider', { name: 'Max p' });
    fireEvent.change(pMax, { target: { value: '0.05' } });
    fireEvent.blur(pMax);
    expect(within(claude).getByRole('alert')).toHaveTextContent(/pMax/);
    await user.click(within(claude).getByRole('button', { name: 'Balanced' }));
    expect(within(claude).queryByRole('alert')).toBeNull();
  });

  it('shows how full each peer’s context is', async () => {
    const { store, done } = renderWithRoom(<RoomPanel />);
    expect(within(card('Claude')).getByRole('meter', { name: 'Context of Claude' })).toHaveAttribute(
      'aria-valuetext',
      '0 / 100k tokens',
    );
    act(() => void store.getState().send(`@claude ${'lorem ipsum '.repeat(2_000)}`));
    await done();
    const meter = within(card('Claude')).getByRole('meter', { name: 'Context of Claude' });
    expect(meter.getAttribute('aria-valuetext')).toMatch(/^\d+(\.\d)?k \/ 100k tokens$/);
    expect(card('Claude')).toHaveTextContent(meter.getAttribute('aria-valuetext')!);
  });
});
