/**
 * The files attached in a shared room, over plain HTTP next to the sync endpoint: `PUT` and `GET
 * <sync path>/files/<room>/<sha256>`. A peer's turn runs in its owner's browser, which needs the bytes of every file
 * in the conversation, whoever attached it; so the browser that attaches a file uploads it, and the others fetch it
 * when a turn or the transcript needs it.
 *
 * Only a member of the room (their id and key, checked like a connection's) may put or get a file. A file is named
 * by the SHA-256 of its bytes, which the server checks, so no one can replace another's file. It is served as
 * `application/octet-stream` with its type in a header of its own, never rendered by the browser on this origin.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { IMAGE_MIME_TYPES } from '../src/core/index.ts';
import { fullBucket, takeToken } from '../src/core/shared/index.ts';
import type { RoomLimits, TokenBucket } from '../src/core/shared/index.ts';
import { matchesHash, type RoomDatabase } from './db.ts';
import type { LogLine } from './log.ts';

const FILE_PATH = /^\/files\/([A-Za-z0-9_-]{1,128})\/([0-9a-f]{64})$/;
const TEXT_TYPE = /^text\/[a-z0-9.+-]{1,64}$/;
const OTHER_TYPES = new Set<string>([...IMAGE_MIME_TYPES, 'application/pdf', 'application/json', 'application/xml']);
export const FILE_MEMBER_HEADER = 'x-peerchat-member';
export const FILE_TYPE_HEADER = 'x-peerchat-type';

/** Whether a file of this type may be attached (what a browser attaches: images, PDFs, text). */
const acceptedType = (type: string) => OTHER_TYPES.has(type) || TEXT_TYPE.test(type);

type Log = (line: Omit<LogLine, 'at'>) => void;

// Keys travel in a header, not a cookie, so any origin may ask (a sync server can serve apps on other origins).
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, PUT',
  'access-control-allow-headers': `authorization, content-type, ${FILE_MEMBER_HEADER}`,
  'access-control-expose-headers': FILE_TYPE_HEADER,
  'access-control-max-age': '600',
};

function answer(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...CORS, 'content-type': 'text/plain; charset=utf-8', ...headers });
  response.end(text);
}

/** The body, or null once it passes `max` bytes (reading stops there; the caller answers and closes). */
function readBody(request: IncomingMessage, max: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > max) {
        request.pause();
        request.removeAllListeners('data');
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    request.on('error', reject);
  });
}

/**
 * Handles a request under `<sync path>/files/` (`path` is what follows the sync path); false when the path is not a
 * file's, for the caller to answer.
 */
export async function handleFileRequest(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  db: RoomDatabase,
  limits: Pick<RoomLimits, 'maxFileBytes' | 'maxRoomFileBytes' | 'fileBurst' | 'filesPerSecond'>,
  log: Log,
  /** Each member's file-request bucket, by room and member id; kept by the caller across requests. */
  buckets: Map<string, TokenBucket>,
): Promise<boolean> {
  const match = FILE_PATH.exec(path);
  if (!match) return false;
  const [, room, id] = match as unknown as [string, string, string];
  if (request.method === 'OPTIONS') {
    answer(response, 204, '');
    return true;
  }
  const memberId = request.headers[FILE_MEMBER_HEADER];
  const key = /^Bearer (.{1,256})$/.exec(request.headers.authorization ?? '')?.[1];
  const member = typeof memberId === 'string' ? db.member(room, memberId) : undefined;
  const refuse = (status: number, event: string, reason: string) => {
    log({ level: 'warn', room, ...(member ? { member: member.memberId } : {}), event, reason });
    answer(response, status, reason);
    return true;
  };
  if (!member || member.removed || key === undefined || !matchesHash(key, member.keyHash))
    return refuse(403, 'file-refused', 'Only a member of this room can put or get its files.');
  const bucketKey = `${room}\u0000${member.memberId}`;
  const rate = { burst: limits.fileBurst, perSecond: limits.filesPerSecond };
  const now = Date.now();
  const taken = takeToken(buckets.get(bucketKey) ?? fullBucket(rate, now), now, rate);
  buckets.set(bucketKey, taken.bucket);
  if (!taken.allowed) {
    request.resume();
    return refuse(429, 'rate-limited', 'Too many file requests: slow down.');
  }

  if (request.method === 'GET') {
    const file = db.file(room, id);
    if (!file) return refuse(404, 'file-missing', 'This room has no such file.');
    response.writeHead(200, {
      ...CORS,
      'content-type': 'application/octet-stream',
      [FILE_TYPE_HEADER]: file.mimeType,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=31536000, immutable',
    });
    response.end(file.bytes);
    return true;
  }
  if (request.method !== 'PUT') return refuse(405, 'file-refused', 'Files are put (PUT) and got (GET), nothing else.');

  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!acceptedType(type)) return refuse(415, 'file-refused', `A file of type "${type}" cannot be attached.`);
  if (db.hasFile(room, id)) {
    request.resume();
    answer(response, 200, 'Already here.');
    return true;
  }
  const bytes = await readBody(request, limits.maxFileBytes);
  if (bytes === null) {
    // The rest of an oversized body is not read: the connection closes once the answer is out.
    response.setHeader('connection', 'close');
    response.once('finish', () => request.destroy());
    return refuse(413, 'file-refused', `A file may be at most ${limits.maxFileBytes} bytes.`);
  }
  if (createHash('sha256').update(bytes).digest('hex') !== id)
    return refuse(400, 'file-refused', "The file's bytes do not match its name (their SHA-256).");
  if (db.roomFileBytes(room) + bytes.byteLength > limits.maxRoomFileBytes)
    return refuse(413, 'file-refused', `This room's files may take at most ${limits.maxRoomFileBytes} bytes.`);
  db.addFile(room, { id, mimeType: type, bytes, memberId: member.memberId }, Date.now());
  log({ level: 'info', room, member: member.memberId, event: 'file-stored', reason: `${bytes.byteLength} bytes` });
  answer(response, 201, 'Stored.');
  return true;
}
