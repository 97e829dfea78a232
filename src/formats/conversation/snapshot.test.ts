import { describe, expect, expectTypeOf, it } from 'vitest';
import type { TranscriptMessage } from '../../core/index.ts';
import { toMarkdown, type MarkdownOptions } from '../markdown/markdown.ts';
import type { AttachmentSection } from './attachments.ts';
import { toMplpBundle } from '../mplp/bundle.ts';
import { realConversation } from '../testing/real-conversation.ts';
import { toPeerChatJson } from './peerchat-json.ts';
import { savedFromSnapshot, snapshotOf, type ConversationSnapshot, type SnapshotSource } from './snapshot.ts';

describe('no export can see a key', () => {
  it('the exports take only a snapshot, and a snapshot has no provider settings (checked by tsc)', () => {
    // Besides the snapshot, only where attached files are (paths) and their bytes: nothing of the providers.
    expectTypeOf(toMarkdown).parameters.toEqualTypeOf<[ConversationSnapshot, MarkdownOptions?]>();
    expectTypeOf(toMplpBundle).parameters.toEqualTypeOf<[ConversationSnapshot]>();
    expectTypeOf(toPeerChatJson).parameter(0).toEqualTypeOf<ConversationSnapshot>();
    expectTypeOf(toPeerChatJson)
      .parameter(1)
      .toEqualTypeOf<{ exportedAt?: number; attachments?: AttachmentSection } | undefined>();
    expectTypeOf<ConversationSnapshot>().not.toHaveProperty('providers');
    expectTypeOf<ConversationSnapshot['room']>().not.toHaveProperty('providers');
    expectTypeOf<ConversationSnapshot['room']['peers'][number]>().not.toHaveProperty('apiKey');
  });
});

/** The state a snapshot was taken from, rebuilt: the transcript by id, plus another version off the path. */
function sourceOf(snapshot: ConversationSnapshot, extra: TranscriptMessage[] = []): SnapshotSource {
  const messages = [...snapshot.messages, ...extra];
  return {
    ...snapshot.room,
    messageIds: snapshot.messages.map((message) => message.id),
    messages: Object.fromEntries(messages.map((message) => [message.id, { ...message, retrying: undefined }])),
    events: snapshot.events,
  };
}

describe('snapshotOf', () => {
  it('gives back the snapshot its source came from, with undefined fields dropped', () => {
    const snapshot = realConversation();
    const again = snapshotOf(sourceOf(snapshot), { id: snapshot.id, title: snapshot.title });
    expect(again).toStrictEqual(snapshot);
  });

  it('puts messages off the transcript path into otherVersions, oldest first', () => {
    const snapshot = realConversation();
    const first = snapshot.messages[0]!;
    const later = { ...first, id: 'edit-2', createdAt: first.createdAt + 2 };
    const earlier = { ...first, id: 'edit-1', createdAt: first.createdAt + 1 };
    const taken = snapshotOf(sourceOf(snapshot, [later, earlier]), { id: 'x' });
    expect(taken.otherVersions?.map((message) => message.id)).toEqual(['edit-1', 'edit-2']);
    expect(taken.messages).toStrictEqual(snapshot.messages);
  });
});

describe('savedFromSnapshot', () => {
  it('stores the conversation under the id given, with a fresh arbiter and the log’s last round end', () => {
    const snapshot = realConversation();
    const saved = savedFromSnapshot(snapshot, 'new-id');
    expect(saved).toMatchObject({ id: 'new-id', title: snapshot.title, room: snapshot.room, arbiter: null });
    expect(saved.events).toBe(snapshot.events);
    const lastEnd = snapshot.events.findLast((event) => event.type === 'round-ended');
    expect(saved.lastRoundEnd).toEqual(lastEnd?.type === 'round-ended' ? lastEnd.reason : null);
    expect(savedFromSnapshot({ ...snapshot, events: [] }, 'x').lastRoundEnd).toBeNull();
  });
});
