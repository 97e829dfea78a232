/**
 * Test helpers: real HocuspocusProvider clients (over `ws`) joined to a real sync server, and waiting for a
 * condition with a deadline instead of sleeping.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import type { RoomEvent } from '../src/core/index.ts';
import type { ClientMessage, IntentBody, JoinToken, Member, ServerMessage } from '../src/core/shared/index.ts';
import type { LogLine } from './log.ts';
import { createSyncServer, type SyncServer, type SyncServerOptions } from './sync-server.ts';

/** `ws` as the browser's WebSocket: a socket closed while connecting emits an error nobody needs to hear. */
class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => undefined);
  }
}

/** Waits until `condition` holds, checking every few milliseconds; throws naming `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  condition: () => T | undefined | null | false,
  timeoutMs = 8_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A server on a free port (or `port`) over a data folder, and the lines it logged. */
export async function startServer(
  dataDir: string,
  options: Partial<SyncServerOptions> = {},
): Promise<SyncServer & { lines: LogLine[] }> {
  const lines: LogLine[] = [];
  const server = await createSyncServer({ dataDir, port: 0, log: (line) => lines.push(line), ...options });
  return Object.assign(server, { lines });
}

export function temporaryFolder(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'peerchat-sync-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface ClientOptions {
  room: string;
  name: string;
  secret: string;
  create?: boolean;
  memberId?: string;
  memberKey?: string;
  /** Called with each stateless message as it arrives. */
  onMessage?: (message: ServerMessage) => void;
}

/** One member's browser: a provider, the stateless messages it got, and ways to send and read. */
export class TestClient {
  readonly received: ServerMessage[] = [];
  authFailure: string | null = null;
  readonly memberId: string;
  readonly memberKey: string;
  readonly socket: HocuspocusProviderWebsocket;
  readonly provider: HocuspocusProvider;

  constructor(url: string, options: ClientOptions) {
    this.memberId = options.memberId ?? `member-${options.name.toLowerCase()}`;
    this.memberKey = options.memberKey ?? randomUUID();
    const token: JoinToken = {
      secret: options.secret,
      memberId: this.memberId,
      memberKey: this.memberKey,
      name: options.name,
      ...(options.create ? { create: true } : {}),
    };
    this.socket = new HocuspocusProviderWebsocket({
      url: `${url.replace(/^http/, 'ws')}/sync`,
      WebSocketPolyfill: QuietWebSocket,
      delay: 20,
      factor: 1,
      maxDelay: 50,
      minDelay: 10,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: options.room,
      token: JSON.stringify(token),
      onStateless: ({ payload }) => {
        const message = JSON.parse(payload) as ServerMessage;
        this.received.push(message);
        options.onMessage?.(message);
      },
      onAuthenticationFailed: ({ reason }) => {
        this.authFailure = reason;
      },
    });
    this.provider.attach();
  }

  synced(): Promise<void> {
    return waitFor(`${this.memberId} to sync`, () => this.provider.isSynced).then(() => undefined);
  }

  send(message: ClientMessage | Record<string, unknown>): void {
    this.provider.sendStateless(JSON.stringify(message));
  }

  /** Sends an intent and waits for its answer. */
  async intent(id: string, body: IntentBody | Record<string, unknown>): Promise<ServerMessage> {
    this.send({ t: 'intent', id, body });
    return this.answer(id);
  }

  answer(id: string): Promise<ServerMessage> {
    return waitFor(`an answer to ${id}`, () =>
      this.received.find((message) => (message.t === 'ack' || message.t === 'refused') && message.id === id),
    );
  }

  log(): RoomEvent[] {
    return this.provider.document.getArray<RoomEvent>('log').toArray();
  }

  members(): Record<string, Member> {
    return this.provider.document.getMap<Member>('members').toJSON() as Record<string, Member>;
  }

  close(): void {
    this.provider.destroy();
    this.socket.destroy();
  }
}
