/**
 * Downloads and uploads of whole conversations: Markdown, PeerChat JSON and the MPLP bundle (a zip), and the
 * import of PeerChat JSON. The formats themselves live in ./export (loaded on first use; not in the first page).
 * Nothing here reads provider settings, so no file can carry a key.
 */
import type { CoreEvent, RoundEndReason } from '../core/index.ts';
import type { ConversationSnapshot } from './export/snapshot.ts';
import type { RoomState, SavedConversation } from './types.ts';
import { fileStem } from './file-names.ts';

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
  const formats = await import('./export/index.ts');
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

/** The last round end the log records (what the transcript shows under its last round). */
function lastRoundEndOf(events: readonly CoreEvent[]): RoundEndReason | null {
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index];
    if (event?.type === 'round-ended') return event.reason;
  }
  return null;
}

/** A stored conversation from an imported snapshot; the arbiter restarts from the room, after the log's clock. */
export function savedFromSnapshot(snapshot: ConversationSnapshot, id: string): SavedConversation {
  return {
    id,
    title: snapshot.title,
    room: snapshot.room,
    messages: snapshot.messages,
    ...(snapshot.otherVersions ? { otherVersions: snapshot.otherVersions } : {}),
    events: snapshot.events,
    arbiter: null,
    lastRoundEnd: lastRoundEndOf(snapshot.events),
  };
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
  const { parsePeerChatJson } = await import('./export/index.ts');
  const parsed = parsePeerChatJson(text);
  if (!parsed.ok) return parsed;
  const id = (await idTaken(parsed.snapshot.id)) ? newId() : parsed.snapshot.id;
  return { ok: true, saved: savedFromSnapshot(parsed.snapshot, id) };
}
