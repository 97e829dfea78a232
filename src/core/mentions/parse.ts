/**
 * The mention parser (profile §4). Linear in the text: one pass for code and quotes, one `indexOf` walk over
 * `@` signs, and a sticky, non-backtracking regex per name.
 */
import type { Roster } from '../domain/participants.ts';
import { isMentionBoundary, readName } from './grammar.ts';
import { findExcludedRanges } from './exclusions.ts';
import type { TextRange } from './exclusions.ts';
import { indexRoster } from './roster-index.ts';

/** Why a recognised mention does not start a turn. */
export type MentionIgnoredBecause = 'self' | 'muted';

/** One recognised mention, for highlighting. Unknown names have no span (they stay plain text). */
export interface MentionSpan {
  /** Offset of the `@` (UTF-16). */
  start: number;
  /** Offset just after the name (UTF-16). */
  end: number;
  kind: 'peer' | 'all' | 'human';
  /** The peer or human id; absent for `all`. */
  participantId?: string;
  /** Set when the mention is shown but starts nothing. */
  ignored?: MentionIgnoredBecause;
}

/** The parser's result. */
export interface MentionResult {
  /** Enabled peers addressed, in order of first appearance, without duplicates, never the author. */
  peerIds: string[];
  /** Muted peers that were addressed (the UI says they are muted); they are never started. */
  mutedPeerIds: string[];
  /** `@all` or `@everyone` was used. */
  all: boolean;
  /** The human was addressed (their handle or alias, `@you`, `@human`). */
  human: boolean;
  spans: MentionSpan[];
}

/** Options of a parse. */
export interface ParseMentionsOptions {
  /** Author of the text; a peer mentioning itself is ignored. */
  authorId?: string;
}

/** Parses the mentions of `text` against the people at the table. Never throws, whatever the input. */
export function parseMentions(text: string, roster: Roster, options: ParseMentionsOptions = {}): MentionResult {
  const index = indexRoster(roster);
  const result: MentionResult = { peerIds: [], mutedPeerIds: [], all: false, human: false, spans: [] };
  if (typeof text !== 'string' || !text.includes('@')) return result;
  const excluded = findExcludedRanges(text);
  for (const { start, name } of scanNames(text, excluded)) {
    const target = index.get(name.toLowerCase());
    if (target === undefined) continue;
    const end = start + 1 + name.length;
    if (target.kind === 'all') {
      result.all = true;
      result.spans.push({ start, end, kind: 'all' });
    } else if (target.kind === 'human') {
      result.human = true;
      result.spans.push({ start, end, kind: 'human', participantId: target.humanId });
    } else if (target.peerId === options.authorId) {
      result.spans.push({ start, end, kind: 'peer', participantId: target.peerId, ignored: 'self' });
    } else if (!target.enabled) {
      if (!result.mutedPeerIds.includes(target.peerId)) result.mutedPeerIds.push(target.peerId);
      result.spans.push({ start, end, kind: 'peer', participantId: target.peerId, ignored: 'muted' });
    } else {
      if (!result.peerIds.includes(target.peerId)) result.peerIds.push(target.peerId);
      result.spans.push({ start, end, kind: 'peer', participantId: target.peerId });
    }
  }
  return result;
}

/** Every syntactically valid `@name` outside the excluded ranges, in order. */
export function* scanNames(text: string, excluded: readonly TextRange[]): Generator<{ start: number; name: string }> {
  let rangeIndex = 0;
  let at = text.indexOf('@');
  while (at >= 0) {
    while (rangeIndex < excluded.length && (excluded[rangeIndex] as TextRange).end <= at) rangeIndex++;
    const range = excluded[rangeIndex];
    if (range !== undefined && range.start <= at) {
      at = text.indexOf('@', range.end);
      continue;
    }
    let resumeAt = at + 1;
    if (isMentionBoundary(at === 0 ? undefined : text[at - 1])) {
      const { name, runEnd } = readName(text, at + 1);
      resumeAt = runEnd;
      if (name !== null && !crossesRange(at, at + 1 + name.length, range)) yield { start: at, name };
    }
    at = text.indexOf('@', resumeAt);
  }
}

/** True when a name running from `start` to `end` reaches into the next excluded range. */
function crossesRange(start: number, end: number, next: TextRange | undefined): boolean {
  return next !== undefined && next.start >= start && next.start < end;
}
