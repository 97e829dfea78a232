/**
 * The room's limits as pure functions: how many members a room admits, and a token bucket per member that caps
 * how fast they may send (a burst of `capacity`, then `refillPerSecond`).
 */
import { ATTACHMENT_LIMITS } from '../domain/attachments.ts';

export interface RoomLimits {
  /** Members a room admits (removed members do not count). */
  maxMembers: number;
  /** The largest message a connection may send, in bytes (Yjs and stateless alike). */
  maxMessageBytes: number;
  /** Messages a member may send at once before waiting. */
  burst: number;
  /** Messages a member may send per second, sustained. */
  perSecond: number;
  /**
   * Streamed-text (`delta`) messages have a bucket of their own: a browser running several peers relays each about
   * 25 times a second (src/store/sharing/relay-batch.ts), which the bucket for everything else would refuse.
   */
  deltaBurst: number;
  deltaPerSecond: number;
  /** The largest attached file the room's server keeps (the largest a browser attaches: a PDF's cap). */
  maxFileBytes: number;
  /** All attached files of one room together. */
  maxRoomFileBytes: number;
  /** File requests (puts and gets) a member may make at once, then per second. */
  fileBurst: number;
  filesPerSecond: number;
}

export const DEFAULT_ROOM_LIMITS: RoomLimits = {
  maxMembers: 16,
  maxMessageBytes: 4 * 1024 * 1024,
  burst: 200,
  perSecond: 50,
  deltaBurst: 800,
  deltaPerSecond: 400,
  maxFileBytes: Math.max(...Object.values(ATTACHMENT_LIMITS.maxBytes)),
  maxRoomFileBytes: 256 * 1024 * 1024,
  fileBurst: 60,
  filesPerSecond: 10,
};

/** Why a new member cannot join a room that has `activeMembers`, or null. */
export function roomFullProblem(activeMembers: number, limits: Pick<RoomLimits, 'maxMembers'>): string | null {
  return activeMembers >= limits.maxMembers ? `This room is full (${limits.maxMembers} members).` : null;
}

/** Why a message of `bytes` is refused, or null. */
export function messageSizeProblem(bytes: number, limits: Pick<RoomLimits, 'maxMessageBytes'>): string | null {
  return bytes > limits.maxMessageBytes
    ? `The message is too large (${bytes} bytes; at most ${limits.maxMessageBytes}).`
    : null;
}

export interface TokenBucket {
  tokens: number;
  at: number;
}

export const fullBucket = (limits: Pick<RoomLimits, 'burst'>, now: number): TokenBucket => ({
  tokens: limits.burst,
  at: now,
});

/** Takes one token at `now`: the bucket after, and whether there was one. */
export function takeToken(
  bucket: TokenBucket,
  now: number,
  limits: Pick<RoomLimits, 'burst' | 'perSecond'>,
): { allowed: boolean; bucket: TokenBucket } {
  const refilled = Math.min(limits.burst, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * limits.perSecond);
  if (refilled < 1) return { allowed: false, bucket: { tokens: refilled, at: now } };
  return { allowed: true, bucket: { tokens: refilled - 1, at: now } };
}
