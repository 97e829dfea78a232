import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cutHistoryToBudget,
  KEEP_NEWEST_ENTRIES,
  OMITTED_MARKER_TOKENS,
  omittedMarker,
  shortenMiddle,
} from './budget-cut.ts';
import type { HistoryEntry } from './shared-history.ts';

/** Entries with a given kind and cost; ids say which (h = human, p = peer). */
function entries(spec: string, cost = 10): HistoryEntry[] {
  return [...spec].map((kind, i) => ({
    messageId: `${kind}${i}`,
    authorId: kind === 'h' ? 'human' : `peer-${i}`,
    kind: kind === 'h' ? 'human' : 'peer',
    header: '[@x (X)]:',
    text: 'x'.repeat(cost * 4),
    cost,
  }));
}
const ids = (list: readonly HistoryEntry[]): string[] => list.map((entry) => entry.messageId);
const markerCost = OMITTED_MARKER_TOKENS;

describe('cutHistoryToBudget', () => {
  it('keeps everything when it fits', () => {
    const cut = cutHistoryToBudget(entries('hpph'), 40);
    expect(cut).toMatchObject({ omitted: 0, usedTokens: 40, overflow: false });
    expect(ids(cut.kept)).toEqual(['h0', 'p1', 'p2', 'h3']);
  });

  it('drops the oldest peer messages first', () => {
    const cut = cutHistoryToBudget(entries('hpphpp'), 40 + markerCost);
    expect(ids(cut.kept)).toEqual(['h0', 'h3', 'p4', 'p5']);
    expect(cut.omitted).toBe(2);
    expect(cut.usedTokens).toBeLessThanOrEqual(40 + markerCost);
  });

  it('drops human messages last, oldest first, and always keeps the newest turns and latest human message', () => {
    const cut = cutHistoryToBudget(entries('hphphpp'), 30 + markerCost);
    expect(ids(cut.kept)).toEqual(['h4', 'p5', 'p6']);
    expect(cut.omitted).toBe(4);
  });

  it('shortens the newest turns in the middle when even they do not fit', () => {
    const cut = cutHistoryToBudget(entries('hp', 1000), 500);
    expect(cut.overflow).toBe(true);
    expect(cut.kept).toHaveLength(2);
    expect(cut.usedTokens).toBeLessThanOrEqual(500);
    expect(cut.kept[0]?.text).toContain('characters cut to fit the context window');
  });

  it('says how many messages were left out, in one line', () => {
    expect(omittedMarker(1)).toBe('[1 earlier message omitted to fit the context window]');
    expect(omittedMarker(12)).toBe('[12 earlier messages omitted to fit the context window]');
  });

  it('obeys its invariants for any history and budget (property)', () => {
    const spec = fc.array(fc.tuple(fc.constantFrom('h', 'p'), fc.integer({ min: 1, max: 200 })), { maxLength: 40 });
    fc.assert(
      fc.property(spec, fc.integer({ min: 0, max: 3000 }), (items, budget) => {
        const list: HistoryEntry[] = items.map(([kind, cost], i) => ({
          ...entries(kind, cost)[0]!,
          messageId: `${kind}${i}`,
        }));
        const cut = cutHistoryToBudget(list, budget);
        const keptIds = ids(cut.kept);
        // Kept entries are a subsequence, in order.
        const positions = keptIds.map((id) => list.findIndex((entry) => entry.messageId === id));
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(cut.omitted).toBe(list.length - cut.kept.length);
        // The newest turns are always kept.
        expect(keptIds.slice(-KEEP_NEWEST_ENTRIES)).toEqual(ids(list.slice(-KEEP_NEWEST_ENTRIES)));
        // Within budget unless the newest turns overflow it.
        if (!cut.overflow) expect(cut.usedTokens).toBeLessThanOrEqual(budget);
        // A human message is dropped only when no droppable peer message is left.
        const droppedHuman = list.some((entry) => entry.kind === 'human' && !keptIds.includes(entry.messageId));
        if (droppedHuman) {
          const droppable = list.slice(0, -KEEP_NEWEST_ENTRIES).filter((entry) => entry.kind === 'peer');
          expect(droppable.every((entry) => !keptIds.includes(entry.messageId))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('shortenMiddle', () => {
  it('keeps the start and the end', () => {
    const text = `START${'m'.repeat(4000)}END`;
    const short = shortenMiddle(text, 500);
    expect(short.startsWith('START')).toBe(true);
    expect(short.endsWith('END')).toBe(true);
    expect(short.length).toBeLessThan(text.length - 2000);
  });
});
