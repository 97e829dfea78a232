/**
 * The mention grammar of profile §4:
 *
 *   mention  := boundary "@" name      boundary: start, whitespace, or one of ( [ { " ' , ; : !
 *   name     := letter (letter | digit | "_" | "-" | ".")*   (max 32; a trailing "." "-" is not part of it)
 *
 * "letter" is any Unicode letter, "digit" any Unicode decimal digit. Escapes (`\@name`) and e-mail
 * addresses (`a@b.com`) fall out of the boundary rule: `\` and letters are not boundaries.
 */

/** Longest name, in code points. */
export const MAX_NAME_LENGTH = 32;

/** Words that always mean the room or the human and cannot be used as handles or aliases. */
export const ALL_WORDS: readonly string[] = ['all', 'everyone'];
export const HUMAN_WORDS: readonly string[] = ['you', 'human'];
export const RESERVED_NAMES: readonly string[] = [...ALL_WORDS, ...HUMAN_WORDS];

const BOUNDARY_PUNCTUATION = new Set(['(', '[', '{', '"', "'", ',', ';', ':', '!']);
const WHITESPACE = /\s/;

/** True when the character before an `@` (undefined at the start of the text) allows a mention. */
export function isMentionBoundary(previous: string | undefined): boolean {
  if (previous === undefined) return true;
  return BOUNDARY_PUNCTUATION.has(previous) || WHITESPACE.test(previous);
}

/**
 * Matches a raw name run at a position (sticky). Only simple character classes and one `*`: the match is linear
 * in the run length and never backtracks.
 */
const NAME_RUN = /\p{L}[\p{L}\p{Nd}_.-]*/uy;

/** Strips the trailing "." and "-" that are not part of a name. */
export function trimNameEnd(raw: string): string {
  let end = raw.length;
  while (end > 0 && (raw[end - 1] === '.' || raw[end - 1] === '-')) end--;
  return raw.slice(0, end);
}

/** Counts code points (names are limited in code points, not UTF-16 units). */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff) count++;
  }
  return count;
}

/**
 * Reads the name that starts at `start` (just after the `@`). Returns it without trailing "." "-", or null when
 * there is no name or it is longer than the limit. `runEnd` is where the raw run ends, so scanning can resume there.
 */
export function readName(text: string, start: number): { name: string | null; runEnd: number } {
  NAME_RUN.lastIndex = start;
  const match = NAME_RUN.exec(text);
  if (match === null) return { name: null, runEnd: start };
  const runEnd = start + match[0].length;
  const name = trimNameEnd(match[0]);
  if (name.length > MAX_NAME_LENGTH * 2 || codePointLength(name) > MAX_NAME_LENGTH) return { name: null, runEnd };
  return { name, runEnd };
}

/** True when `name` is one of the reserved words (`all`, `everyone`, `you`, `human`), in any case. */
export function isReservedName(name: string): boolean {
  return RESERVED_NAMES.includes(name.toLowerCase());
}

/** True when `handle` follows the name grammar and is lowercase (reservation is checked by the roster). */
export function isValidHandleSyntax(handle: string): boolean {
  if (handle !== handle.toLowerCase()) return false;
  const { name, runEnd } = readName(handle, 0);
  return name === handle && runEnd === handle.length;
}
