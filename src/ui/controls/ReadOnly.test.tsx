// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OTHER_TAB_NOTICE } from '../../store/testing.ts';
import { Composer } from '../composer/Composer.tsx';
import { renderWithRoom } from '../test-utils.tsx';
import { ReadOnlyBanner } from './ReadOnlyBanner.tsx';

describe('a conversation another tab holds', () => {
  it('shows a banner with the reason and rests the composer and Send, saying why', async () => {
    const { store, user } = renderWithRoom(
      <>
        <ReadOnlyBanner />
        <Composer />
      </>,
    );
    const box = screen.getByRole('textbox', { name: 'Message' });
    const send = screen.getByRole('button', { name: 'Send' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(box).toBeEnabled();
    expect(send).toBeEnabled();

    act(() => store.setState({ readOnlyReason: OTHER_TAB_NOTICE }));
    expect(screen.getByRole('alert')).toHaveTextContent(`Read-only here. ${OTHER_TAB_NOTICE}`);
    expect(box).toBeDisabled();
    expect(send).toBeDisabled();
    expect(box).toHaveAccessibleDescription(expect.stringContaining(OTHER_TAB_NOTICE));
    expect(send).toHaveAccessibleDescription(OTHER_TAB_NOTICE);
    await user.type(box, 'hello{Enter}');
    expect(store.getState().messageIds).toEqual([]);

    act(() => store.setState({ readOnlyReason: null }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(box).toBeEnabled();
    expect(send).toBeEnabled();
  });
});
