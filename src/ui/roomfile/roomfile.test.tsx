// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithRoom } from '../test-utils.tsx';
import { ExportRoom, exportFileName } from './ExportRoom.tsx';
import { ImportRoom } from './ImportRoom.tsx';

afterEach(() => vi.restoreAllMocks());

const ROOM = JSON.stringify({
  format: 'peerchat.room',
  version: 1,
  name: 'Design review',
  mode: 'adversarial',
  peers: [
    { handle: 'alpha', name: 'Alpha', provider: 'openai', model: 'gpt-4o', apiKey: 'sk-alpha' },
    { handle: 'beta', name: 'Beta', provider: 'anthropic', model: 'claude-sonnet-4-6' },
  ],
});

const file = (json: string, name = 'room.json') => new File([json], name, { type: 'application/json' });

describe('ImportRoom', () => {
  it('replaces the room, keys included, after confirmation', async () => {
    const { store, user } = renderWithRoom(<ImportRoom />);
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    await user.upload(screen.getByLabelText('Import room'), file(ROOM));
    expect(confirm).toHaveBeenCalledWith('Replace the current room with “Design review”?');
    await waitFor(() => expect(store.getState().name).toBe('Design review'));
    expect(store.getState().modeId).toBe('adversarial');
    expect(store.getState().peers.map((peer) => peer.handle)).toEqual(['alpha', 'beta']);
    expect(store.getState().providers.openai?.apiKey).toBe('sk-alpha');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the room when the human cancels', async () => {
    const { store, user } = renderWithRoom(<ImportRoom />);
    vi.spyOn(window, 'confirm').mockReturnValue(false);
    await user.upload(screen.getByLabelText('Import room'), file(ROOM));
    expect(store.getState().name).toBe('Test room');
  });

  it('says clearly why a file was refused, and changes nothing', async () => {
    const { store, user } = renderWithRoom(<ImportRoom />);
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const bad = JSON.stringify({ ...JSON.parse(ROOM), colour: 'red' });
    await user.upload(screen.getByLabelText('Import room'), file(bad));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Room file refused/);
    expect(store.getState().name).toBe('Test room');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the file in the confirmation when it has no readable name', async () => {
    const { user } = renderWithRoom(<ImportRoom />);
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    await user.upload(screen.getByLabelText('Import room'), file('not json', 'notes.json'));
    expect(confirm).toHaveBeenCalledWith('Replace the current room with “notes.json”?');
  });
});

describe('ExportRoom', () => {
  function captureDownload() {
    const blobs: Blob[] = [];
    const names: string[] = [];
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:room';
      }),
      revokeObjectURL: vi.fn(),
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    return { blobs, names };
  }

  it('downloads the room without keys unless asked', async () => {
    const { store, user } = renderWithRoom(<ExportRoom />);
    store.getState().setProvider('openai', { apiKey: 'sk-secret' });
    const { blobs, names } = captureDownload();
    expect(screen.getByRole('checkbox', { name: 'Include API keys' })).not.toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Export room' }));
    expect(names).toEqual(['test-room.peerchat-room.json']);
    const plain = await blobs[0]!.text();
    expect(JSON.parse(plain)).toMatchObject({ format: 'peerchat.room', name: 'Test room' });
    expect(plain).not.toContain('sk-secret');

    await user.click(screen.getByRole('checkbox', { name: 'Include API keys' }));
    await user.click(screen.getByRole('button', { name: 'Export room' }));
    expect(await blobs[1]!.text()).toContain('sk-secret');
  });

  it('makes a file name from the room name', () => {
    expect(exportFileName('Design review: v2!')).toBe('design-review-v2.peerchat-room.json');
    expect(exportFileName('***')).toBe('room.peerchat-room.json');
  });
});
