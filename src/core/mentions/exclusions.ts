/**
 * Where mentions cannot occur (profile §4): fenced code blocks (``` and ~~~), inline code spans, and lines quoted
 * with `>`. One pass over the lines plus one pass over backtick runs per paragraph: linear in the text length.
 */

/** A half-open range [start, end) of UTF-16 offsets. */
export interface TextRange {
  start: number;
  end: number;
}

interface Fence {
  char: '`' | '~';
  length: number;
}

/** Offset of the first non-space character if the line is indented by at most 3 spaces, else -1. */
function blockStart(text: string, lineStart: number, lineEnd: number): number {
  let i = lineStart;
  while (i < lineEnd && i - lineStart < 4 && text[i] === ' ') i++;
  return i - lineStart <= 3 ? i : -1;
}

function runLength(text: string, start: number, end: number, char: string): number {
  let i = start;
  while (i < end && text[i] === char) i++;
  return i - start;
}

/** Reads an opening fence (3+ backticks or tildes; a backtick fence's info string has no backtick). */
function openingFence(text: string, lineStart: number, lineEnd: number): Fence | null {
  const at = blockStart(text, lineStart, lineEnd);
  if (at < 0) return null;
  const char = text[at];
  if (char !== '`' && char !== '~') return null;
  const length = runLength(text, at, lineEnd, char);
  if (length < 3) return null;
  if (char === '`' && text.slice(at + length, lineEnd).includes('`')) return null;
  return { char, length };
}

/** True when the line closes `fence`: at least as many of the same character, then only whitespace. */
function closesFence(text: string, lineStart: number, lineEnd: number, fence: Fence): boolean {
  const at = blockStart(text, lineStart, lineEnd);
  if (at < 0) return false;
  const length = runLength(text, at, lineEnd, fence.char);
  return length >= fence.length && text.slice(at + length, lineEnd).trim() === '';
}

function isQuoteLine(text: string, lineStart: number, lineEnd: number): boolean {
  const at = blockStart(text, lineStart, lineEnd);
  return at >= 0 && at < lineEnd && text[at] === '>';
}

function isBlankLine(text: string, lineStart: number, lineEnd: number): boolean {
  for (let i = lineStart; i < lineEnd; i++) {
    const char = text[i];
    if (char !== ' ' && char !== '\t' && char !== '\r') return false;
  }
  return true;
}

/**
 * Inline code spans inside one paragraph: a run of n backticks opens a span that the next run of exactly n
 * backticks closes; a run with no partner is literal text. Partners are found with one backward pass.
 */
export function findCodeSpans(text: string, start: number, end: number): TextRange[] {
  const runs: { at: number; length: number }[] = [];
  for (let i = start; i < end;) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    const length = runLength(text, i, end, '`');
    runs.push({ at: i, length });
    i += length;
  }
  const partner = new Array<number>(runs.length).fill(-1);
  const nextOfLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    const run = runs[r] as { at: number; length: number };
    partner[r] = nextOfLength.get(run.length) ?? -1;
    nextOfLength.set(run.length, r);
  }
  const spans: TextRange[] = [];
  for (let r = 0; r < runs.length;) {
    const close = partner[r] ?? -1;
    if (close < 0) {
      r++;
      continue;
    }
    const open = runs[r] as { at: number; length: number };
    const closing = runs[close] as { at: number; length: number };
    spans.push({ start: open.at, end: closing.at + closing.length });
    r = close + 1;
  }
  return spans;
}

/** All ranges of `text` in which `@` never starts a mention, sorted and non-overlapping. */
export function findExcludedRanges(text: string): TextRange[] {
  const excluded: TextRange[] = [];
  let fence: Fence | null = null;
  let paragraphStart = -1;
  let paragraphEnd = -1;
  const endParagraph = (): void => {
    if (paragraphStart >= 0) excluded.push(...findCodeSpans(text, paragraphStart, paragraphEnd));
    paragraphStart = -1;
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    if (fence !== null) {
      excluded.push({ start: lineStart, end: lineEnd });
      if (closesFence(text, lineStart, lineEnd, fence)) fence = null;
    } else {
      const opening = openingFence(text, lineStart, lineEnd);
      if (opening !== null) {
        endParagraph();
        fence = opening;
        excluded.push({ start: lineStart, end: lineEnd });
      } else if (isQuoteLine(text, lineStart, lineEnd)) {
        endParagraph();
        excluded.push({ start: lineStart, end: lineEnd });
      } else if (isBlankLine(text, lineStart, lineEnd)) {
        endParagraph();
      } else {
        if (paragraphStart < 0) paragraphStart = lineStart;
        paragraphEnd = lineEnd;
      }
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  endParagraph();
  return mergeRanges(excluded);
}

/** Sorts and merges touching or overlapping ranges. */
function mergeRanges(ranges: TextRange[]): TextRange[] {
  ranges.sort((a, b) => a.start - b.start);
  const merged: TextRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}
