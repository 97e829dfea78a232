// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithLibrary } from '../test-utils.tsx';
import { ConversationsSidebar } from './ConversationsSidebar.tsx';

const sidebar = () => within(screen.getByRole('navigation', { name: 'Conversations' }));
/** The titles the list shows, in order (each item's first button is named by its title). */
const listed = () =>
  sidebar()
    .queryAllByRole('listitem')
    .map((item) => {
      const labelId = within(item).getAllByRole('button')[0]!.getAttribute('aria-labelledby')!;
      return document.getElementById(labelId)!.textContent;
    });

/** Two stored conversations: "Apples" (older, about bananas) and "Pears" (open, about cherries). */
async function twoConversations() {
  const view = renderWithLibrary(<ConversationsSidebar />);
  const { store, library, talk } = view;
  await talk('@claude tell me about bananas');
  const apples = store.getState().conversationId;
  await act(() => library.getState().rename(apples, 'Apples'));
  await act(() => library.getState().newConversation());
  await talk('@gpt tell me about cherries');
  const pears = store.getState().conversationId;
  await act(() => library.getState().rename(pears, 'Pears'));
  await sidebar().findByRole('button', { name: 'Pears' });
  return { ...view, apples, pears };
}

describe('ConversationsSidebar', () => {
  it('starts a new conversation, and lists a conversation once it has a message, newest first', async () => {
    const { store, user, talk } = renderWithLibrary(<ConversationsSidebar />);
    await talk('@claude first');
    const first = store.getState().conversationId;
    await sidebar().findByRole('button', { name: 'Test room' });

    await user.click(sidebar().getByRole('button', { name: 'New conversation' }));
    await waitFor(() => expect(store.getState().conversationId).not.toBe(first));
    expect(store.getState().messageIds).toEqual([]);
    expect(sidebar().getByText(/is open; it is kept here from its first message/)).toBeInTheDocument();

    act(() => void store.getState().rename('Second'));
    await talk('@gpt second');
    await sidebar().findByRole('button', { name: 'Second' });
    expect(listed()).toEqual(['Second', 'Test room']);
    expect(sidebar().getByRole('button', { name: 'Second' })).toHaveAccessibleDescription(/just now|ago/);
  });

  it('marks the open conversation as current and opens another one on click', async () => {
    const { store, user, apples, pears } = await twoConversations();
    expect(sidebar().getByRole('button', { name: 'Pears' })).toHaveAttribute('aria-current', 'page');
    expect(sidebar().getByRole('button', { name: 'Apples' })).not.toHaveAttribute('aria-current');

    await user.click(sidebar().getByRole('button', { name: 'Apples' }));
    await waitFor(() => expect(store.getState().conversationId).toBe(apples));
    const texts = store.getState().messageIds.map((id) => store.getState().messages[id]!.text);
    expect(texts[0]).toBe('@claude tell me about bananas');
    expect(sidebar().getByRole('button', { name: 'Apples' })).toHaveAttribute('aria-current', 'page');
    expect(sidebar().getByRole('button', { name: 'Pears' })).not.toHaveAttribute('aria-current');
    expect(store.getState().conversationId).not.toBe(pears);
  });

  it('searches titles and message text once typing pauses', async () => {
    const { user } = await twoConversations();
    const search = sidebar().getByRole('searchbox', { name: 'Search conversations' });
    await user.type(search, 'banana');
    await waitFor(() => expect(listed()).toEqual(['Apples']));
    await user.clear(search);
    await user.type(search, 'pear');
    await waitFor(() => expect(listed()).toEqual(['Pears']));
    await user.clear(search);
    await user.type(search, 'zebra');
    expect(await sidebar().findByText('No conversation matches “zebra”.')).toBeInTheDocument();
    await user.clear(search);
    await waitFor(() => expect(listed()).toEqual(['Pears', 'Apples']));
  });

  it('renames in place: Enter saves, Escape cancels, an empty title is refused', async () => {
    const { store, user } = await twoConversations();
    await user.click(sidebar().getByRole('button', { name: 'Rename Pears' }));
    const box = sidebar().getByRole('textbox', { name: 'Conversation title' });
    expect(box).toHaveFocus();
    expect(box).toHaveValue('Pears');

    await user.clear(box);
    await user.keyboard('{Enter}');
    expect(await sidebar().findByRole('alert')).toHaveTextContent('A conversation needs a title.');

    await user.type(box, 'Ripe pears{Enter}');
    expect(await sidebar().findByRole('button', { name: 'Ripe pears' })).toBeInTheDocument();
    expect(store.getState().title).toBe('Ripe pears');
    expect(sidebar().getByRole('button', { name: 'Rename Ripe pears' })).toHaveFocus();

    await user.click(sidebar().getByRole('button', { name: 'Rename Apples' }));
    await user.clear(sidebar().getByRole('textbox', { name: 'Conversation title' }));
    await user.type(sidebar().getByRole('textbox', { name: 'Conversation title' }), 'Never saved');
    await user.keyboard('{Escape}');
    expect(sidebar().queryByRole('textbox', { name: 'Conversation title' })).toBeNull();
    expect(sidebar().getByRole('button', { name: 'Rename Apples' })).toHaveFocus();
    expect(listed()).toEqual(['Ripe pears', 'Apples']);
  });

  it('duplicates a conversation', async () => {
    const { user } = await twoConversations();
    await user.click(sidebar().getByRole('button', { name: 'Duplicate Apples' }));
    expect(await sidebar().findByRole('button', { name: 'Apples (copy)' })).toBeInTheDocument();
    expect(listed()).toHaveLength(3);
  });

  it('deletes with a status and an Undo that brings it back', async () => {
    const { user } = await twoConversations();
    await user.click(sidebar().getByRole('button', { name: 'Delete Apples' }));
    await waitFor(() => expect(listed()).toEqual(['Pears']));
    const status = sidebar().getByRole('status');
    expect(status).toHaveTextContent('Deleted “Apples”');
    expect(within(status).getByRole('button', { name: 'Undo' })).toHaveFocus();

    await user.click(within(status).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(listed()).toEqual(['Pears', 'Apples']));
    expect(sidebar().getByRole('status')).toBeEmptyDOMElement();
  });
});
