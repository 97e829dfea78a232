/**
 * From the (cut) shared history to one peer's chat messages (profile §3): the peer's own messages become
 * `assistant`, everything else `user` with its attribution line; consecutive same-role messages are merged so
 * every provider's alternation rule holds, and the list starts (and ends) with `user`.
 */
import type { ChatMessage } from './request.ts';
import { attributeText } from './attribution.ts';
import { omittedMarker } from './budget-cut.ts';
import type { HistoryCut } from './budget-cut.ts';
import type { HistoryEntry } from './shared-history.ts';

/** Opens the history when it would otherwise start with the peer's own message. */
export const CONVERSATION_START_CUE = '[Conversation so far]';

/** Closes the history when it ends with the peer's own message (a turn cue, not history). */
export const SPEAK_AGAIN_CUE = '[It is your turn again. Add only what is new, or reply PASS.]';

/** Separator between merged messages. */
export const MERGE_SEPARATOR = '\n\n';

/** One history entry as a given peer sees it, before merging. */
export interface AttributedEntry {
  messageId: string;
  role: ChatMessage['role'];
  content: string;
  attachments?: ChatMessage['attachments'];
}

/** Maps one entry for `peerId`: own messages plain as `assistant`, others attributed as `user`. */
export function attributeEntryFor(peerId: string, entry: HistoryEntry): AttributedEntry {
  const files = entry.attachments ? { attachments: entry.attachments } : {};
  if (entry.authorId === peerId)
    return { messageId: entry.messageId, role: 'assistant', content: entry.text, ...files };
  return { messageId: entry.messageId, role: 'user', content: attributeText(entry.header, entry.text), ...files };
}

/**
 * Merges consecutive messages of the same role: texts joined by a blank line, attachments kept in order. Generic so
 * that a request whose attachments carry their bytes (the adapters') merges the same way.
 */
export function mergeSameRole<M extends ChatMessage>(messages: readonly M[]): M[] {
  const merged: M[] = [];
  let group: M[] = [];
  const close = () => {
    const first = group[0];
    if (first === undefined) return;
    const attachments = group.flatMap((message) => message.attachments ?? []);
    const content = group.map((message) => message.content).join(MERGE_SEPARATOR);
    const { attachments: _dropped, ...rest } = first;
    merged.push({ ...rest, content, ...(attachments.length > 0 ? { attachments } : {}) } as M);
    group = [];
  };
  for (const message of messages) {
    if (group[0] !== undefined && message.role !== group[0].role) close();
    group.push(message);
  }
  close();
  return merged;
}

/** The history as `peerId` sees it, one entry per kept message (no marker, not merged). */
export function attributedHistoryFor(peerId: string, cut: HistoryCut): AttributedEntry[] {
  return cut.kept.map((entry) => attributeEntryFor(peerId, entry));
}

/** The chat messages of one peer: marker, attributed entries, merged, starting and ending with `user`. */
export function historyMessagesFor(peerId: string, cut: HistoryCut): ChatMessage[] {
  const messages: ChatMessage[] = [];
  if (cut.omitted > 0) messages.push({ role: 'user', content: omittedMarker(cut.omitted) });
  for (const { role, content, attachments } of attributedHistoryFor(peerId, cut))
    messages.push({ role, content, ...(attachments ? { attachments } : {}) });
  const merged = mergeSameRole(messages);
  if (merged[0]?.role !== 'user') merged.unshift({ role: 'user', content: CONVERSATION_START_CUE });
  if (merged[merged.length - 1]?.role === 'assistant') merged.push({ role: 'user', content: SPEAK_AGAIN_CUE });
  return merged;
}
