/**
 * The shared history (profile §3): the messages every peer sees, in order, each with its author's attribution
 * line and a cost estimate. Peer-independent, so every peer is built from the very same list.
 */
import { attachmentTokens, type AttachmentRef } from '../domain/attachments.ts';
import type { Message } from '../domain/messages.ts';
import type { Roster } from '../domain/participants.ts';
import type { ReasoningRecord } from '../domain/reasoning.ts';
import { attributionHeader, UNKNOWN_AUTHOR_HEADER } from './attribution.ts';
import { estimateTokensForLength, MESSAGE_OVERHEAD_TOKENS } from './tokens.ts';

/** One message of the shared history. */
export interface HistoryEntry {
  messageId: string;
  authorId: string;
  kind: 'human' | 'peer';
  /** The attribution line shown to everyone but the author. */
  header: string;
  /** The text as shared (with a note when it was interrupted or cut off by an error). */
  text: string;
  /** The human's attached files (references). */
  attachments?: AttachmentRef[];
  /**
   * Estimated tokens of the attributed form. Counted the same for every peer (even the author, who sees it
   * without the header), so that the budget cut cannot differ between peers.
   */
  cost: number;
}

/** A transcript message as context building reads it: a peer's may carry its reasoning. */
export type SharedMessage = Message & { reasoning?: ReasoningRecord };

/** Whether peers' reasoning goes into the shared history (the room setting "Share reasoning with other peers"). */
export interface HistoryOptions {
  shareReasoning?: boolean;
}

export const REASONING_OPEN = '[reasoning, shared by the room — not part of the answer]';
export const REASONING_CLOSE = '[end of reasoning]';

export const INTERRUPTED_NOTE = '[interrupted]';
export const ERROR_NOTE = '[cut off by an error]';

/** True when a message belongs to the shared history: no notices, no PASS, no streaming, not empty. */
export function isShared(message: Message): boolean {
  if (message.kind === 'notice') return false;
  if (message.status === 'passed' || message.status === 'streaming') return false;
  return message.text.trim() !== '' || (message.attachments?.length ?? 0) > 0;
}

/**
 * A line of a peer's text that looks like an attribution header (`[@you (You)]:`), after any indent, quote or list
 * marker, and any invisible or unusual space (no-break, zero-width, BOM and other format characters).
 */
const FORGED_HEADER = /^([\s\p{Z}\p{Cf}>*+-]*)\[@/gmu;

/**
 * A peer's text cannot carry another participant's attribution line (profile §8: peer text never passes as the
 * human's): a line that starts like a header is shown as quoted, `[quoted @you (You)]:`. The same for every peer.
 */
export function neutralizeForgedHeaders(text: string): string {
  return text.replace(FORGED_HEADER, '$1[quoted @');
}

/** A peer's reasoning as shared, clearly marked, to go before its answer; '' when there is none to share. */
function sharedReasoning(message: SharedMessage, options: HistoryOptions): string {
  const reasoning = message.reasoning?.text.trim() ?? '';
  if (options.shareReasoning !== true || message.kind !== 'peer' || reasoning === '') return '';
  return `${REASONING_OPEN}\n${neutralizeForgedHeaders(reasoning)}\n${REASONING_CLOSE}\n\n`;
}

/**
 * The shared text of a message: interrupted and errored partial messages carry a short note; a peer's reasoning
 * goes first when the room shares it.
 */
export function sharedText(message: SharedMessage, options: HistoryOptions = {}): string {
  const answer = message.kind === 'peer' ? neutralizeForgedHeaders(message.text) : message.text;
  const text = sharedReasoning(message, options) + answer;
  if (message.status === 'interrupted') return `${text}\n${INTERRUPTED_NOTE}`;
  if (message.status === 'error') return `${text}\n${ERROR_NOTE}`;
  return text;
}

/** A person's name as a handle: `Ana María` → `ana-maría`. */
function handleOf(name: string): string {
  const handle = name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return handle === '' ? 'member' : handle;
}

/** Attribution lines by participant id. */
export function headersByAuthor(roster: Roster): Map<string, string> {
  const headers = new Map<string, string>([[roster.human.id, attributionHeader(roster.human)]]);
  for (const peer of roster.peers) headers.set(peer.id, attributionHeader(peer));
  return headers;
}

/** Turns one shareable message into a history entry. */
export function toHistoryEntry(
  message: SharedMessage,
  headers: ReadonlyMap<string, string>,
  options: HistoryOptions = {},
): HistoryEntry {
  const header = message.sender
    ? attributionHeader({ handle: handleOf(message.sender.name), displayName: message.sender.name })
    : (headers.get(message.authorId) ?? UNKNOWN_AUTHOR_HEADER);
  const text = sharedText(message, options);
  const attachments = message.attachments ?? [];
  const attachmentCost = attachments.reduce((sum, ref) => sum + attachmentTokens(ref), 0);
  return {
    messageId: message.id,
    authorId: message.authorId,
    kind: message.kind === 'human' ? 'human' : 'peer',
    header,
    text,
    ...(attachments.length > 0 ? { attachments } : {}),
    cost: attributedCost(header, text) + attachmentCost,
  };
}

/** Estimated tokens of `attributeText(header, text)` as one chat message, without building the string. */
export function attributedCost(header: string, text: string): number {
  return estimateTokensForLength(header.length + 1 + text.length) + MESSAGE_OVERHEAD_TOKENS;
}

/** Selects and attributes the shared history of a transcript, in order. */
export function selectSharedHistory(
  messages: readonly SharedMessage[],
  roster: Roster,
  options: HistoryOptions = {},
): HistoryEntry[] {
  const headers = headersByAuthor(roster);
  const entries: HistoryEntry[] = [];
  for (const message of messages) {
    if (isShared(message)) entries.push(toHistoryEntry(message, headers, options));
  }
  return entries;
}
