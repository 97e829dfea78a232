// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seat, testRoom } from '../../store/testing.ts';
import { Composer } from '../composer/Composer.tsx';
import { renderWithRoom } from '../test-utils.tsx';

const picker = () => screen.getByLabelText('Attach files');
const pending = () => screen.getByRole('list', { name: 'Files to send' });

describe('attaching files in the composer', () => {
  it('shows a chip per file with a remove button, and sends the rest with the message', async () => {
    const { store, user, done } = renderWithRoom(<Composer />);
    await user.upload(picker(), [
      new File(['one'], 'one.txt', { type: 'text/plain' }),
      new File(['two'], 'two.md', { type: 'text/markdown' }),
    ]);
    expect(await within(pending()).findByText('two.md')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove one.txt' }));
    expect(within(pending()).queryByText('one.txt')).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), '@claude see attached{Enter}');
    await done();
    const sent = store.getState().messages[store.getState().messageIds[0]!]!;
    expect(sent.attachments?.map((file) => file.name)).toEqual(['two.md']);
    expect(screen.queryByRole('list', { name: 'Files to send' })).not.toBeInTheDocument();
  });

  it('says which file was refused and why, attaching nothing', async () => {
    const { store, user } = renderWithRoom(<Composer />);
    await user.upload(picker(), new File([new Uint8Array(1024 * 1024 + 1)], 'big.log', { type: 'text/plain' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('"big.log" is 1.0 MB: Text files can be at most 1 MB.');
    expect(store.getState().pendingAttachments).toEqual([]);
  });

  it('warns before sending an image that a peer cannot see it', () => {
    const room = {
      ...testRoom(['claude']),
      peers: [seat('claude'), seat('mini', { model: 'o3-mini', displayName: 'Mini' })],
    };
    const { store } = renderWithRoom(<Composer />, { room });
    const image = { id: 'e'.repeat(64), name: 'chart.png', mimeType: 'image/png', size: 9, kind: 'image' as const };
    act(() => store.setState({ pendingAttachments: [{ ref: image, pickedSize: 9 }] }));
    expect(screen.getByText('Mini cannot see images; it will get the file name only.')).toBeInTheDocument();
  });
});
