/**
 * Markdown building blocks that untrusted text cannot break out of: inline text with Markdown punctuation escaped
 * and line breaks flattened (for names and titles), and verbatim fenced blocks whose fence is longer than any run
 * of backticks inside (for message bodies).
 */

/**
 * Escapes the Markdown and HTML punctuation that matters mid-line (emphasis, code, links, HTML, entities, headings,
 * tables, strikethrough) and flattens line breaks, so a name renders as itself on one line. Callers never put the
 * result at the start of a line, where list markers would matter.
 */
export function inline(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_[\]<>#|~&]/g, (char) => `\\${char}`)
    .trim();
}

/**
 * Wraps `text` verbatim in a fenced code block. Nothing inside a fence is interpreted (no headings, no emphasis,
 * no HTML), and the fence is one backtick longer than the longest backtick run in the text, so the text cannot
 * close it.
 */
export function fenced(text: string, info = 'text'): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = text.endsWith('\n') || text === '' ? text : `${text}\n`;
  return `${fence}${info}\n${body}${fence}`;
}

/** "2026-05-01 12:00:03 UTC". */
export function utcTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
