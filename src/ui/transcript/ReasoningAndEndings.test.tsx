// @vitest-environment jsdom
// A peer's reasoning on its message (collapsed, then rendered through the safe Markdown), the ending note, the
// share checkbox and the peer form's reasoning options.
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ShareReasoning } from '../controls/ShareReasoning.tsx';
import { EventLog } from '../events/EventLog.tsx';
import { RoomPanel } from '../peers/RoomPanel.tsx';
import { renderWithRoom } from '../test-utils.tsx';
import { Transcript } from './Transcript.tsx';

const claudeArticle = () => screen.getAllByRole('article').find((article) => article.dataset.author === 'claude')!;

describe('reasoning on a message', () => {
  it('is collapsed under "Reasoning", opens to the text as safe Markdown, apart from the answer', async () => {
    const { store, user, done } = renderWithRoom(<Transcript />, {
      script: { 'claude-model': [{ text: 'The answer.', reasoning: 'Think **hard** <img src=x onerror=alert(1)>' }] },
    });
    act(() => void store.getState().send('@claude why?'));
    await done();
    const article = claudeArticle();
    const details = article.querySelector('details[data-part="reasoning"]') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(within(details).getByText('Reasoning')).toBeInTheDocument();
    expect(details).toHaveTextContent('0.0 s');
    expect(within(article).queryByText('hard')).toBeNull();
    await user.click(within(details).getByText('Reasoning'));
    expect(details.open).toBe(true);
    expect((await within(details).findByText('hard')).tagName).toBe('STRONG');
    expect(details.querySelector('img')).toBeNull();
    expect(article.querySelector('[data-part="answer"]')).toHaveTextContent(/^The answer\.$/);
  });

  it('shows the ending in plain words', async () => {
    const { store, done } = renderWithRoom(<Transcript />, {
      script: { 'claude-model': [{ text: '', ending: { kind: 'empty', providerReason: 'stop' } }] },
    });
    act(() => void store.getState().send('@claude anything?'));
    await done();
    expect(claudeArticle().querySelector('[data-part="ending"]')).toHaveTextContent('The model sent an empty reply.');
  });
});

describe('endings in the event log', () => {
  it('the finished turn’s line says how the reply ended', async () => {
    const { store, done, container } = renderWithRoom(<EventLog />, {
      script: { 'claude-model': [{ text: 'Half a', ending: { kind: 'max-tokens', providerReason: 'length' } }] },
    });
    act(() => void store.getState().send('@claude go on'));
    await done();
    expect(container.querySelector('[data-event-type="turn-completed"]')).toHaveTextContent(
      /finished: complete.* — Cut off: the reply reached its token limit \(length\)\.$/,
    );
  });
});

describe('reasoning settings', () => {
  it('the share checkbox starts off and records the room setting', async () => {
    const { store, user } = renderWithRoom(<ShareReasoning />);
    const box = screen.getByRole('checkbox', { name: 'Share reasoning with other peers' });
    expect(box).not.toBeChecked();
    await user.click(box);
    expect(store.getState().shareReasoning).toBe(true);
    expect(box).toBeChecked();
  });

  it('the peer form offers a thinking budget for a reasoning model, none for a model that does not reason', async () => {
    const { store, user } = renderWithRoom(<RoomPanel />);
    await user.click(screen.getByRole('button', { name: 'Add peer' }));
    const form = screen.getByRole('form', { name: 'New peer' });
    await user.type(within(form).getByLabelText('Display name'), 'Sonnet');
    await user.type(within(form).getByLabelText('Handle'), 'sonnet');
    await user.selectOptions(within(form).getByLabelText('Provider'), 'anthropic');
    await user.type(within(form).getByLabelText('Model'), 'gpt-4o');
    await user.selectOptions(within(form).getByLabelText('Provider'), 'openai');
    expect(within(form).queryByLabelText('Reasoning effort')).toBeNull();
    await user.selectOptions(within(form).getByLabelText('Provider'), 'anthropic');
    await user.clear(within(form).getByLabelText('Model'));
    await user.type(within(form).getByLabelText('Model'), 'claude-sonnet-4-5');
    await user.type(within(form).getByLabelText('Thinking budget (tokens)'), '4096');
    await user.click(within(form).getByRole('button', { name: 'Add peer' }));
    const seat = store.getState().peers.find((peer) => peer.handle === 'sonnet');
    expect(seat?.settings.reasoning).toEqual({ budgetTokens: 4096 });
  });
});
