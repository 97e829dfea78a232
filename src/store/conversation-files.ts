/**
 * Downloads and uploads of whole conversations: Markdown, PeerChat JSON and the MPLP bundle (a zip), and the
 * import of PeerChat JSON. The formats themselves live in src/formats (loaded on first use; not in the first page).
 * Nothing here reads provider settings, so no file can carry a key.
 */
import { fileStem, savedFromSnapshot } from '../formats/index.ts';
import type { AttachmentSection } from '../formats/exports.ts';
import { sha256Hex } from './attachments/prepare.ts';
import { fromBase64, toBase64, type AttachmentStorage, type StoredAttachment } from './attachments/storage.ts';
import type { RoomState, SavedConversation } from './types.ts';

function attachmentSection(stored: ReadonlyMap<string, StoredAttachment>): AttachmentSection {
  const section: AttachmentSection = {};
  for (const [id, file] of stored) {
    section[id] = { mimeType: file.mimeType, size: file.size, data: toBase64(file.bytes) };
    if (file.text !== undefined) section[id].text = file.text;
  }
  return section;
}

export type ConversationFormat = 'markdown' | 'json' | 'mplp';

export interface ConversationFile {
  filename: string;
  mimeType: string;
  data: Uint8Array<ArrayBuffer> | string;
}

/**
 * Builds the file for one format of the open conversation. Attached files come from `storage`: base64 in PeerChat
 * JSON, and beside `conversation.md` in a zip for Markdown (a conversation without files stays one `.md`).
 */
export async function exportConversation(
  state: RoomState,
  format: ConversationFormat,
  storage?: AttachmentStorage,
): Promise<ConversationFile> {
  // A file made before the whole conversation is read would silently leave part of it out.
  if (state.olderMessagesPending || state.eventLogPending)
    throw new Error('it is still being read from storage. Try again in a moment.');
  const formats = await import('../formats/exports.ts');
  const snapshot = formats.snapshotOf(state, { id: state.conversationId, title: state.title });
  const stem = fileStem(state.title, 'conversation');
  const refs = formats.attachmentRefsOf(snapshot);
  const stored = refs.length > 0 && storage ? await storage.load(refs.map((ref) => ref.id)) : new Map();
  switch (format) {
    case 'markdown': {
      if (refs.length === 0)
        return { filename: `${stem}.md`, mimeType: 'text/markdown', data: formats.toMarkdown(snapshot) };
      const paths = formats.attachmentPaths(refs.filter((ref) => stored.has(ref.id)));
      const { strToU8, zipSync } = await import('fflate');
      const files: Record<string, Uint8Array> = {
        'conversation.md': strToU8(formats.toMarkdown(snapshot, { attachmentPaths: paths })),
      };
      for (const [id, path] of paths) files[path] = (stored.get(id) as StoredAttachment).bytes;
      const zip = zipSync(files);
      return { filename: `${stem}.md.zip`, mimeType: 'application/zip', data: zip as Uint8Array<ArrayBuffer> };
    }
    case 'json':
      return {
        filename: `${stem}.peerchat.json`,
        mimeType: 'application/json',
        data: formats.toPeerChatJson(snapshot, { attachments: attachmentSection(stored) }),
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
): Promise<{ ok: true; saved: SavedConversation; files: StoredAttachment[] } | { ok: false; message: string }> {
  const { parsePeerChatJson } = await import('../formats/exports.ts');
  const parsed = parsePeerChatJson(text);
  if (!parsed.ok) return parsed;
  const files = await attachmentsFromSection(parsed.attachments);
  if (!Array.isArray(files)) return files;
  const id = (await idTaken(parsed.snapshot.id)) ? newId() : parsed.snapshot.id;
  return { ok: true, saved: savedFromSnapshot(parsed.snapshot, id), files };
}

/** The files of an imported `attachments` section, each checked against its hash (a file that lies is refused). */
async function attachmentsFromSection(
  section: AttachmentSection,
): Promise<StoredAttachment[] | { ok: false; message: string }> {
  const files: StoredAttachment[] = [];
  for (const [id, file] of Object.entries(section)) {
    const bytes = fromBase64(file.data);
    if (bytes.byteLength !== file.size || (await sha256Hex(bytes)) !== id)
      return {
        ok: false,
        message: `Conversation file refused — attachments.${id}: the bytes do not match their hash.`,
      };
    files.push({
      id,
      mimeType: file.mimeType,
      size: file.size,
      bytes,
      ...(file.text !== undefined ? { text: file.text } : {}),
    });
  }
  return files;
}
