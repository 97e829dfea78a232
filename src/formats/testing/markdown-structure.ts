/**
 * Test helper: splits Markdown into what a CommonMark reader sees as structure (lines outside fenced code blocks)
 * and the fenced bodies, following CommonMark's fence rules (up to three spaces of indentation, three or more
 * backticks or tildes; a closing fence uses the same character, at least as many, and nothing else).
 */

export interface MarkdownStructure {
  /** Lines outside fenced blocks (fence lines excluded). */
  outside: string[];
  /** The content of each fenced block, lines joined with `\n`. */
  fenced: string[];
  /** True when a fence is still open at the end (it would swallow the rest of the document). */
  unclosed: boolean;
}

/** Splits `markdown` the way a CommonMark parser does. */
export function markdownStructure(markdown: string): MarkdownStructure {
  const outside: string[] = [];
  const fenced: string[] = [];
  let open: { char: string; length: number; lines: string[] } | null = null;
  for (const line of markdown.split(/\r\n|\n|\r/)) {
    if (open === null) {
      const start = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
      if (start && !(start[1]!.startsWith('`') && start[2]!.includes('`'))) {
        open = { char: start[1]![0]!, length: start[1]!.length, lines: [] };
      } else {
        outside.push(line);
      }
      continue;
    }
    const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
    if (close && close[1]![0] === open.char && close[1]!.length >= open.length) {
      fenced.push(open.lines.join('\n'));
      open = null;
    } else {
      open.lines.push(line);
    }
  }
  if (open !== null) fenced.push(open.lines.join('\n'));
  return { outside, fenced, unclosed: open !== null };
}
