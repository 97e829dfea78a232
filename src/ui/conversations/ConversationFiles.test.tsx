// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportConversation } from '../../store/index.ts';
import { renderWithLibrary } from '../test-utils.tsx';
import { ConversationFiles } from './ConversationFiles.tsx';

afterEach(() => vi.restoreAllMocks());

/** The file formats load on first use; a cold load in a busy test run can take a few seconds. */
const LOADING = { timeout: 10_000 };

/** Stubs the object URL and the link click, recording each download's blob and file name. */
function captureDownloads() {
  const downloads: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test-${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.getAttribute('href')!)! });
  });
  return downloads;
}

const jsonFile = (text: string, name = 'conversation.peerchat.json') =>
  new File([text], name, { type: 'application/json' });

describe('ConversationFiles', () => {
  it('downloads the open conversation as Markdown, PeerChat JSON and an MPLP zip, named after its title', async () => {
    const { store, user, talk } = renderWithLibrary(<ConversationFiles />);
    store.getState().setProvider('openai', { apiKey: 'sk-never-in-a-file' });
    await talk('@claude hello there');
    act(() => void store.getState().rename('Greetings!'));
    const downloads = captureDownloads();

    await user.click(screen.getByRole('button', { name: 'Export Markdown' }));
    await waitFor(() => expect(downloads).toHaveLength(1), LOADING);
    await user.click(screen.getByRole('button', { name: 'Export PeerChat JSON' }));
    await waitFor(() => expect(downloads).toHaveLength(2), LOADING);
    await user.click(screen.getByRole('button', { name: 'Export MPLP bundle' }));
    await waitFor(() => expect(downloads).toHaveLength(3), LOADING);

    expect(downloads.map((download) => download.name)).toEqual([
      'greetings.md',
      'greetings.peerchat.json',
      'greetings.mplp.zip',
    ]);
    const [markdown, json, zip] = downloads.map((download) => download.blob);
    expect(await markdown!.text()).toContain('@claude hello there');
    expect(JSON.parse(await json!.text())).toMatchObject({ conversation: { title: 'Greetings!' } });
    expect(zip!.type).toBe('application/zip');
    for (const blob of [markdown!, json!]) expect(await blob.text()).not.toContain('sk-never-in-a-file');
  });

  it('imports a PeerChat JSON file as a new conversation and opens it', async () => {
    const { store, user, talk } = renderWithLibrary(<ConversationFiles />);
    await talk('@claude remember this');
    act(() => void store.getState().rename('Kept'));
    const file = await exportConversation(store.getState(), 'json');
    const before = store.getState().conversationId;

    await user.upload(screen.getByLabelText('Import conversation'), jsonFile(file.data as string));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Imported “Kept”.'), LOADING);
    expect(store.getState().conversationId).not.toBe(before);
    const texts = store.getState().messageIds.map((id) => store.getState().messages[id]!.text);
    expect(texts[0]).toBe('@claude remember this');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses a bad file with the store’s message and changes nothing', async () => {
    const { store, user, talk } = renderWithLibrary(<ConversationFiles />);
    await talk('@claude hi');
    const before = store.getState().conversationId;
    await user.upload(
      screen.getByLabelText('Import conversation'),
      jsonFile('{"format":"peerchat.conversation","version":99}'),
    );
    expect(await screen.findByRole('alert', {}, LOADING)).toHaveTextContent(/version/i);
    expect(store.getState().conversationId).toBe(before);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
