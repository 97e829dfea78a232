import { describe, expect, it } from 'vitest';
import { CONVERSATION_START_CUE, historyMessagesFor, mergeSameRole, SPEAK_AGAIN_CUE } from './role-mapping.ts';
import type { HistoryCut } from './budget-cut.ts';
import type { HistoryEntry } from './shared-history.ts';

const entry = (authorId: string, text: string): HistoryEntry => ({
  messageId: `${authorId}:${text}`,
  authorId,
  kind: authorId === 'human' ? 'human' : 'peer',
  header: `[@${authorId} (${authorId.toUpperCase()})]:`,
  text,
  cost: 1,
});
const cut = (kept: HistoryEntry[], omitted = 0): HistoryCut => ({ kept, omitted, usedTokens: 0, overflow: false });

describe('historyMessagesFor', () => {
  it('maps own messages to assistant and attributes everyone else as user, merging runs', () => {
    const messages = historyMessagesFor(
      'a',
      cut([entry('human', 'q'), entry('b', 'x'), entry('a', 'mine'), entry('b', 'y')]),
    );
    expect(messages).toEqual([
      { role: 'user', content: '[@human (HUMAN)]:\nq\n\n[@b (B)]:\nx' },
      { role: 'assistant', content: 'mine' },
      { role: 'user', content: '[@b (B)]:\ny' },
    ]);
  });

  it('puts the omitted marker first', () => {
    const messages = historyMessagesFor('a', cut([entry('human', 'q')], 3));
    expect(messages).toEqual([
      { role: 'user', content: '[3 earlier messages omitted to fit the context window]\n\n[@human (HUMAN)]:\nq' },
    ]);
  });

  it('starts with user and ends with user even around own messages', () => {
    const messages = historyMessagesFor('a', cut([entry('a', 'first'), entry('a', 'second')]));
    expect(messages).toEqual([
      { role: 'user', content: CONVERSATION_START_CUE },
      { role: 'assistant', content: 'first\n\nsecond' },
      { role: 'user', content: SPEAK_AGAIN_CUE },
    ]);
  });

  it('never returns an empty list', () => {
    expect(historyMessagesFor('a', cut([]))).toEqual([{ role: 'user', content: CONVERSATION_START_CUE }]);
  });
});

describe('mergeSameRole', () => {
  it('merges only consecutive same roles', () => {
    expect(
      mergeSameRole([
        { role: 'user', content: '1' },
        { role: 'user', content: '2' },
        { role: 'assistant', content: '3' },
        { role: 'user', content: '4' },
      ]),
    ).toEqual([
      { role: 'user', content: '1\n\n2' },
      { role: 'assistant', content: '3' },
      { role: 'user', content: '4' },
    ]);
  });
});

describe('attachments through the role mapping', () => {
  const image = { id: 'a'.repeat(64), name: 'chart.png', mimeType: 'image/png', size: 10, kind: 'image' as const };
  const notes = { id: 'b'.repeat(64), name: 'notes.txt', mimeType: 'text/plain', size: 5, kind: 'text' as const };

  it('keeps every attachment, in order, when consecutive messages are merged', () => {
    expect(
      mergeSameRole([
        { role: 'user', content: '1', attachments: [image] },
        { role: 'user', content: '2' },
        { role: 'user', content: '3', attachments: [notes] },
        { role: 'assistant', content: '4' },
      ]),
    ).toEqual([
      { role: 'user', content: '1\n\n2\n\n3', attachments: [image, notes] },
      { role: 'assistant', content: '4' },
    ]);
  });

  it('carries a human message’s files to the user message of every peer', () => {
    const withFiles: HistoryEntry = { ...entry('human', 'look'), attachments: [image, notes] };
    const messages = historyMessagesFor('a', cut([entry('b', 'x'), withFiles]));
    expect(messages).toEqual([
      { role: 'user', content: '[@b (B)]:\nx\n\n[@human (HUMAN)]:\nlook', attachments: [image, notes] },
    ]);
  });
});
