/**
 * The files attached in a shared room travel through its sync server (`server/files.ts`): a peer's turn runs in its
 * owner's browser, which needs every file of the conversation, whoever attached it. Attaching a file in a shared room
 * stores it here and uploads it; a file this browser does not have is fetched when a turn or the transcript needs it,
 * checked against its name (the SHA-256 of its bytes), and kept here from then on.
 */
import { sha256Hex, textOfFile } from '../attachments/prepare.ts';
import type { AttachmentStorage, StoredAttachment } from '../attachments/storage.ts';
import type { RoomEvent } from '../../core/index.ts';
import type { SharedIdentity, SharedRoomAddress } from './connection.ts';

export interface RemoteFiles {
  /** Uploads a file; rejects with a sentence saying why the server did not take it. */
  upload(file: StoredAttachment): Promise<void>;
  /** The file, or null when the server does not have it (or sent bytes that are not it). */
  download(id: string): Promise<StoredAttachment | null>;
}

/** `ws://host/sync` → `http://host/sync/files/<room>/<id>`: the files live next to the room's sync endpoint. */
export function fileUrl(serverUrl: string, roomId: string, id: string): string {
  const url = new URL(serverUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : url.protocol === 'ws:' ? 'http:' : url.protocol;
  url.pathname = `${url.pathname.replace(/\/$/, '')}/files/${encodeURIComponent(roomId)}/${id}`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

export function remoteFiles(
  address: SharedRoomAddress,
  identity: SharedIdentity,
  fetchFile: typeof fetch = (...args) => fetch(...args),
): RemoteFiles {
  const headers = { authorization: `Bearer ${identity.memberKey}`, 'x-peerchat-member': identity.memberId };
  const urlOf = (id: string) => fileUrl(address.serverUrl, address.roomId, id);
  return {
    async upload(file) {
      const response = await fetchFile(urlOf(file.id), {
        method: 'PUT',
        headers: { ...headers, 'content-type': file.mimeType },
        body: file.bytes as BodyInit,
      }).catch((error: unknown) => {
        throw new Error(`The file could not be shared with the room: ${(error as Error).message}`);
      });
      if (!response.ok)
        throw new Error(`The room's server did not take the file: ${(await response.text()).slice(0, 200)}`);
    },
    async download(id) {
      const response = await fetchFile(urlOf(id), { headers }).catch(() => null);
      if (!response?.ok) return null;
      const bytes = new Uint8Array(await response.arrayBuffer());
      if ((await sha256Hex(bytes)) !== id) return null;
      const mimeType = response.headers.get('x-peerchat-type') ?? 'application/octet-stream';
      const text = await textOfFile(bytes, mimeType);
      return { id, mimeType, size: bytes.byteLength, bytes, ...(text !== undefined ? { text } : {}) };
    },
  };
}

/** This browser's storage, and while a room is shared (`remote()` is not null) the room's server behind it. */
export function sharedFileStorage(local: AttachmentStorage, remote: () => RemoteFiles | null): AttachmentStorage {
  return {
    async save(file) {
      await local.save(file);
      await remote()?.upload(file);
    },
    async load(ids) {
      const found = await local.load(ids);
      const files = remote();
      if (files === null) return found;
      for (const id of new Set(ids)) {
        if (found.has(id)) continue;
        const fetched = await files.download(id);
        if (fetched === null) continue;
        await local.save(fetched);
        found.set(id, fetched);
      }
      return found;
    },
  };
}

/** The files the human messages among `events` refer to (a conversation's history carried into a shared room). */
export function fileIdsOf(events: readonly RoomEvent[]): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    const messages = event.type === 'history-carried' ? event.messages : event.type === 'human-message' ? [event] : [];
    for (const message of messages) for (const ref of message.attachments ?? []) ids.add(ref.id);
  }
  return [...ids];
}

/** Uploads the files with these ids that this browser has; resolves with a sentence for each that could not go. */
export async function uploadFiles(
  ids: readonly string[],
  local: AttachmentStorage,
  remote: RemoteFiles,
): Promise<string[]> {
  const problems: string[] = [];
  for (const file of (await local.load([...new Set(ids)])).values())
    await remote.upload(file).catch((error: unknown) => problems.push((error as Error).message));
  return problems;
}
