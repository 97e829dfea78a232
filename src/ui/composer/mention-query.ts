/**
 * Presentation helpers for @mentions in the composer: the partial mention at the caret, what it could become, and
 * the text split around the mentions the core's parser resolved (for highlighting). Who a message reaches is decided
 * by the core when it is sent, not here.
 */
import { MAX_NAME_LENGTH } from '../../store/index.ts';
import type { MentionSpan, PeerSeat } from '../../store/index.ts';

/** Characters after which an `@` may start a mention (profile §4), plus the start of the text. */
const BOUNDARY = /[\s([{"',;:!]/u;
const NAME_CHAR = /[\p{L}\p{Nd}_.-]/u;
const NAME_START = /^\p{L}/u;

/** A mention being typed: the `@` at `start`, the name typed so far up to the caret at `end`. */
export interface MentionQuery {
  start: number;
  end: number;
  query: string;
}

/** The partial mention that ends at the caret, if the caret is in one. */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  let nameStart = caret;
  while (nameStart > 0 && NAME_CHAR.test(text[nameStart - 1]!)) nameStart--;
  const at = nameStart - 1;
  if (at < 0 || text[at] !== '@') return null;
  if (at > 0 && !BOUNDARY.test(text[at - 1]!)) return null;
  const query = text.slice(nameStart, caret);
  if (query.length > MAX_NAME_LENGTH) return null;
  if (query !== '' && !NAME_START.test(query)) return null;
  return { start: at, end: caret, query };
}

export interface MentionSuggestion {
  /** The name inserted after the `@`. */
  name: string;
  /** Who it reaches, in words. */
  detail: string;
  colour?: string;
  muted?: boolean;
}

/** Handles, aliases and @all that start with what was typed (case-insensitive), handles first. */
export function mentionSuggestions(peers: readonly PeerSeat[], query: string, limit = 8): MentionSuggestion[] {
  const typed = query.toLowerCase();
  const all: MentionSuggestion[] = [
    ...peers.map((peer) => ({
      name: peer.handle,
      detail: peer.enabled ? peer.displayName : `${peer.displayName} (muted)`,
      colour: peer.colour,
      muted: !peer.enabled,
    })),
    ...peers.flatMap((peer) =>
      peer.aliases.map((alias) => ({ name: alias, detail: `alias of ${peer.displayName}`, colour: peer.colour })),
    ),
    { name: 'all', detail: 'every peer that is not muted' },
  ];
  return all.filter((suggestion) => suggestion.name.toLowerCase().startsWith(typed)).slice(0, limit);
}

/** The text with the partial mention replaced by `@name `, and where the caret goes. */
export function acceptSuggestion(text: string, query: MentionQuery, name: string): { text: string; caret: number } {
  const after = text.slice(query.end).replace(/^[\p{L}\p{Nd}_.-]*/u, '');
  const spacer = after.startsWith(' ') ? '' : ' ';
  const inserted = `@${name}${spacer}`;
  return {
    text: text.slice(0, query.start) + inserted + after,
    caret: query.start + inserted.length + (spacer ? 0 : 1),
  };
}

export type Segment = { text: string; span?: MentionSpan };

/** The text cut into plain runs and mention runs, in order. */
export function segmentText(text: string, spans: readonly MentionSpan[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    if (span.start > at) segments.push({ text: text.slice(at, span.start) });
    segments.push({ text: text.slice(span.start, span.end), span });
    at = span.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
