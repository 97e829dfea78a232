/**
 * The PeerChat sync server: one HTTP server that serves the built app and upgrades `/sync` to Hocuspocus. Members
 * connect read-only; the server alone writes each room's document, from the intents it accepts (see
 * docs/shared-rooms.md). Rooms, members, every document update and the files attached in each room (`files.ts`, over
 * HTTP under the sync path) live in one SQLite file.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hocuspocus, type Connection, type Document } from '@hocuspocus/server';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { DEFAULT_ROOM_LIMITS, fullBucket, messageSizeProblem, takeToken } from '../src/core/shared/index.ts';
import type { RoomLimits, TokenBucket } from '../src/core/shared/index.ts';
import { openDatabase } from './db.ts';
import { handleFileRequest } from './files.ts';
import { stdoutLogger, withTime, type Logger } from './log.ts';
import { authenticate, memberOf, syncMembers, type ConnectionContext } from './members.ts';
import { RoomHost } from './room-host.ts';
import { handleStateless } from './stateless.ts';
import { MESSAGE, readMessageHead } from './wire.ts';

export interface SyncServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  dataDir: string;
  /** The built app, served with index.html for every other path. */
  staticDir?: string;
  limits?: Partial<RoomLimits>;
  /** How long a turn waits for its seat's owner to come back before it ends as an error. */
  ownerGoneMs?: number;
  log?: Logger;
}

export interface SyncServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const SYNC_PATH = '/sync';

