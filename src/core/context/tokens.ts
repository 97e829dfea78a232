/**
 * A cheap, deterministic token estimate. It only has to be the same for every peer and roughly right:
 * providers count differently, so the budget keeps a margin (see `budget.ts`).
 */

/** Characters per token assumed by the estimate. */
export const CHARS_PER_TOKEN = 4;

/** Tokens a chat message costs beyond its text (role markers, separators). */
export const MESSAGE_OVERHEAD_TOKENS = 4;

/** Estimated tokens of a text: ceil(length / 4). O(1). */
export function estimateTokens(text: string): number {
  return estimateTokensForLength(text.length);
}

/** Estimated tokens of a text of `length` UTF-16 units. */
export function estimateTokensForLength(length: number): number {
  return Math.ceil(length / CHARS_PER_TOKEN);
}

/** Estimated tokens of one chat message with the given content. */
export function estimateMessageTokens(content: string): number {
  return estimateTokens(content) + MESSAGE_OVERHEAD_TOKENS;
}
