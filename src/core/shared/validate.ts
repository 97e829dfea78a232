/**
 * Checking what a member's browser sends, before anything else looks at it: the JSON shape of each ClientMessage,
 * its sizes, no key-like field anywhere, and no `sender` (the server stamps who wrote a message). Each problem is
 * one plain sentence; an intent's body is checked as a room event by the core's own `roomEventProblem`.
 */
import { roomEventProblem } from '../room/events.ts';
import type { ClientMessage } from './protocol.ts';

export interface MessageLimits {
  /** The longest id a browser may choose (intent, import, member ids). */
  maxIdLength: number;
  /** The most text one delta may carry. */
  maxDeltaChars: number;
  /** The most events an import may carry. */
  maxImportEvents: number;
}

export const DEFAULT_MESSAGE_LIMITS: MessageLimits = {
  maxIdLength: 128,
  maxDeltaChars: 64_000,
  maxImportEvents: 200_000,
};

/** Field names that hold a credential: these never travel to the server nor into the room. */
const KEY_LIKE =
  /^(x)?(api|access|auth|bearer|client|private|secret|member|refresh|session)?(key|secret|token|password|authorization)$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown, limits: MessageLimits): value is string =>
  typeof value === 'string' && value !== '' && value.length <= limits.maxIdLength;

/** The path of the first key-like field in `value` (`peers.0.apiKey`), or null. */
export function keyLikeField(value: unknown, path = ''): string | null {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = keyLikeField(item, `${path}${index}.`);
      if (found !== null) return found;
    }
    return null;
  }
  if (!isObject(value)) return null;
  for (const [name, item] of Object.entries(value)) {
    if (KEY_LIKE.test(name.toLowerCase().replace(/[-_]/g, ''))) return `${path}${name}`;
    const found = keyLikeField(item, `${path}${name}.`);
    if (found !== null) return found;
  }
  return null;
}

export type Parsed = { ok: true; message: ClientMessage } | { ok: false; reason: string };

const refused = (reason: string): Parsed => ({ ok: false, reason });

function intentProblem(message: Record<string, unknown>): string | null {
  const body = message.body;
  if (!isObject(body) || typeof body.type !== 'string') return 'An intent needs a body with a type.';
  if (body.type === 'conversation-started' || body.type === 'turn-opened')
    return `Only the server writes ${body.type} events.`;
  if ('sender' in body) return 'A message cannot name its own sender: the server does.';
  // Shape only: a stand-in id, order and time, since the server stamps those.
  const problem = roomEventProblem({ ...body, id: message.id, lamport: 1, at: 0 }, 0);
  return problem === null ? null : problem.replace(/^Room event \S+ /, 'The intent ');
}

function importProblem(message: Record<string, unknown>, limits: MessageLimits): string | null {
  const log = message.log;
  if (!Array.isArray(log) || log.length === 0) return 'An import needs the room log.';
  if (log.length > limits.maxImportEvents) return `An import can carry at most ${limits.maxImportEvents} events.`;
  return null;
}

function deltaProblem(message: Record<string, unknown>, limits: MessageLimits): string | null {
  if (!isId(message.turnId, limits)) return 'A delta needs a turn id.';
  if (!Number.isSafeInteger(message.seq) || (message.seq as number) < 0) return 'A delta needs a sequence number.';
  const parts = [message.text, message.reasoning ?? ''];
  if (!parts.every((part) => typeof part === 'string')) return 'A delta carries text only.';
  if (message.full !== undefined && message.full !== true) return 'A delta’s `full` is true or absent.';
  if ((parts as string[]).reduce((sum, part) => sum + part.length, 0) > limits.maxDeltaChars)
    return `A delta can carry at most ${limits.maxDeltaChars} characters.`;
  return null;
}

function memberProblem(message: Record<string, unknown>, limits: MessageLimits): string | null {
  if (!isId(message.memberId, limits)) return 'A member change needs the member id.';
  if (message.role !== undefined && message.role !== 'arbiter' && message.role !== 'contributor')
    return 'A member can be made an arbiter or a contributor.';
  if (message.remove !== undefined && message.remove !== true) return '"remove" can only be true.';
  if (message.role === undefined && message.remove === undefined) return 'A member change needs a role or remove.';
  return null;
}

/** Parses one stateless payload from a member into a ClientMessage, or says what is wrong with it. */
export function parseClientMessage(payload: string, limits: MessageLimits = DEFAULT_MESSAGE_LIMITS): Parsed {
  let message: unknown;
  try {
    message = JSON.parse(payload);
  } catch {
    return refused('The message is not JSON.');
  }
  if (!isObject(message)) return refused('The message must be a JSON object.');
  const keyField = keyLikeField(message);
  if (keyField !== null) return refused(`Keys never leave your device: remove "${keyField}".`);
  if (message.t !== 'delta' && !isId(message.id, limits))
    return refused(`The message needs an id of at most ${limits.maxIdLength} characters.`);
  const problem =
    message.t === 'intent'
      ? intentProblem(message)
      : message.t === 'import'
        ? importProblem(message, limits)
        : message.t === 'delta'
          ? deltaProblem(message, limits)
          : message.t === 'member'
            ? memberProblem(message, limits)
            : `Unknown message type "${String(message.t)}".`;
  return problem === null ? { ok: true, message: message as unknown as ClientMessage } : refused(problem);
}
