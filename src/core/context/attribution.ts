/**
 * Attribution of shared messages (profile §3): every message a peer did not write itself is prefixed with a line
 * naming its author, and a reply that echoes such a header has it stripped.
 */
import type { Participant } from '../domain/participants.ts';

/** The attribution line of a participant, e.g. `[@claude (Claude)]:`; the human with its handle (default `you`). */
export function attributionHeader(participant: Pick<Participant, 'handle' | 'displayName'>): string {
  return `[@${participant.handle} (${participant.displayName})]:`;
}

/** Header used for messages whose author has left the room. */
export const UNKNOWN_AUTHOR_HEADER = '[@unknown (former participant)]:';

/** The text a peer sees for someone else's message: the attribution line, then the text. */
export function attributeText(header: string, text: string): string {
  return `${header}\n${text}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const patternCache = new Map<string, RegExp>();

/** Matches a bracketed header `[@x ...]:` or a bare `x:` / `@x:` at the very start, for the known handles. */
function echoPattern(handles: readonly string[]): RegExp {
  const key = handles.join('\u0000');
  let pattern = patternCache.get(key);
  if (pattern === undefined) {
    const names = handles
      .filter((handle) => handle !== '')
      .map(escapeRegExp)
      .join('|');
    // Bounded pieces only: `[^\]\n]{0,200}` cannot backtrack catastrophically.
    pattern = new RegExp(`^\\s*(?:\\[@(?:${names})(?:\\s[^\\]\\n]{0,200})?\\]:|@?(?:${names}):)[ \\t]*\\n?`, 'i');
    if (patternCache.size > 64) patternCache.clear();
    patternCache.set(key, pattern);
  }
  return pattern;
}

/**
 * Strips one echoed attribution header from the start of a reply (`[@x ...]:`, `x:` or `@x:` where x is a
 * known handle, case-insensitive). Any other text is returned unchanged.
 */
export function stripEchoedAttribution(reply: string, knownHandles: readonly string[]): string {
  if (knownHandles.length === 0) return reply;
  const match = echoPattern(knownHandles).exec(reply);
  return match === null ? reply : reply.slice(match[0].length);
}
