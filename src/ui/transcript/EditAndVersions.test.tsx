// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithRoom } from '../test-utils.tsx';
import { Transcript } from './Transcript.tsx';

const articleBy = (author: string) =>
  screen.getAllByRole('article').filter((article) => article.dataset.author === author);
const only = (author: string) => {
  const found = articleBy(author);
  expect(found).toHaveLength(1);
  return within(found[0]!);
};

async function answered(script: Record<string, { text: string; hold?: boolean }[]>) {
  const view = renderWithRoom(<Transcript />, { script });
  act(() => void view.store.getState().send('@claude first question'));
  await view.done();
  return view;
}

describe('editing a human message', () => {
  it('opens an inline box and cancels back to the message, focus returning to "Edit message"', async () => {
    const { user, store } = await answered({ 'claude-model': [{ text: 'First answer' }] });
    await user.click(only('you').getByRole('button', { name: 'Edit message' }));
    const box = only('you').getByRole('textbox', { name: 'Edit message' });
    expect(box).toHaveFocus();
    expect(box).toHaveValue('@claude first question');
    await user.type(box, ' changed');
    await user.click(only('you').getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('textbox', { name: 'Edit message' })).toBeNull();
    expect(only('you').getByRole('button', { name: 'Edit message' })).toHaveFocus();
    expect(only('you').getByText('@claude first question')).toBeInTheDocument();

    await user.click(only('you').getByRole('button', { name: 'Edit message' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Edit message' })).toBeNull();
    expect(store.getState().messageIds).toHaveLength(2);
  });

  it('offers no "Edit message" on a peer’s message', async () => {
    await answered({ 'claude-model': [{ text: 'First answer' }] });
    expect(only('claude').queryByRole('button', { name: 'Edit message' })).toBeNull();
    expect(only('claude').getByRole('button', { name: 'Regenerate' })).toBeInTheDocument();
  });

  it('shows the store’s refusal and keeps the box open', async () => {
    const { user } = await answered({ 'claude-model': [{ text: 'First answer' }] });
    await user.click(only('you').getByRole('button', { name: 'Edit message' }));
    await user.clear(only('you').getByRole('textbox', { name: 'Edit message' }));
    await user.click(only('you').getByRole('button', { name: 'Save and rerun' }));
    expect(only('you').getByRole('alert')).toHaveTextContent('Write something first.');
    expect(only('you').getByRole('textbox', { name: 'Edit message' })).toBeInTheDocument();
  });

  it('reruns from the edit, then switches between the two versions and what followed each', async () => {
    const { user, done, adapters } = await answered({
      'claude-model': [{ text: 'First answer' }, { text: 'Second answer' }],
    });
    expect(only('you').queryByText(/Version/)).toBeNull();

    await user.click(only('you').getByRole('button', { name: 'Edit message' }));
    const box = only('you').getByRole('textbox', { name: 'Edit message' });
    await user.clear(box);
    await user.type(box, '@claude second question');
    await user.click(only('you').getByRole('button', { name: 'Save and rerun' }));
    await done();

    expect(adapters.calls).toHaveLength(2);
    expect(only('you').getByText('@claude second question')).toBeInTheDocument();
    expect(only('claude').getByText('Second answer')).toBeInTheDocument();
    expect(only('you').getByText('Version 2 of 2')).toBeInTheDocument();
    expect(only('you').getByRole('button', { name: 'Edit message' })).toHaveFocus();
    expect(only('you').getByRole('button', { name: 'Next version' })).toBeDisabled();

    await user.click(only('you').getByRole('button', { name: 'Previous version' }));
    expect(only('you').getByText('@claude first question')).toBeInTheDocument();
    expect(only('claude').getByText('First answer')).toBeInTheDocument();
    expect(only('you').getByText('Version 1 of 2')).toBeInTheDocument();
    expect(only('you').getByRole('button', { name: 'Previous version' })).toBeDisabled();
    expect(only('you').getByRole('button', { name: 'Next version' })).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(only('you').getByText('@claude second question')).toBeInTheDocument();
    expect(only('claude').getByText('Second answer')).toBeInTheDocument();
    expect(only('you').getByText('Version 2 of 2')).toBeInTheDocument();
    expect(only('you').getByRole('button', { name: 'Previous version' })).toHaveFocus();
    expect(adapters.calls).toHaveLength(2);
  });

  it('saves with Ctrl+Enter', async () => {
    const { user, done, store } = await answered({ 'claude-model': [{ text: 'A' }, { text: 'B' }] });
    await user.click(only('you').getByRole('button', { name: 'Edit message' }));
    await user.type(only('you').getByRole('textbox', { name: 'Edit message' }), ' again{Control>}{Enter}{/Control}');
    await done();
    const first = store.getState().messages[store.getState().messageIds[0]!]!;
    expect(first.text).toBe('@claude first question again');
  });
});

describe('versions of a peer’s message', () => {
  it('appear once a regenerated reply has finished, not while it streams', async () => {
    const { user, done, adapters } = await answered({
      'claude-model': [{ text: 'First answer' }, { text: 'Better answer', hold: true }],
    });
    await user.click(only('claude').getByRole('button', { name: 'Regenerate' }));
    expect(await screen.findByText('Better')).toBeInTheDocument();
    expect(only('claude').queryByText(/Version/)).toBeNull();
    act(() => adapters.releaseAll());
    await done();
    expect(only('claude').getByText('Version 2 of 2')).toBeInTheDocument();
    await user.click(only('claude').getByRole('button', { name: 'Previous version' }));
    expect(only('claude').getByText('First answer')).toBeInTheDocument();
    expect(only('claude').getByText('Version 1 of 2')).toBeInTheDocument();
  });
});
