// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFacilitatorStore } from '../store/index.ts';
import { scriptedAdapters, settle, testDeps } from '../store/testing.ts';
import { App } from './App.tsx';
import { libraryFixture } from './test-utils.tsx';

function renderApp(script: Parameters<typeof scriptedAdapters>[0] = {}) {
  const adapters = scriptedAdapters(script);
  const store = createFacilitatorStore(testDeps(adapters.adapterFor));
  const { library } = libraryFixture(store);
  const user = userEvent.setup();
  render(<App store={store} library={library} />);
  const done = () => act(() => settle(() => store.getState().roundActive));
  return { store, library, adapters, user, done };
}

afterEach(() => {
  document.documentElement.classList.remove('dark');
  localStorage.clear();
});

describe('App', () => {
  it('opens on the room with its heading, composer and send button', () => {
    renderApp();
    expect(screen.getByRole('heading', { name: 'PeerChat', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Test room')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send' })).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: 'Mode' })).toBeInTheDocument();
    expect(screen.getByLabelText('Import room')).toHaveAttribute('type', 'file');
  });

  it('runs a conversation: send, watch it stream, stop it, see why the round ended', async () => {
    const { user, done, adapters } = renderApp({ 'claude-model': [{ text: 'A long story begins', hold: true }] });
    await user.type(screen.getByRole('textbox', { name: 'Message' }), '@claude tell me a story{Enter}');
    const reply = await screen.findByRole('article', { name: 'Claude' });
    expect(reply).toHaveAttribute('data-status', 'streaming');
    expect(screen.getByRole('button', { name: 'Stop Claude' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Stop all' }));
    await done();
    expect(adapters.calls[0]!.aborted).toBe(true);
    expect(screen.getByRole('article', { name: 'Claude' })).toHaveAttribute('data-status', 'interrupted');
    expect(document.querySelector('[data-round-end]')).toHaveAttribute('data-round-end', 'stopped-by-human');
    expect(screen.queryByRole('button', { name: 'Stop all' })).toBeNull();
  });

  it('shows the store’s notice when a muted peer is addressed', async () => {
    const { user, done } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Mute Gpt' }));
    await user.type(screen.getByRole('textbox', { name: 'Message' }), '@gpt hello{Enter}');
    await done();
    expect(within(screen.getByRole('main')).getAllByRole('status')[0]).toHaveTextContent(
      'Gpt is muted and will not answer.',
    );
  });

  it('switches between dark and light themes on <html>', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Dark theme' }));
    expect(document.documentElement).toHaveClass('dark');
    await user.click(screen.getByRole('button', { name: 'Light theme' }));
    expect(document.documentElement).not.toHaveClass('dark');
    expect(localStorage.getItem('peerchat.theme')).toBe('light');
  });

  it('opens the panels as a drawer and closes it with Escape, returning focus', async () => {
    const { user } = renderApp();
    const toggle = screen.getByRole('button', { name: 'Panels' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('button', { name: 'Close panels' })).toHaveFocus();
    expect(screen.getByRole('dialog', { name: 'Room and settings' })).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByRole('main')).toHaveAttribute('inert');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('main')).not.toHaveAttribute('inert');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
  });

  it('opens the conversations as a drawer of its own, closing with Escape and returning focus', async () => {
    const { user } = renderApp();
    const toggle = screen.getByRole('button', { name: 'Conversations' });
    await user.click(toggle);
    const drawer = screen.getByRole('dialog', { name: 'Conversations' });
    expect(within(drawer).getByRole('navigation', { name: 'Conversations' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close conversations' })).toHaveFocus();
    expect(screen.getByRole('main')).toHaveAttribute('inert');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(toggle).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Panels' }));
    expect(screen.getByRole('dialog', { name: 'Room and settings' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Conversations' })).toBeNull();
  });

  it('shows the open conversation’s title in the header', async () => {
    const { store } = renderApp();
    const banner = within(screen.getByRole('banner'));
    expect(banner.getByText('Test room')).toBeInTheDocument();
    act(() => void store.getState().rename('Budget questions'));
    expect(banner.getByText('Budget questions')).toBeInTheDocument();
    expect(banner.queryByText('Test room')).toBeNull();
  });

  it('moves between the side panel tabs with the arrow keys', async () => {
    const { user } = renderApp();
    const tabs = within(screen.getByRole('tablist', { name: 'Panels' }));
    expect(tabs.getByRole('tab', { name: 'Room' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Room' })).toBeInTheDocument();
    tabs.getByRole('tab', { name: 'Room' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(tabs.getByRole('tab', { name: 'Events' })).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'Events' })).toBeInTheDocument();
    expect(screen.queryByRole('tabpanel', { name: 'Room' })).toBeNull();
    expect(screen.getByRole('list', { name: 'Event log' })).toBeInTheDocument();
    await user.keyboard('{End}');
    expect(screen.getByRole('tabpanel', { name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export room' })).toBeInTheDocument();
  });
});
