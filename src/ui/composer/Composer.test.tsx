// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithRoom } from '../test-utils.tsx';
import { Composer, PLAIN_COMPOSER_CHARS } from './Composer.tsx';

const box = () => screen.getByRole('textbox', { name: 'Message' });
const sentTexts = (store: ReturnType<typeof renderWithRoom>['store']) =>
  store
    .getState()
    .messageIds.map((id) => store.getState().messages[id]!)
    .filter((message) => message.kind === 'human')
    .map((message) => message.text);

/** The options of the mention suggestions (the round picker beside the box has options of its own). */
const suggestionOptions = () =>
  within(screen.getByRole('listbox', { name: 'Mention suggestions' })).getAllByRole('option');

describe('Composer', () => {
  it('sends on Enter and clears the box', async () => {
    const { store, user, done } = renderWithRoom(<Composer />);
    await user.type(box(), 'hello room{Enter}');
    await done();
    expect(sentTexts(store)).toEqual(['hello room']);
    expect(box()).toHaveValue('');
  });

  it('adds a new line on Shift+Enter without sending', async () => {
    const { store, user } = renderWithRoom(<Composer />);
    await user.type(box(), 'first{Shift>}{Enter}{/Shift}second');
    expect(box()).toHaveValue('first\nsecond');
    expect(sentTexts(store)).toEqual([]);
  });

  it('sends with the Send button', async () => {
    const { store, user, done } = renderWithRoom(<Composer />);
    await user.type(box(), '@claude hi');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await done();
    expect(sentTexts(store)).toEqual(['@claude hi']);
  });

  it('sends one message as a council round, then goes back to the room’s default', async () => {
    const { store, user, done } = renderWithRoom(<Composer />);
    act(() => void store.getState().setCouncilDefault({ strategy: 'vote', synthesizerId: 'id-claude' }));
    const round = screen.getByRole('combobox', { name: 'Round' });
    expect(round).toHaveValue('vote');
    await user.selectOptions(round, 'council');
    await user.type(box(), 'Which is it?{Enter}');
    await user.type(box(), 'And now?{Enter}');
    await user.selectOptions(round, 'turns');
    await user.type(box(), 'Just talk.{Enter}');
    await done();
    const councils = store
      .getState()
      .log.flatMap((event) => (event.type === 'human-message' ? [event.council ?? null] : []));
    expect(councils).toEqual([
      { strategy: 'council', synthesizerId: 'id-claude' },
      { strategy: 'vote', synthesizerId: 'id-claude' },
      null,
    ]);
    expect(round).toHaveValue('vote');
  });

  it('does not send an empty message and says why', async () => {
    const { store, user } = renderWithRoom(<Composer />);
    await user.type(box(), '   {Enter}');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(sentTexts(store)).toEqual([]);
    expect(screen.getByRole('alert')).toHaveTextContent('Write something first.');
  });

  it('suggests handles after @ and inserts the chosen one with Enter, without sending', async () => {
    const { store, user } = renderWithRoom(<Composer />);
    await user.type(box(), 'ask @cl');
    const list = screen.getByRole('listbox', { name: 'Mention suggestions' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['@claudeClaude']);
    await user.keyboard('{Enter}');
    expect(box()).toHaveValue('ask @claude ');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(sentTexts(store)).toEqual([]);
  });

  it('moves through suggestions with the arrow keys and accepts with Tab', async () => {
    const { user } = renderWithRoom(<Composer />);
    await user.type(box(), '@g');
    const options = suggestionOptions();
    expect(options.map((option) => option.textContent)).toEqual(['@gptGpt', '@geminiGemini']);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(box()).toHaveAttribute('aria-activedescendant', options[0]!.id);
    await user.keyboard('{ArrowDown}');
    expect(suggestionOptions()[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Tab}');
    expect(box()).toHaveValue('@gemini ');
    expect(box()).toHaveFocus();
  });

  it('offers @all and aliases, and accepts a click', async () => {
    const { user, store } = renderWithRoom(<Composer />);
    act(() => void store.getState().updatePeer('id-claude', { aliases: ['anthropic'] }));
    await user.type(box(), 'hi @a');
    expect(suggestionOptions().map((option) => option.textContent)).toEqual([
      '@anthropicalias of Claude',
      '@allevery peer that is not muted',
    ]);
    await user.click(screen.getByRole('option', { name: /@all/ }));
    expect(box()).toHaveValue('hi @all ');
  });

  it('closes the suggestions on Escape, and Enter then sends', async () => {
    const { user, store, done } = renderWithRoom(<Composer />);
    await user.type(box(), 'hey @ge');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    await user.keyboard('{Enter}');
    await done();
    expect(sentTexts(store)).toEqual(['hey @ge']);
  });

  it('highlights resolved mentions only and says who the message reaches', async () => {
    const { user, container } = renderWithRoom(<Composer />);
    await user.type(box(), 'hi @claude and @nobody, mail a@gpt.com');
    const marks = [...container.querySelectorAll('mark[data-mention]')];
    expect(marks.map((mark) => [mark.textContent, mark.getAttribute('data-mention')])).toEqual([['@claude', 'peer']]);
    expect(screen.getByText('To: Claude.')).toBeInTheDocument();
    await user.type(box(), ' @all');
    expect(container.querySelector('mark[data-mention="all"]')).toHaveTextContent('@all');
    expect(screen.getByText('To: every peer that is not muted (@all).')).toBeInTheDocument();
  });

  it('says when a mentioned peer is muted', async () => {
    const { user, store, container } = renderWithRoom(<Composer />);
    act(() => store.getState().mute('id-gpt'));
    await user.type(box(), '@gpt there?');
    expect(container.querySelector('mark[data-mention="peer"]')).toHaveAttribute('data-ignored', 'muted');
    expect(screen.getByText(/Gpt is muted and will not answer/)).toBeInTheDocument();
  });

  it('keeps a huge paste plain: no highlight layer, still sent whole', async () => {
    const { user, store, container } = renderWithRoom(<Composer />);
    const huge = `@claude ${'lorem ipsum '.repeat(Math.ceil(PLAIN_COMPOSER_CHARS / 12) + 10)}`;
    box().focus();
    await user.paste(huge);
    expect(container.querySelector('mark[data-mention]')).toBeNull();
    expect(screen.getByText('To: Claude.')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(sentTexts(store)).toEqual([huge]);
  });
});
