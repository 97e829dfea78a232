// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithRoom } from '../test-utils.tsx';
import { ProvidersPanel } from './ProvidersPanel.tsx';

describe('ProvidersPanel', () => {
  it('keeps a typed key in the store, in a password field, and nowhere else in the page', async () => {
    const { store, user, container } = renderWithRoom(<ProvidersPanel />);
    const key = screen.getByLabelText('OpenAI API key');
    expect(key).toHaveAttribute('type', 'password');
    await user.type(key, 'sk-test-123456');
    expect(store.getState().providers.openai).toEqual({ apiKey: 'sk-test-123456' });
    expect(container.textContent).not.toContain('sk-test-123456');
    expect(container.innerHTML.split('sk-test-123456')).toHaveLength(1);
    await user.type(screen.getByLabelText('Anthropic base URL'), 'https://proxy.example/anthropic');
    expect(store.getState().providers.anthropic).toEqual({ baseURL: 'https://proxy.example/anthropic' });
  });

  it('fills the base URL of an OpenAI-compatible server from a preset', async () => {
    const { store, user } = renderWithRoom(<ProvidersPanel />);
    await user.selectOptions(screen.getByLabelText('Server preset'), 'Ollama');
    expect(store.getState().providers['openai-compatible']).toEqual({
      presetId: 'ollama',
      baseURL: 'http://localhost:11434/v1',
    });
    expect(screen.getByLabelText('OpenAI-compatible base URL')).toHaveValue('http://localhost:11434/v1');
    expect(screen.getByText(/OLLAMA_ORIGINS/)).toBeInTheDocument();
  });

  it('toggles whether keys are remembered', async () => {
    const { store, user } = renderWithRoom(<ProvidersPanel />);
    const remember = screen.getByRole('checkbox', { name: 'Remember keys on this device' });
    expect(remember).toBeChecked();
    await user.click(remember);
    expect(store.getState().rememberKeys).toBe(false);
    expect(remember).toHaveAccessibleDescription(/memory only/);
  });

  it('lists the models a connection test reaches', async () => {
    const { user } = renderWithRoom(<ProvidersPanel />, { script: { 'gpt-4o': [], 'gpt-4o-mini': [] } });
    const google = screen.getByRole('group', { name: 'Google Gemini' });
    await user.click(within(google).getByRole('button', { name: 'Test connection' }));
    expect(await within(google).findByText('Connected: 2 models reachable.')).toBeInTheDocument();
    const models = within(google).getByRole('list', { name: 'Reachable models' });
    expect(
      within(models)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['gpt-4o', 'gpt-4o-mini']);
  });

  it('shows the plain error of a failed test, never the key', async () => {
    const { user } = renderWithRoom(<ProvidersPanel />, {
      wrapAdapter: (adapter) => ({
        ...adapter,
        listModels: () => Promise.reject(new Error('The key sk-secret-999 was refused (401).')),
      }),
    });
    await user.type(screen.getByLabelText('OpenAI API key'), 'sk-secret-999');
    const openai = screen.getByRole('group', { name: 'OpenAI' });
    await user.click(within(openai).getByRole('button', { name: 'Test connection' }));
    const alert = await within(openai).findByRole('alert');
    expect(alert).toHaveTextContent('The key •••• was refused (401).');
    expect(document.body.textContent).not.toContain('sk-secret-999');
  });
});

describe('ProvidersPanel and keys set elsewhere', () => {
  it('shows a key that arrives from a room file in the field, still only as its value', () => {
    const { store, container } = renderWithRoom(<ProvidersPanel />);
    act(() => store.getState().setProvider('google', { apiKey: 'g-key-from-file' }));
    expect(screen.getByLabelText('Google Gemini API key')).toHaveValue('g-key-from-file');
    expect(container.innerHTML).not.toContain('g-key-from-file');
  });
});
