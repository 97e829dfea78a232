// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appUpdateStore } from '../../store/testing.ts';
import { UpdatePrompt } from './UpdatePrompt.tsx';

describe('the update prompt', () => {
  afterEach(() => act(() => appUpdateStore.setState({ updateReady: false })));

  it('says nothing until a new version is downloaded; then Reload switches to it and Later hides it', async () => {
    const apply = vi.fn();
    render(<UpdatePrompt />);
    expect(screen.queryByText(/new version/)).toBeNull();
    act(() => appUpdateStore.setState({ updateReady: true, apply }));
    expect(screen.getByRole('status')).toHaveTextContent('A new version of PeerChat is ready.');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(apply).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByText(/new version/)).toBeNull();
  });
});
