import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createFacilitatorStore } from '../facilitator.ts';
import { scriptedAdapters, testDeps } from '../testing.ts';
import { databaseAttachmentStorage, sweepAttachments, UNUSED_ATTACHMENT_GRACE_MS } from './attachments.ts';
import { deleteConversation, duplicateConversation, loadConversation, purgeDeleted } from './conversations.ts';
import { eventually, idle, persistenceFixtures } from './testing.ts';

const { freshDb, autosave } = persistenceFixtures('attachments-test');

function storeOn(db: ReturnType<typeof freshDb>, prefix: string) {
  const deps = testDeps(scriptedAdapters({}).adapterFor);
  let clock = 0;
  const storage = databaseAttachmentStorage(
    async () => db,
    () => clock,
  );
  const store = createFacilitatorStore({ ...deps, newId: () => prefix + deps.newId(), attachments: storage });
  return { store, storage, setClock: (at: number) => (clock = at) };
}

const note = (content: string) => new File([content], 'notes.txt', { type: 'text/plain' });

describe('attachments in IndexedDB', () => {
  it('are stored once by content hash, referenced from messages, and still there when reopened', async () => {
    const db = freshDb();
    const { store, storage } = storeOn(db, 'a-');
    autosave(store, db, { intervalMs: 5 });
    await store.getState().attachFiles([note('kept')]);
    store.getState().send('@claude first');
    await idle(store);
    await store.getState().attachFiles([note('kept')]);
    store.getState().send('@claude again, same file');
    await idle(store);
    expect(await db.attachments.count()).toBe(1);
    const saved = await eventually(async () => {
      const loaded = await loadConversation(db, store.getState().conversationId);
      expect(loaded?.messages.filter((message) => message.attachments)).toHaveLength(2);
      return loaded!;
    });
    const ref = saved.messages[0]!.attachments![0]!;
    expect((await storage.load([ref.id])).get(ref.id)?.text).toBe('kept');
  });

  it('deleting a conversation frees the files no other conversation uses', async () => {
    const db = freshDb();
    const { store, setClock } = storeOn(db, 'b-');
    autosave(store, db, { intervalMs: 5 });
    await store.getState().attachFiles([note('shared')]);
    store.getState().send('@claude one');
    await idle(store);
    const first = store.getState().conversationId;
    await eventually(async () => expect(await db.attachmentUses.count()).toBe(1));
    await duplicateConversation(db, first, { id: 'copy', title: 'Copy', at: 5 });
    expect(await db.attachmentUses.count()).toBe(2);

    setClock(UNUSED_ATTACHMENT_GRACE_MS * 3);
    await deleteConversation(db, first, 10);
    await purgeDeleted(db, UNUSED_ATTACHMENT_GRACE_MS * 2);
    expect(await db.attachments.count()).toBe(1);
    await deleteConversation(db, 'copy', 10);
    await purgeDeleted(db, UNUSED_ATTACHMENT_GRACE_MS * 2);
    expect(await db.attachments.count()).toBe(0);
  });

  it('keeps a file not yet sent for a while (it may be waiting in the composer)', async () => {
    const db = freshDb();
    const { store } = storeOn(db, 'c-');
    await store.getState().attachFiles([note('waiting')]);
    expect(await sweepAttachments(db, UNUSED_ATTACHMENT_GRACE_MS - 1)).toBe(0);
    expect(await sweepAttachments(db, UNUSED_ATTACHMENT_GRACE_MS)).toBe(1);
  });
});
