import { describe, expect, it } from 'vitest';
import { humanMessage, peerMessage } from '../test-utils.tsx';
import { versionCount, versionIndex, versionsIn } from './versions.ts';

const messages = {
  h1: { ...humanMessage('h1', 'first'), createdAt: 1 },
  h2: { ...humanMessage('h2', 'second'), createdAt: 2 },
  h3: { ...humanMessage('h3', 'third'), createdAt: 3 },
  p1: peerMessage('p1', 'id-claude', { parentId: 'h2', createdAt: 4 }),
};

describe('versions', () => {
  it('counts and places a message among its versions', () => {
    const state = { messageIds: ['h2', 'p1'], messages };
    expect(versionsIn(state, 'h2')).toEqual(['h1', 'h2', 'h3']);
    expect(versionCount(state, 'h2')).toBe(3);
    expect(versionIndex(state, 'h2')).toBe(1);
    expect(versionCount(state, 'p1')).toBe(1);
    expect(versionIndex(state, 'p1')).toBe(0);
  });

  it('works them out once per path: a streamed token (new messages object, same path) reuses them', () => {
    const messageIds = ['h2', 'p1'];
    const before = versionsIn({ messageIds, messages }, 'h2');
    const afterToken = { ...messages, p1: { ...messages.p1, text: 'more' } };
    expect(versionsIn({ messageIds, messages: afterToken }, 'h2')).toBe(before);
    expect(versionsIn({ messageIds: [...messageIds], messages: afterToken }, 'h2')).not.toBe(before);
  });

  it('works them out again once the older messages of a conversation opened newest first are in (same path)', () => {
    const messageIds = ['h2', 'p1'];
    const opening = { messageIds, messages: { h2: messages.h2, p1: messages.p1 }, olderMessagesPending: true };
    expect(versionCount(opening, 'h2')).toBe(1);
    expect(versionCount({ messageIds, messages, olderMessagesPending: false }, 'h2')).toBe(3);
  });
});
