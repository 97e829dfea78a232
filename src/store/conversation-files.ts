/**
 * Downloads and uploads of whole conversations: Markdown, PeerChat JSON and the MPLP bundle (a zip), and the
 * import of PeerChat JSON. The formats themselves live in src/formats (loaded on first use; not in the first page).
 * Nothing here reads provider settings, so no file can carry a key.
 */
import { fileStem, savedFromSnapshot } from '../formats/index.ts';
import type { RoomState, SavedConversation } from './types.ts';

export type ConversationFormat = 'markdown' | 'json' | 'mplp';

export interface ConversationFile {
  filename: string;
  mimeType: string;
  data: Uint8Array<ArrayBuffer> | string;
}

/** Builds the file for one format of the open conversation. */
export async function exportConversation(state: RoomState, format: ConversationFormat): Promise<ConversationFile> {
  // A file made before the whole conversation is read would silently leave part of it out.
  if (state.olderMessagesPending || state.eventLogPending)
    throw new Error('it is still being read from storage. Try again in a moment.');
  const formats = await import('../formats/exports.ts');
  const snapshot = formats.snapshotOf(state, { id: state.conversationId, title: state.title });
  const stem = fileStem(state.title, 'conversation');
  switch (format) {
    case 'markdown':
      return { filename: `${stem}.md`, mimeType: 'text/markdown', data: formats.toMarkdown(snapshot) };
    case 'json':
      return {
        filename: `${stem}.peerchat.json`,
        mimeType: 'application/json',
        data: formats.toPeerChatJson(snapshot),
      };
    case 'mplp': {
      const { strToU8, zipSync } = await import('fflate');
      const files = formats.mplpBundleFiles(formats.toMplpBundle(snapshot));
      const zip = zipSync(Object.fromEntries(files.map((file) => [`${stem}-mplp/${file.name}`, strToU8(file.text)])));
      // fflate allocates a fresh ArrayBuffer for the zip, so it can go straight into a Blob.
      return { filename: `${stem}.mplp.zip`, mimeType: 'application/zip', data: zip as Uint8Array<ArrayBuffer> };
    }
  }
}

/**
 * Reads a PeerChat JSON file. A bad file gets one clear message naming the first bad field, and changes nothing.
 * The conversation gets a new id when one of that id is already stored, so an import never overwrites.
 */
export async function parseConversationFile(
  text: string,
  idTaken: (id: string) => Promise<boolean>,
  newId: () => string,
): Promise<{ ok: true; saved: SavedConversation } | { ok: false; message: string }> {
  const { parsePeerChatJson } = await import('../formats/exports.ts');
  const parsed = parsePeerChatJson(text);
  if (!parsed.ok) return parsed;
  const id = (await idTaken(parsed.snapshot.id)) ? newId() : parsed.snapshot.id;
  return { ok: true, saved: savedFromSnapshot(parsed.snapshot, id) };
}
