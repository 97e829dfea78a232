/**
 * A conversation carried over into a new log: a shared room starts from the sharer's transcript as it stood (the
 * messages on its path, finished), without the decisions that produced them, which were the sharer's alone. The
 * arbiter starts afresh; peers see the carried messages as the history they are.
 */
import type { TranscriptMessage } from './types.ts';
import type { RoomProjection } from './projection.ts';

const KINDS: readonly string[] = ['human', 'peer', 'notice'];
/** Finished statuses only: a reply still streaming has no final text to carry. */
const STATUSES: readonly string[] = ['complete', 'interrupted', 'error', 'passed'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The field (`messages[3].status`) that makes `messages` not a carried transcript, or null. */
export function carriedHistoryProblem(messages: unknown): string | null {
  if (!Array.isArray(messages)) return 'messages';
  const ids = new Set<string>();
  for (const [index, message] of messages.entries()) {
    const at = `messages[${index}]`;
    if (!isObject(message)) return at;
    if (typeof message.id !== 'string' || message.id === '' || ids.has(message.id)) return `${at}.id`;
    ids.add(message.id);
    if (typeof message.kind !== 'string' || !KINDS.includes(message.kind)) return `${at}.kind`;
    if (typeof message.authorId !== 'string') return `${at}.authorId`;
    if (typeof message.text !== 'string') return `${at}.text`;
    if (typeof message.status !== 'string' || !STATUSES.includes(message.status)) return `${at}.status`;
    if (typeof message.createdAt !== 'number' || !Number.isFinite(message.createdAt)) return `${at}.createdAt`;
  }
  return null;
}

/** The projection with `messages` as its transcript; null when it already has one (history comes first only). */
export function withCarriedHistory(
  state: RoomProjection,
  messages: readonly TranscriptMessage[],
): RoomProjection | null {
  if (state.messageIds.length > 0) return null;
  return {
    ...state,
    messageIds: messages.map((message) => message.id),
    messages: Object.fromEntries(messages.map((message) => [message.id, message])),
  };
}
