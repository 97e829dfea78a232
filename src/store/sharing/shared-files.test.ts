import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { memoryAttachmentStorage } from '../attachments/storage.ts';
import { fileUrl, remoteFiles, sharedFileStorage, type RemoteFiles } from './shared-files.ts';

const address = { serverUrl: 'wss://chat.example.org/sync', roomId: 'room-1', secret: 's' };
const identity = { memberId: 'bo', memberKey: 'bo-key', name: 'Bo' };
const bytesOf = (text: string) => new TextEncoder().encode(text);
const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A fetch that answers every request with `response` and notes what it was asked. */
function fakeFetch(response: () => Response) {
  const asked: { url: string; init: RequestInit | undefined }[] = [];
  const fetchFile = (async (url: string, init?: RequestInit) => {
    asked.push({ url, init });
    return response();
  }) as typeof fetch;
  return { fetchFile, asked };
}

describe('files of a shared room, from the browser', () => {
  it('live next to the sync endpoint, over http(s) for ws(s)', () => {
    expect(fileUrl(address.serverUrl, 'room-1', 'abc')).toBe('https://chat.example.org/sync/files/room-1/abc');
    expect(fileUrl('ws://10.0.0.2:4173/sync/', 'r', 'x')).toBe('http://10.0.0.2:4173/sync/files/r/x');
  });

  it('keeps a fetched file only when its bytes hash to its name, and reads its text', async () => {
    const notes = bytesOf('Ship on Friday.');
    const good = fakeFetch(() => new Response(notes, { headers: { 'x-peerchat-type': 'text/plain' } }));
    const file = await remoteFiles(address, identity, good.fetchFile).download(hashOf(notes));
    expect(file).toEqual({
      id: hashOf(notes),
      mimeType: 'text/plain',
      size: notes.byteLength,
      bytes: notes,
      text: 'Ship on Friday.',
    });
    expect(good.asked[0]!.init?.headers).toEqual({ authorization: 'Bearer bo-key', 'x-peerchat-member': 'bo' });

    const forged = fakeFetch(() => new Response(bytesOf('Ship on Monday.')));
    expect(await remoteFiles(address, identity, forged.fetchFile).download(hashOf(notes))).toBeNull();
    const missing = fakeFetch(() => new Response('This room has no such file.', { status: 404 }));
    expect(await remoteFiles(address, identity, missing.fetchFile).download(hashOf(notes))).toBeNull();
  });

  it('says why the server did not take a file', async () => {
    const refused = fakeFetch(() => new Response("This room's files may take at most 1500 bytes.", { status: 413 }));
    const notes = bytesOf('x');
    await expect(
      remoteFiles(address, identity, refused.fetchFile).upload({
        id: hashOf(notes),
        mimeType: 'text/plain',
        size: 1,
        bytes: notes,
      }),
    ).rejects.toThrow("The room's server did not take the file: This room's files may take at most 1500 bytes.");
  });

  it('stores here and uploads while shared; fetches only what is missing here, once', async () => {
    const local = memoryAttachmentStorage();
    const uploaded: string[] = [];
    const fetched: string[] = [];
    const remote: RemoteFiles = {
      upload: async (file) => void uploaded.push(file.id),
      download: async (id) => {
        fetched.push(id);
        return id === 'theirs' ? { id, mimeType: 'text/plain', size: 1, bytes: bytesOf('t') } : null;
      },
    };
    let shared: RemoteFiles | null = null;
    const storage = sharedFileStorage(local, () => shared);
    await storage.save({ id: 'mine', mimeType: 'text/plain', size: 1, bytes: bytesOf('m') });
    expect(uploaded).toEqual([]); // a room of one uploads nothing
    shared = remote;
    await storage.save({ id: 'mine-too', mimeType: 'text/plain', size: 1, bytes: bytesOf('n') });
    expect(uploaded).toEqual(['mine-too']);
    expect([...(await storage.load(['mine', 'theirs', 'gone'])).keys()]).toEqual(['mine', 'theirs']);
    expect([...(await storage.load(['theirs'])).keys()]).toEqual(['theirs']);
    expect(fetched).toEqual(['theirs', 'gone']); // the second time, "theirs" is here
  });
});
