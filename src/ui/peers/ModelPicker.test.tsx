// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithRoom } from '../test-utils.tsx';
import { ModelPicker } from './ModelPicker.tsx';
import { RoomPanel } from './RoomPanel.tsx';

function Picker({ provider = 'openai' as const }) {
  const [model, setModel] = useState('');
  return (
    <>
      <label htmlFor="model">Model</label>
      <ModelPicker id="model" provider={provider} value={model} onChange={setModel} />
      <output aria-label="Chosen">{model}</output>
    </>
  );
}

const options = () => screen.getAllByRole('option').map((option) => option.querySelector('.font-mono')?.textContent);

describe('ModelPicker', () => {
  it('offers the catalog’s models with their context window, prices and capabilities, filtered as you type', async () => {
    const { user } = renderWithRoom(<Picker />);
    const box = screen.getByRole('combobox', { name: 'Model' });
    await user.type(box, 'gpt-5 mini');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(options()).toEqual(['gpt-5-mini']);
    const option = screen.getByRole('option');
    expect(option).toHaveTextContent('GPT-5 mini');
    expect(option).toHaveTextContent('400k context · $0.25 in · $2 out per M tokens');
    expect(option).toHaveTextContent('Vision');
    expect(option).toHaveTextContent('Reasoning');
  });

  it('offers what the provider listed at its last connection test once there is one', async () => {
    const { store, user } = renderWithRoom(<Picker />, {
      script: { 'gpt-4o-mini': [], 'my-finetune': [] },
    });
    await act(async () => {
      await store.getState().testConnection('openai');
    });
    await user.click(screen.getByRole('combobox', { name: 'Model' }));
    expect(screen.getByRole('listbox', { name: 'Listed at the connection test' })).toBeVisible();
    expect(options()).toEqual(['gpt-4o-mini', 'my-finetune']);
    expect(screen.getAllByRole('option')[1]).toHaveTextContent('prices unknown');
  });

  it('is driven by the keyboard: arrows move the active option, Enter picks it, Escape closes the list', async () => {
    const { user } = renderWithRoom(<Picker />);
    const box = screen.getByRole('combobox', { name: 'Model' });
    await user.type(box, 'gpt-4.1');
    expect(options()).toEqual(['gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano']);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const active = screen.getAllByRole('option')[1]!;
    expect(active).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', active.id);
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('Chosen')).toHaveTextContent('gpt-4.1-mini');
    expect(box).toHaveValue('gpt-4.1-mini');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).toHaveAccessibleDescription(/1.0M context · \$0.4 in · \$1.6 out per M tokens/);
    await user.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
  });

  it('allows a model it does not know, saying so', async () => {
    const { user } = renderWithRoom(<Picker />);
    const box = screen.getByRole('combobox', { name: 'Model' });
    await user.type(box, 'my-own-model');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByLabelText('Chosen')).toHaveTextContent('my-own-model');
    expect(box).toHaveAccessibleDescription('Not in the list: allowed, with no known prices or context window.');
  });

  it('puts the model picked in the peer form on the seat', async () => {
    const { store, user } = renderWithRoom(<RoomPanel />);
    await user.click(screen.getByRole('button', { name: 'Add peer' }));
    const form = screen.getByRole('form', { name: 'New peer' });
    await user.type(within(form).getByLabelText('Display name'), 'Haiku');
    await user.type(within(form).getByLabelText('Handle'), 'haiku');
    await user.selectOptions(within(form).getByLabelText('Provider'), 'anthropic');
    await user.type(within(form).getByRole('combobox', { name: 'Model' }), 'haiku 4.5');
    await user.click(within(form).getByRole('option', { name: /claude-haiku-4-5/ }));
    expect(within(form).getByLabelText('Context window (tokens)')).toHaveValue(200_000);
    await user.click(within(form).getByRole('button', { name: 'Add peer' }));
    expect(store.getState().peers.at(-1)).toMatchObject({
      handle: 'haiku',
      provider: 'anthropic',
      model: 'claude-haiku-4-5',
    });
  });
});
