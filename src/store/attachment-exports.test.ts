import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { attachmentPaths } from '../formats/exports.ts';
import { memoryAttachmentStorage } from './attachments/storage.ts';
import { exportConversation, parseConversationFile } from './conversation-files.ts';
import { createFacilitatorStore } from './facilitator.ts';
import { roundOver, scriptedAdapters, testDeps } from './testing.ts';

async function conversationWithFiles() {
  const storage = memoryAttachmentStorage();
  const store = createFacilitatorStore({ ...testDeps(scriptedAdapters({}).adapterFor), attachments: storage });
  await store
    .getState()
    .attachFiles([
      new File(['# Notes\nhello'], 'notes.md', { type: 'text/markdown' }),
      new File(['other'], 'a/../notes.md', { type: 'text/plain' }),
    ]);
  store.getState().send('@claude read these');
  await roundOver(store);
  return { store, storage };
}

const notTaken = async () => false;

describe('exports with attachments', () => {
  it('PeerChat JSON carries the bytes by hash, and importing it gives back the same files', async () => {
    const { store, storage } = await conversationWithFiles();
    const file = await exportConversation(store.getState(), 'json', storage);
    const json = JSON.parse(file.data as string) as { attachments: Record<string, { data: string; text: string }> };
    const refs = store.getState().messages[store.getState().messageIds[0]!]!.attachments!;
    expect(Object.keys(json.attachments).sort()).toEqual(refs.map((ref) => ref.id).sort());
    expect(json.attachments[refs[0]!.id]).toMatchObject({ text: '# Notes\nhello' });

    const parsed = await parseConversationFile(file.data as string, notTaken, () => 'new');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.saved.messages[0]!.attachments).toEqual(refs);
    const original = await storage.load(refs.map((ref) => ref.id));
    for (const restored of parsed.files) expect(restored.bytes).toEqual(original.get(restored.id)!.bytes);
  });

  it('refuses an import whose bytes do not match their hash, and one whose section is malformed', async () => {
    const { store, storage } = await conversationWithFiles();
    const json = JSON.parse((await exportConversation(store.getState(), 'json', storage)).data as string);
    const id = Object.keys(json.attachments)[0]!;
    json.attachments[id].data = btoa('tampered');
    json.attachments[id].size = 8;
    const tampered = await parseConversationFile(JSON.stringify(json), notTaken, () => 'x');
    expect(tampered).toEqual({
      ok: false,
      message: `Conversation file refused — attachments.${id}: the bytes do not match their hash.`,
    });
    json.attachments = { 'not-a-hash': json.attachments[id] };
    const malformed = await parseConversationFile(JSON.stringify(json), notTaken, () => 'x');
    expect(malformed.ok === false && malformed.message).toContain('attachments.not-a-hash');
  });

  it('Markdown becomes a zip: conversation.md linking attachments/<name>, the files beside it', async () => {
    const { store, storage } = await conversationWithFiles();
    const file = await exportConversation(store.getState(), 'markdown', storage);
    expect(file.filename).toMatch(/\.md\.zip$/);
    const zip = unzipSync(file.data as Uint8Array);
    expect(Object.keys(zip).sort()).toEqual(['attachments/a_.._notes.md', 'attachments/notes.md', 'conversation.md']);
    expect(strFromU8(zip['attachments/notes.md']!)).toBe('# Notes\nhello');
    expect(strFromU8(zip['conversation.md']!)).toContain(
      '**Attached:** [notes.md](<attachments/notes.md>) · [a/../notes.md](<attachments/a_.._notes.md>)',
    );
  });

  it('names files uniquely and safely inside the zip', () => {
    const ref = (id: string, name: string) => ({ id, name, mimeType: 'text/plain', size: 1, kind: 'text' as const });
    expect([...attachmentPaths([ref('1', 'a.txt'), ref('2', 'A.txt'), ref('3', '../../etc/passwd')]).values()]).toEqual(
      ['attachments/a.txt', 'attachments/A (2).txt', 'attachments/__.._etc_passwd'],
    );
  });
});