export async function createSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const limits: RoomLimits = { ...DEFAULT_ROOM_LIMITS, ...options.limits };
  const log = withTime(options.log ?? stdoutLogger);
  const db = openDatabase(options.dataDir);
  const startedAt = Date.now();
  const hosts = new Map<string, RoomHost>();
  const buckets = new Map<string, TokenBucket>();
  /** Connections per member of each room, and when each last left. */
  const presence = new Map<string, { count: number; since: number }>();
  const presenceKey = (room: string, memberId: string) => `${room}\u0000${memberId}`;
  const presenceOf = (room: string) => (memberId: string) => {
    const seen = presence.get(presenceKey(room, memberId));
    if (seen && seen.count > 0) return 'online' as const;
    return seen?.since ?? startedAt;
  };
  const roomOwnerId = (room: string) => db.members(room).find((member) => member.role === 'owner')?.memberId ?? '';

  /** Connections already refused: the messages they had queued are dropped without another log line each. */
  const refusedConnections = new WeakSet<object>();
  const refuse = (context: ConnectionContext | undefined, room: string, event: string, reason: string): never => {
    log({ level: 'warn', room, member: context?.memberId, event, reason });
    // Hocuspocus sends an error's `reason` to the browser (permission denied).
    throw Object.assign(new Error(reason), { reason });
  };

  function hostFor(document: Document, room: string): RoomHost {
    let host = hosts.get(room);
    if (!host) {
      host = new RoomHost({
        doc: document,
        ownerGoneMs: options.ownerGoneMs ?? 60_000,
        presence: presenceOf(room),
        memberName: (memberId) => db.member(room, memberId)?.name ?? 'A member',
        roomOwnerId: () => roomOwnerId(room),
        now: Date.now,
        onLog: (event, reason) => log({ level: 'info', room, event, reason }),
      });
      hosts.set(room, host);
    }
    return host;
  }

  /** Refuses (throws, logged) a message too large, too soon, a broadcast, or a write to the document. */
  function checkMessage(update: Uint8Array, documentName: string, member: ConnectionContext): void {
    const sizeProblem = messageSizeProblem(update.byteLength, limits);
    if (sizeProblem !== null) refuse(member, documentName, 'message-refused', sizeProblem);
    let head;
    try {
      head = readMessageHead(update);
    } catch (error) {
      return refuse(member, documentName, 'message-refused', (error as Error).message);
    }
    const bucketKey = `${presenceKey(documentName, member.memberId)}${head.delta ? '\u0000delta' : ''}`;
    const bucketLimits = head.delta ? { burst: limits.deltaBurst, perSecond: limits.deltaPerSecond } : limits;
    const now = Date.now();
    const taken = takeToken(buckets.get(bucketKey) ?? fullBucket(bucketLimits, now), now, bucketLimits);
    buckets.set(bucketKey, taken.bucket);
    if (!taken.allowed) refuse(member, documentName, 'rate-limited', 'Too many messages: slow down.');
    if (head.type === MESSAGE.broadcastStateless)
      refuse(member, documentName, 'message-refused', 'Members cannot broadcast to the room.');
    if (head.sync?.writes)
      refuse(member, documentName, 'write-refused', 'Only the server writes the room: send an intent.');
  }

  const hocuspocus = new Hocuspocus({
    quiet: true,
    async onAuthenticate({ documentName, token, connectionConfig }) {
      const result = authenticate(db, documentName, token, limits, Date.now());
      if (!result.ok) refuse(undefined, documentName, 'join-refused', result.reason);
      else {
        connectionConfig.readOnly = true;
        log({ level: 'info', room: documentName, member: result.context.memberId, event: result.event });
        return result.context;
      }
    },
    async onLoadDocument({ document, documentName }) {
      for (const update of db.updates(documentName)) Y.applyUpdate(document, update);
      // Every change is stored as it happens, synchronously: a crash loses nothing.
      document.on('update', (update: Uint8Array) => db.appendUpdate(documentName, update));
      syncMembers(document, db.members(documentName));
      hostFor(document, documentName);
      log({ level: 'info', room: documentName, event: 'room-loaded' });
    },
    async connected({ documentName, context, connection }) {
      const { memberId } = context as ConnectionContext;
      const key = presenceKey(documentName, memberId);
      presence.set(key, { count: (presence.get(key)?.count ?? 0) + 1, since: Date.now() });
      const document = hocuspocus.documents.get(documentName);
      if (!document) return;
      syncMembers(document, db.members(documentName));
      const host = hostFor(document, documentName);
      for (const { turnId, text, reasoning } of host.relayedSoFar())
        connection.sendStateless(
          JSON.stringify({ t: 'delta', turnId, seq: 0, text, ...(reasoning ? { reasoning } : {}), full: true }),
        );
      host.presenceChanged();
    },
    async onDisconnect({ documentName, context }) {
      const memberId = (context as ConnectionContext | undefined)?.memberId;
      if (memberId === undefined) return;
      const key = presenceKey(documentName, memberId);
      const count = Math.max(0, (presence.get(key)?.count ?? 1) - 1);
      presence.set(key, { count, since: Date.now() });
      log({ level: 'info', room: documentName, member: memberId, event: 'left' });
      hosts.get(documentName)?.presenceChanged();
    },
    async afterUnloadDocument({ documentName }) {
      hosts.get(documentName)?.close();
      hosts.delete(documentName);
    },
    async beforeHandleMessage({ update, documentName, context, connection }) {
      if (refusedConnections.has(connection)) throw new Error('This connection was refused.');
      const member = context as ConnectionContext;
      try {
        checkMessage(update, documentName, member);
      } catch (error) {
        refusedConnections.add(connection);
        throw error;
      }
    },
    async onStateless({ connection, document, documentName, payload }) {
      const reply = (message: object) => connection.sendStateless(JSON.stringify(message));
      const context = connection.context as ConnectionContext;
      const member = memberOf(db, documentName, context.memberId);
      if (!member) return;
      handleStateless({
        payload,
        member,
        host: hostFor(document, documentName),
        reply,
        relay: (message) => relayToOthers(document, connection, message),
        db,
        room: documentName,
        document,
        log: (level, event, reason) => log({ level, room: documentName, member: member.memberId, event, reason }),
      });
    },
  });

  function relayToOthers(document: Document, from: Connection, message: object) {
    const text = JSON.stringify(message);
    for (const connection of document.getConnections()) if (connection !== from) connection.sendStateless(text);
  }

  const staticDir = options.staticDir;
  if (staticDir !== undefined && !existsSync(staticDir))
    log({ level: 'warn', event: 'no-static', reason: `${staticDir} does not exist: build the app first.` });
  const serveStatic =
    staticDir !== undefined && existsSync(staticDir) ? sirv(staticDir, { single: true, dev: false }) : null;
  const notFound = (response: ServerResponse) => {
    response.statusCode = 404;
    response.end('Not found');
  };
  const fileBuckets = new Map<string, TokenBucket>();
  const serveFiles = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    try {
      if (!(await handleFileRequest(request, response, path, db, limits, log, fileBuckets))) notFound(response);
    } catch (error) {
      log({ level: 'warn', event: 'file-error', reason: error instanceof Error ? error.message : String(error) });
      if (!response.headersSent) response.writeHead(500);
      response.end();
    }
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith(`${SYNC_PATH}/`)) void serveFiles(request, response, path.slice(SYNC_PATH.length));
    else if (serveStatic) serveStatic(request, response, () => notFound(response));
    else notFound(response);
  });
  // Past four times the limit a message is not even read; up to that, beforeHandleMessage refuses it with a reason.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes * 4 });
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== SYNC_PATH) return socket.destroy();
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      webSocket.on('error', (error) => log({ level: 'warn', event: 'connection-error', reason: error.message }));
      hocuspocus.handleConnection(webSocket, request);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log({ level: 'info', event: 'listening', reason: url });

  return {
    url,
    port,
    async close() {
      hocuspocus.closeConnections();
      for (const client of sockets.clients) client.terminate();
      for (const room of hosts.values()) room.close();
      hosts.clear();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const document of hocuspocus.documents.values()) document.destroy();
      hocuspocus.documents.clear();
      db.close();
      log({ level: 'info', event: 'closed' });
    },
  };
}
