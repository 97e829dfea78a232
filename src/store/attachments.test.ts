import { describe, expect, it } from 'vitest';
import type { ResolvedAttachment } from '../adapters/index.ts';
import { createFacilitatorStore } from './facilitator.ts';
import { memoryAttachmentStorage } from './attachments/storage.ts';
import { visionWarning } from './attachments/resolve.ts';
import { roundOver, scriptedAdapters, seat, testDeps, testRoom } from './testing.ts';

const MB = 1024 * 1024;

function setup() {
  const adapters = scriptedAdapters({});
  const room = {
    ...testRoom([]),
    peers: [seat('gpt', { model: 'gpt-4o' }), seat('mini', { model: 'o3-mini', displayName: 'o3 mini' })],
  };
  const storage = memoryAttachmentStorage();
  const store = createFacilitatorStore({ ...testDeps(adapters.adapterFor, room), attachments: storage });
  return { store, adapters, storage };
}

const text = (name: string, content: string) => new File([content], name, { type: 'text/plain' });
/** A File whose size is reported without holding the bytes (the caps are checked before anything is read). */
const sized = (name: string, type: string, size: number) =>
  Object.defineProperty(new File([''], name, { type }), 'size', { value: size });

describe('attachments through the store', () => {
  it('a sent message carries the pending files; each adapter gets their content, resolved for its model', async () => {
    const { store, adapters } = setup();
    expect(await store.getState().attachFiles([text('notes.txt', 'hello')])).toEqual({ ok: true });
    expect(store.getState().pendingAttachments.map((pending) => pending.ref.name)).toEqual(['notes.txt']);
    expect(store.getState().send('@all read this')).toEqual({ ok: true });
    expect(store.getState().pendingAttachments).toEqual([]);
    const sent = store.getState().messages[store.getState().messageIds[0]!]!;
    expect(sent.attachments?.map((ref) => ref.name)).toEqual(['notes.txt']);
    await roundOver(store);
    const files = adapters.calls[0]!.request.messages.at(-1)!.attachments as ResolvedAttachment[];
    expect(files[0]).toMatchObject({ name: 'notes.txt', kind: 'text', text: 'hello' });
  });

  it('when storage cannot read the files, each turn ends with an error saying so and the round still ends', async () => {
    const adapters = scriptedAdapters({});
    const room = {
      ...testRoom([]),
      peers: [seat('gpt', { model: 'gpt-4o' }), seat('claude', { provider: 'anthropic' })],
    };
    const memory = memoryAttachmentStorage();
    const failing = { save: memory.save, load: () => Promise.reject(new Error('the disk is gone')) };
    const store = createFacilitatorStore({ ...testDeps(adapters.adapterFor, room), attachments: failing });
    await store.getState().attachFiles([text('notes.txt', 'hello')]);
    store.getState().send('@all read this');
    await roundOver(store);
    const replies = store
      .getState()
      .messageIds.map((id) => store.getState().messages[id]!)
      .filter((message) => message.kind === 'peer');
    expect(replies.map((reply) => [reply.status, reply.error?.message])).toEqual([
      ['error', 'The attached files could not be read (the disk is gone).'],
      ['error', 'The attached files could not be read (the disk is gone).'],
    ]);
    expect(adapters.calls).toEqual([]);
  });

  it('the same file attached twice is kept once', async () => {
    const { store } = setup();
    await store.getState().attachFiles([text('a.txt', 'same'), text('b.txt', 'same')]);
    expect(store.getState().pendingAttachments).toHaveLength(1);
  });

  it('refuses a file over its cap, naming it, and adds nothing', async () => {
    const { store } = setup();
    const result = await store.getState().attachFiles([text('ok.txt', 'x'), sized('huge.png', 'image/png', 21 * MB)]);
    expect(result).toEqual({ ok: false, message: '"huge.png" is 21 MB: Images can be at most 20 MB.' });
    expect(store.getState().pendingAttachments).toEqual([]);
  });

  it('counts the files already waiting against the per-message caps', async () => {
    const { store } = setup();
    await store.getState().attachFiles(Array.from({ length: 10 }, (_, index) => text(`${index}.txt`, `${index}`)));
    const result = await store.getState().attachFiles([text('eleven.txt', '11')]);
    expect(result.ok).toBe(false);
    expect(store.getState().pendingAttachments).toHaveLength(10);
  });

  it('a model that cannot see images gets a note naming the file instead', async () => {
    const { store, adapters, storage } = setup();
    const id = 'c'.repeat(64);
    await storage.save({ id, mimeType: 'image/png', size: 3, bytes: new Uint8Array([1, 2, 3]) });
    store.setState({
      pendingAttachments: [
        { ref: { id, name: 'chart.png', mimeType: 'image/png', size: 3, kind: 'image' }, pickedSize: 3 },
      ],
    });
    store.getState().send('@all look');
    await roundOver(store);
    const byModel = Object.fromEntries(
      adapters.calls.map((call) => [call.model, call.request.messages.at(-1)!.attachments as ResolvedAttachment[]]),
    );
    expect(byModel['gpt-4o']![0]).toMatchObject({ data: 'AQID' });
    expect(byModel['o3-mini']![0]).toMatchObject({
      note: '[image attached: chart.png — this model cannot see images]',
    });
    expect(byModel['o3-mini']![0]!.data).toBeUndefined();
  });

  it('the composer warns which peers cannot (or may not) see images', () => {
    expect(
      visionWarning([
        { provider: 'openai', model: 'o3-mini', displayName: 'o3', enabled: true },
        { provider: 'demo', model: 'x', displayName: 'Demo', enabled: true },
        { provider: 'openai-compatible', model: 'llama3', displayName: 'Llama', enabled: true },
        { provider: 'anthropic', model: 'claude-sonnet-4-5', displayName: 'Claude', enabled: true },
      ]),
    ).toBe('o3 and Demo cannot see images; they will get the file name only. Llama may not see images.');
  });
});
