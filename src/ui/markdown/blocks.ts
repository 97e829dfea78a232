/**
 * Splits markdown into its top-level blocks (paragraphs, lists, code fences, tables…) with `marked`'s lexer, so
 * each block can render on its own: while a reply streams only its last block changes, and the blocks before it
 * are not parsed again on every frame. Joined back, the blocks are exactly the text.
 */
import { Lexer } from 'marked';

/** The text's top-level blocks; the whole text as one block if the lexer cannot reproduce it exactly. */
export function splitBlocks(text: string): string[] {
  let raws: string[];
  try {
    raws = new Lexer({ gfm: true }).lex(text).map((token) => token.raw);
  } catch {
    return [text];
  }
  if (raws.join('') !== text) return [text];
  const blocks: string[] = [];
  for (const raw of raws) {
    // Blank lines belong to the block before them, so a block's source only grows at its end.
    if (blocks.length > 0 && raw.trim() === '') blocks[blocks.length - 1] += raw;
    else blocks.push(raw);
  }
  return blocks.length > 0 ? blocks : [text];
}
