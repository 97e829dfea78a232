/**
 * The browser's end of a shared room: one Yjs document kept in sync with the sync server by Hocuspocus, read-only
 * here (only the server writes it), and stateless messages both ways (`src/core/shared/protocol.ts`). Yjs and the
 * Hocuspocus provider load on first use, so a room of one never downloads them.
 *
 * What the member asks for waits in an outbox until the server acknowledges or refuses it, and is sent again after
 * every reconnect; the server drops a resend by its id, so nothing is lost and nothing is appended twice.
 */
import type { ClientMessage, IntentBody, JoinToken, Member, RoomEvent, ServerMessage } from '../../core/index.ts';

/** Where a shared room lives: the sync server's WebSocket address, the room's id and its secret. */
export interface SharedRoomAddress {
  serverUrl: string;
  roomId: string;
  secret: string;
}

/** Who this browser is in the room: kept on the device, so a reload rejoins as the same member. */
export interface SharedIdentity {
  memberId: string;
  memberKey: string;
  name: string;
}

/** Someone with the room open now. */
export interface PresenceEntry {
  memberId: string;
  name: string;
  typing: boolean;
}

export type SharedStatus = 'connecting' | 'connected' | 'offline' | 'refused';

export type RelayedDelta = Extract<ServerMessage, { t: 'delta' }>;

export interface SharedConnectionHandlers {
  /** Log entries new to this browser, in order (the whole log on first sync). */
  onEvents(events: RoomEvent[]): void;
  onMembers(members: Member[]): void;
  onPresence(presence: PresenceEntry[]): void;
  onDelta(delta: RelayedDelta): void;
  onRefused(id: string, reason: string): void;
  onStatus(status: SharedStatus, reason?: string): void;
  /** The document is in sync again after a (re)connect. */
  onSynced(): void;
}

export interface SharedConnection {
  sendIntent(id: string, body: IntentBody): void;
  importLog(id: string, log: RoomEvent[]): void;
  sendDelta(turnId: string, seq: number, text: string, reasoning?: string, full?: true): void;
  setMember(id: string, memberId: string, change: { role?: 'arbiter' | 'contributor'; remove?: true }): void;
  setTyping(typing: boolean): void;
  /** Messages sent and not yet answered by the server. */
  pendingCount(): number;
  close(): void;
}

/** Turns what the server sent into a message, or null for anything else (logged, never trusted). */
export function parseServerMessage(payload: string): ServerMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Record<string, unknown>;
  if ((message.t === 'ack' || message.t === 'refused') && typeof message.id === 'string') {
    if (message.t === 'ack') return { t: 'ack', id: message.id };
    return { t: 'refused', id: message.id, reason: typeof message.reason === 'string' ? message.reason : 'Refused.' };
  }
  if (message.t === 'delta' && typeof message.turnId === 'string' && typeof message.text === 'string') {
    return value as RelayedDelta;
  }
  return null;
}

export async function connectShared(
  address: SharedRoomAddress,
  identity: SharedIdentity,
  options: {
    create?: boolean;
    /** The WebSocket class where there is no global one (Node 20, in tests). */
    WebSocketPolyfill?: unknown;
  },
  handlers: SharedConnectionHandlers,
): Promise<SharedConnection> {
  const [Y, { HocuspocusProvider, HocuspocusProviderWebsocket }] = await Promise.all([
    import('yjs'),
    import('@hocuspocus/provider'),
  ]);
  const document = new Y.Doc();
  const log = document.getArray<RoomEvent>('log');
  const members = document.getMap<Member>('members');
  const outbox = new Map<string, string>();
  let seen = 0;

  const token: JoinToken = {
    secret: address.secret,
    memberId: identity.memberId,
    memberKey: identity.memberKey,
    name: identity.name,
    ...(options.create ? { create: true } : {}),
  };

  log.observe(() => {
    const fresh = log.slice(seen);
    seen = log.length;
    if (fresh.length > 0) handlers.onEvents(fresh);
  });
  members.observe(() => handlers.onMembers([...members.values()]));

  const socket = new HocuspocusProviderWebsocket({
    url: address.serverUrl,
    ...(options.WebSocketPolyfill !== undefined ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
  });
  socket.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') handlers.onStatus('connected');
    else if (status === 'connecting') handlers.onStatus('connecting');
    else handlers.onStatus('offline');
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: address.roomId,
    document,
    token: JSON.stringify(token),
    onAuthenticationFailed: ({ reason }) => handlers.onStatus('refused', reason),
    onSynced: () => {
      // Whatever was sent and not answered may have been lost with the old socket: the server drops repeats.
      for (const payload of outbox.values()) provider.sendStateless(payload);
      handlers.onSynced();
    },
    onStateless: ({ payload }) => {
      const message = parseServerMessage(payload);
      if (message === null) return;
      if (message.t === 'delta') return handlers.onDelta(message);
      outbox.delete(message.id);
      if (message.t === 'refused') handlers.onRefused(message.id, message.reason);
    },
    onAwarenessChange: ({ states }) => {
      const present = new Map<string, PresenceEntry>();
      for (const state of states) {
        const member = (state as { member?: Partial<PresenceEntry> }).member;
        if (typeof member?.memberId !== 'string' || typeof member.name !== 'string') continue;
        const typing = member.typing === true || present.get(member.memberId)?.typing === true;
        present.set(member.memberId, { memberId: member.memberId, name: member.name, typing });
      }
      handlers.onPresence([...present.values()]);
    },
  });
  provider.attach();
  provider.setAwarenessField('member', { memberId: identity.memberId, name: identity.name, typing: false });

  const send = (message: ClientMessage, keep: boolean) => {
    const payload = JSON.stringify(message);
    if (keep && 'id' in message) outbox.set(message.id, payload);
    provider.sendStateless(payload);
  };

  return {
    sendIntent: (id, body) => send({ t: 'intent', id, body }, true),
    importLog: (id, events) => send({ t: 'import', id, log: events }, true),
    sendDelta: (turnId, seq, text, reasoning, full) =>
      send({ t: 'delta', turnId, seq, text, ...(reasoning ? { reasoning } : {}), ...(full ? { full } : {}) }, false),
    setMember: (id, memberId, change) => send({ t: 'member', id, memberId, ...change }, true),
    setTyping: (typing) =>
      provider.setAwarenessField('member', { memberId: identity.memberId, name: identity.name, typing }),
    pendingCount: () => outbox.size,
    close() {
      provider.destroy();
      socket.destroy();
      document.destroy();
    },
  };
}
