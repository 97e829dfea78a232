/**
 * Attached files in IndexedDB: each stored once under the SHA-256 of its bytes, with a row per conversation that
 * uses it. A file no conversation uses any more (its last one purged) is removed; one stored in the last hour and
 * not yet used is kept, as it may be waiting in the composer.
 */
import type { AttachmentStorage } from '../attachments/storage.ts';
import type { AttachmentRecord, AttachmentUseRecord, MessageRecord, PeerChatDb } from './db.ts';

/** How long a stored file that no message uses yet is kept (it may be in the composer, about to be sent). */
export const UNUSED_ATTACHMENT_GRACE_MS = 60 * 60 * 1000;

/** Stores a file unless the same bytes are already stored. */
export async function putAttachment(db: PeerChatDb, record: AttachmentRecord): Promise<void> {
  await db.transaction('rw', db.attachments, async () => {
    if ((await db.attachments.get(record.id)) === undefined) await db.attachments.put(record);
  });
}

/** The stored files with these ids (those no longer stored are absent from the map). */
export async function getAttachments(db: PeerChatDb, ids: readonly string[]): Promise<Map<string, AttachmentRecord>> {
  const unique = [...new Set(ids)];
  const records = await db.attachments.bulkGet(unique);
  const found = new Map<string, AttachmentRecord>();
  for (const record of records) if (record !== undefined) found.set(record.id, record);
  return found;
}

/** The use rows of messages being saved (one per conversation and file). */
export function attachmentUsesOf(messages: readonly MessageRecord[]): AttachmentUseRecord[] {
  const uses = new Map<string, AttachmentUseRecord>();
  for (const message of messages)
    for (const ref of message.attachments ?? [])
      uses.set(`${ref.id} ${message.conversationId}`, { attachmentId: ref.id, conversationId: message.conversationId });
  return [...uses.values()];
}

/** Removes the files no conversation uses (except those stored within the grace period before `now`). */
export async function sweepAttachments(db: PeerChatDb, now: number): Promise<number> {
  return db.transaction('rw', [db.attachments, db.attachmentUses], async () => {
    const ids = (await db.attachments.toCollection().primaryKeys()) as string[];
    let removed = 0;
    for (const id of ids) {
      const used = await db.attachmentUses.where('[attachmentId+conversationId]').between([id, ''], [id, []]).count();
      if (used > 0) continue;
      const record = await db.attachments.get(id);
      if (record && now - record.storedAt < UNUSED_ATTACHMENT_GRACE_MS) continue;
      await db.attachments.delete(id);
      removed++;
    }
    return removed;
  });
}

/** The store's attachment storage on this database (opened on first use). */
export function databaseAttachmentStorage(db: () => Promise<PeerChatDb>, now: () => number): AttachmentStorage {
  return {
    save: async (file) => putAttachment(await db(), { ...file, storedAt: now() }),
    async load(ids) {
      const records = await getAttachments(await db(), ids);
      return new Map([...records].map(([id, { storedAt: _s, ...file }]) => [id, file]));
    },
  };
}
