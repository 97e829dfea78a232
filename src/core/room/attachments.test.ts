import { describe, expect, it } from 'vitest';
import { attachmentLimitProblem, ATTACHMENT_LIMITS } from '../domain/attachments.ts';
import { roomEventProblem, type RoomEvent } from './events.ts';
import { emptyProjection, reduceRoom } from './reduce.ts';
import type { RoomData } from './types.ts';

const room: RoomData = {
  name: 'Room',
  human: { kind: 'human', id: 'human', handle: 'you', aliases: [], displayName: 'You' },
  peers: [],
  modeId: 'collaborative',
  customModes: [],
  limits: {},
  seed: 1,
};
const image = { id: 'ab'.repeat(32), name: 'chart.png', mimeType: 'image/png', size: 100, kind: 'image' as const };
const message = (fields: Record<string, unknown>) => ({
  type: 'human-message',
  id: 'e2',
  lamport: 2,
  at: 2,
  messageId: 'm1',
  text: 'see',
  ...fields,
});

describe('human messages with attachments', () => {
  it('are accepted with valid references, even without text', () => {
    expect(roomEventProblem(message({ attachments: [image] }), 1)).toBeNull();
    expect(roomEventProblem(message({ text: '', attachments: [image] }), 1)).toBeNull();
    expect(roomEventProblem(message({ text: '' }), 1)).toMatch(/"text"/);
  });

  it.each([
    [{ ...image, id: 'not-a-hash' }, 'attachments[0].id'],
    [{ ...image, kind: 'video' }, 'attachments[0].kind'],
    [{ ...image, size: -1 }, 'attachments[0].size'],
    [{ ...image, name: ' ' }, 'attachments[0].name'],
    [{ ...image, width: 0 }, 'attachments[0].width'],
  ])('refuse a bad reference (%j)', (ref, field) => {
    expect(roomEventProblem(message({ attachments: [ref] }), 1)).toContain(`"${field}"`);
  });

  it('refuse more files than a message can carry', () => {
    const many = Array.from({ length: ATTACHMENT_LIMITS.maxFilesPerMessage + 1 }, () => image);
    expect(roomEventProblem(message({ attachments: many }), 1)).toContain('"attachments"');
  });

  it('put the references on the transcript message', () => {
    const start = { type: 'conversation-started', conversationId: 'c', title: 'T', room, id: 'e1', lamport: 1, at: 1 };
    const state = emptyProjection(start as Extract<RoomEvent, { type: 'conversation-started' }>);
    const step = reduceRoom(state, message({ attachments: [image] }) as RoomEvent);
    expect(step.state.messages.m1?.attachments).toEqual([image]);
  });
});

describe('attachment limits', () => {
  const MB = 1024 * 1024;
  it('name the file and the cap it is over', () => {
    expect(attachmentLimitProblem([{ name: 'big.png', size: 21 * MB, kind: 'image' }])).toBe(
      '"big.png" is 21 MB: Images can be at most 20 MB.',
    );
    expect(attachmentLimitProblem([{ name: 'a.txt', size: 2 * MB, kind: 'text' }])).toContain('at most 1 MB');
    expect(attachmentLimitProblem([{ name: 'doc.pdf', size: 32 * MB, kind: 'pdf' }])).toBeNull();
  });

  it('cap the number of files and their total size per message', () => {
    const file = (size: number) => ({ name: 'x.pdf', size, kind: 'pdf' as const });
    expect(attachmentLimitProblem(Array.from({ length: 11 }, () => file(1)))).toContain('at most 10');
    expect(attachmentLimitProblem([file(30 * MB), file(25 * MB)])).toContain('at most 50 MB in all');
    expect(attachmentLimitProblem([file(25 * MB), file(25 * MB)])).toBeNull();
  });
});
