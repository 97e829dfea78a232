/**
 * The context budget cut (profile §3). When the shared history does not fit a budget, the oldest peer messages are
 * dropped first and human messages last; the newest turns are always kept, and a one-line marker says how many
 * messages were left out. The cut only depends on the shared history and the budget, so every peer with the same
 * budget gets the same cut.
 */
import type { HistoryEntry } from './shared-history.ts';
import { CHARS_PER_TOKEN, estimateMessageTokens, estimateTokens } from './tokens.ts';

/** The newest entries that are never dropped (the latest human message is kept too). */
export const KEEP_NEWEST_ENTRIES = 2;

/** The marker line that replaces omitted messages. */
export function omittedMarker(count: number): string {
  return `[${count} earlier message${count === 1 ? '' : 's'} omitted to fit the context window]`;
}

/** The result of a cut. */
export interface HistoryCut {
  /** The entries kept, in their original order (protected ones possibly shortened, see `overflow`). */
  kept: HistoryEntry[];
  /** How many entries were left out. */
  omitted: number;
  /** Estimated tokens of the kept entries plus the marker. */
  usedTokens: number;
  /** True when even the newest turns did not fit and had to be shortened in the middle. */
  overflow: boolean;
}

/** Marker cost reserved whenever anything is cut (room for a 6-digit count). */
export const OMITTED_MARKER_TOKENS = estimateMessageTokens(omittedMarker(999_999));

/** Index of the latest human entry, or -1. */
function latestHumanIndex(entries: readonly HistoryEntry[]): number {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]?.kind === 'human') return i;
  return -1;
}

/** Cuts the shared history to `budgetTokens`. Linear in the number of entries. */
export function cutHistoryToBudget(entries: readonly HistoryEntry[], budgetTokens: number): HistoryCut {
  let total = 0;
  for (const entry of entries) total += entry.cost;
  if (total <= budgetTokens) return { kept: [...entries], omitted: 0, usedTokens: total, overflow: false };

  const protectedFrom = Math.max(0, entries.length - KEEP_NEWEST_ENTRIES);
  const protectedHuman = latestHumanIndex(entries);
  const isProtected = (i: number): boolean => i >= protectedFrom || i === protectedHuman;
  const dropped = new Uint8Array(entries.length);
  let used = total + OMITTED_MARKER_TOKENS;
  let omitted = 0;
  for (const kind of ['peer', 'human'] as const) {
    for (let i = 0; i < entries.length && used > budgetTokens; i++) {
      const entry = entries[i] as HistoryEntry;
      if (entry.kind !== kind || isProtected(i)) continue;
      dropped[i] = 1;
      used -= entry.cost;
      omitted++;
    }
  }
  const kept: HistoryEntry[] = [];
  for (let i = 0; i < entries.length; i++) if (dropped[i] === 0) kept.push(entries[i] as HistoryEntry);
  if (used <= budgetTokens) return { kept, omitted, usedTokens: used, overflow: false };
  return shortenToFit(kept, omitted, used, budgetTokens);
}

/** Shortens the oldest kept entries (keeping their start and end) until the cut fits. */
function shortenToFit(kept: HistoryEntry[], omitted: number, used: number, budgetTokens: number): HistoryCut {
  let remaining = used;
  const shortened = kept.map((entry) => {
    if (remaining <= budgetTokens) return entry;
    const excessTokens = remaining - budgetTokens;
    const text = shortenMiddle(entry.text, excessTokens);
    const cost = entry.cost - (estimateTokens(entry.text) - estimateTokens(text));
    remaining -= entry.cost - cost;
    return { ...entry, text, cost };
  });
  return { kept: shortened, omitted, usedTokens: remaining, overflow: true };
}

/** Removes about `excessTokens` (plus the note) from the middle of a text, with a note saying so. */
export function shortenMiddle(text: string, excessTokens: number): string {
  const note = (cut: number): string => `\n[… ${cut} characters cut to fit the context window …]\n`;
  const removeChars = Math.min(text.length, excessTokens * CHARS_PER_TOKEN + note(text.length).length + 4);
  if (removeChars >= text.length) return note(text.length).trim();
  const keep = text.length - removeChars;
  const head = Math.ceil(keep / 2);
  return text.slice(0, head) + note(removeChars) + text.slice(text.length - (keep - head));
}
