/**
 * Shared rooms in the store: share the open room, join one by its invite, rejoin after a reload, and follow it.
 *
 * While a room is shared, the log slice sends intents to the sync server instead of appending them, and applies
 * the events the server appended (`receive`). Turns are opened by the server's coordinator; this browser runs only
 * the turns of its own seats, on its own keys, and streams their text to the other members. Everything else (the
 * arbiter's decisions, the transcript) is the same core projecting the same log, so every screen agrees.
 */
import { runningTurn } from '../../core/index.ts';
import type { ArbiterEffect, Member, MemberRole, RoomEvent } from '../../core/index.ts';
import type { Result } from '../types.ts';
import type { RoomContext } from '../room/context.ts';
import type { createRoomLog, ReceivedStep } from '../room/log.ts';
import type { createTurnRunner } from '../room/turn-runner.ts';
import { nameProblem, parseInvite } from './invite.ts';
import { batchedRelay } from './relay-batch.ts';
import { fileIdsOf, remoteFiles, uploadFiles } from './shared-files.ts';
import { emptySharedRoom, sharedRoomStart } from './room-start.ts';
import type {
  connectShared,
  PresenceEntry,
  RelayedDelta,
  SharedConnection,
  SharedIdentity,
  SharedRoomAddress,
  SharedStatus,
} from './connection.ts';

type StartTurn = Extract<ArbiterEffect, { type: 'start-turn' }>;

/** What this device keeps of a shared room to rejoin it (never exported, never sent to another member). */
export interface SharedRoomSession {
  address: SharedRoomAddress;
  identity: SharedIdentity;
}

/** The shared room as the UI shows it. */
export interface SharedRoomView {
  roomId: string;
  serverUrl: string;
  /** `<room id>.<secret>`: what an invite link carries. */
  invite: string;
  me: { memberId: string; name: string };
  /** This member's role, once the server has listed them. */
  role: MemberRole | null;
  status: SharedStatus;
  /** Why the server refused this browser, or why the room's history could not be applied. */
  problem: string | null;
  members: Member[];
  presence: PresenceEntry[];
  /** True until the room's history has arrived. */
  joining: boolean;
}

export interface SharedState {
  shared: SharedRoomView | null;
  /** Set while shared: what a reload needs to rejoin (kept on this device only). */
  sharedSession: SharedRoomSession | null;
}

export interface SharedActions {
  shareRoom(serverUrl: string, name: string): Promise<Result>;
  joinSharedRoom(serverUrl: string, invite: string, name: string): Promise<Result>;
  rejoinSharedRoom(session: SharedRoomSession): Promise<Result>;
  leaveSharedRoom(): void;
  setTyping(typing: boolean): void;
  setMemberRole(memberId: string, role: 'arbiter' | 'contributor'): void;
  removeMember(memberId: string): void;
}

export const NOT_SHARED: SharedState = { shared: null, sharedSession: null };

export function sharedActions(
  ctx: RoomContext,
  log: ReturnType<typeof createRoomLog>,
  runner: ReturnType<typeof createTurnRunner>,
  connect: typeof connectShared,
  WebSocketPolyfill?: unknown,
): SharedActions {
  const { deps, get, set } = ctx;
  let connection: SharedConnection | null = null;
  let relay: ReturnType<typeof batchedRelay> | null = null;
  /** The turns the arbiter started, by turn id: the turn's mode, kept until the server opens it. */
  const startedTurns = new Map<string, StartTurn>();
  /** Which message each opened turn writes, for relayed text. */
  const turnMessages = new Map<string, string>();
  /** Relayed text that came before its turn's `turn-opened` (the text so far is sent as one joins): shown once it has. */
  const early = new Map<string, RelayedDelta[]>();
  /**
   * Set from opening a room until its first sync: the events it was shared with (none when joining), whose files go
   * up then, with any waiting in the composer (once the server has admitted this member).
   */
  let filesToUpload: RoomEvent[] | null = null;
  /** True until the first events of a connection (the history) have been applied. */
  let backlog = true;

  const view = (patch: Partial<SharedRoomView>) =>
    set((state) => (state.shared ? { shared: { ...state.shared, ...patch } } : {}));

  const randomToken = () => `${deps.newId()}${deps.newId()}`.replace(/-/g, '');

  /** Applies what the server appended, then runs what it asks of this browser. */
  function onEvents(events: RoomEvent[]) {
    const { steps, problem } = log.receive(events);
    const me = get().sharedSession?.identity.memberId;
    const opened: string[] = [];
    for (const step of steps) {
      for (const effect of step.effects) runRemoteEffect(effect, step, me);
      if (step.event.type === 'turn-opened') {
        turnMessages.set(step.event.turnId, step.event.messageId);
        opened.push(step.event.turnId);
        for (const delta of early.get(step.event.turnId) ?? []) onDelta(delta);
        early.delete(step.event.turnId);
      }
    }
    const wasBacklog = backlog;
    backlog = false;
    for (const turnId of opened) runIfMine(turnId, me, wasBacklog);
    if (steps.length > 0) ctx.refreshContextFills();
    view({ ...(problem !== null ? { problem } : {}), ...(get().conversationId !== '' ? { joining: false } : {}) });
  }

  function runRemoteEffect(
    effect: ArbiterEffect | { type: 'notice'; message: string | null },
    step: ReceivedStep,
    me?: string,
  ) {
    if (effect.type === 'start-turn') startedTurns.set(effect.turnId, effect);
    else if (effect.type === 'abort-turn') runner.abort(effect.turnId);
    else if (effect.type === 'notice' || effect.type === 'input-rejected') {
      // Notices answer the member who asked: another's "X is muted" is theirs.
      const event = step.event;
      if (event.type === 'human-message' && event.sender?.memberId === me) set({ notice: effect.message });
    }
  }

  /** Runs an opened turn of this member's seat; one opened before this page loaded is ended instead. */
  function runIfMine(turnId: string, me: string | undefined, fromHistory: boolean) {
    const state = get();
    const turn = runningTurn(state, turnId);
    const messageId = turnMessages.get(turnId);
    const seat = turn ? state.peers.find((peer) => peer.id === turn.peerId) : undefined;
    if (!turn || !seat || messageId === undefined || seat.ownerId !== me || runner.isRunning(turnId)) return;
    const effect = startedTurns.get(turnId);
    if (fromHistory || !effect) {
      // Its stream was lost with the page that ran it: end it now rather than after the server's timeout.
      const message = `${seat.displayName}'s turn was cut short when its owner's page reloaded.`;
      ctx.commit({
        type: 'turn-finished',
        turnId,
        messageId,
        result: {
          status: 'interrupted',
          text: state.messages[messageId]?.text ?? '',
          stopReason: null,
          error: { reason: 'aborted', message },
        },
      });
      return;
    }
    runner.runOpened(effect, messageId);
  }

  function onDelta(delta: RelayedDelta) {
    if (runner.isRunning(delta.turnId)) return;
    const messageId =
      turnMessages.get(delta.turnId) ??
      Object.values(get().messages).find((message) => message.turnId === delta.turnId)?.id;
    if (messageId !== undefined) runner.showRelayed(messageId, delta.text, delta.reasoning, delta.full === true);
    else early.set(delta.turnId, [...(delta.full ? [] : (early.get(delta.turnId) ?? [])), delta]);
  }

  async function open(session: SharedRoomSession, create: boolean, initialEvents?: RoomEvent[]): Promise<Result> {
    connection?.close();
    backlog = true;
    filesToUpload = initialEvents ?? [];
    startedTurns.clear();
    turnMessages.clear();
    early.clear();
    const { address, identity } = session;
    // Before connecting: the first sync, which may come before `connect` returns, uploads files through it.
    ctx.remoteFiles = remoteFiles(address, identity);
    set({
      sharedSession: session,
      shared: {
        roomId: address.roomId,
        serverUrl: address.serverUrl,
        invite: `${address.roomId}.${address.secret}`,
        me: { memberId: identity.memberId, name: identity.name },
        role: create ? 'owner' : null,
        status: 'connecting',
        problem: null,
        members: [],
        presence: [],
        joining: !create,
      },
    });
    try {
      connection = await connect(
        address,
        identity,
        { create, WebSocketPolyfill },
        {
          onEvents,
          onDelta,
          onMembers: (members) => {
            const me = members.find((member) => member.memberId === identity.memberId);
            view({ members, role: me?.role ?? null });
            if (!me?.removed) return;
            // The server closes a removed member's connections too; this page stops trying to reconnect.
            const removed = "The room's owner removed you from this room.";
            connection?.close();
            connection = null;
            relay?.close();
            ctx.remoteFiles = null;
            // What is still typed here goes nowhere, and says so, rather than into a room of one.
            log.setRemote({ send: () => set({ notice: removed }) });
            view({ status: 'refused', problem: removed });
          },
          onPresence: (presence) => view({ presence }),
          onSynced: () => {
            relay?.resync();
            const files = ctx.remoteFiles;
            if (filesToUpload === null || files === null) return;
            const pending = get().pendingAttachments.map((attachment) => attachment.ref.id);
            void uploadFiles([...fileIdsOf(filesToUpload), ...pending], ctx.attachments, files).then(([problem]) => {
              if (problem !== undefined) set({ notice: `A file of this conversation is not shared: ${problem}` });
            });
            filesToUpload = null;
          },
          onRefused: (_id, reason) => set({ notice: `The room's server refused that: ${reason}` }),
          onStatus: (status, reason) => view({ status, ...(reason !== undefined ? { problem: reason } : {}) }),
        },
      );
    } catch (error) {
      const message = `Could not reach the sync server at ${address.serverUrl}: ${error instanceof Error ? error.message : String(error)}`;
      view({ status: 'offline', problem: message });
      return { ok: false, message };
    }
    const live = connection;
    log.setRemote({ send: (body) => live.sendIntent(deps.newId(), body) });
    relay?.close();
    relay = batchedRelay((...delta) => live.sendDelta(...delta));
    ctx.relay = relay;
    if (initialEvents) live.importLog(deps.newId(), initialEvents);
    return { ok: true };
  }

  return {
    async shareRoom(serverUrl, name) {
      const problem = nameProblem(name) ?? ctx.blockedReason();
      if (problem) return { ok: false, message: problem };
      if (get().shared) return { ok: false, message: 'This room is shared already.' };
      const identity: SharedIdentity = { memberId: deps.newId(), memberKey: randomToken(), name: name.trim() };
      const started = sharedRoomStart(get(), deps.newId(), identity.memberId, deps.now());
      // The shared room is a conversation of its own, starting from this one's transcript: this one stays as it is.
      ctx.abortAll();
      set(emptySharedRoom(get()));
      const applied = log.receive(started);
      if (applied.problem !== null) return { ok: false, message: applied.problem };
      ctx.refreshContextFills();
      const address = { serverUrl, roomId: deps.newId(), secret: randomToken() };
      return open({ address, identity }, true, started);
    },

    async joinSharedRoom(serverUrl, invite, name) {
      const parsed = parseInvite(invite);
      if (parsed === null) return { ok: false, message: 'That invite link is not complete: ask for it again.' };
      const problem = nameProblem(name);
      if (problem) return { ok: false, message: problem };
      ctx.abortAll();
      set(emptySharedRoom(get()));
      const identity: SharedIdentity = { memberId: deps.newId(), memberKey: randomToken(), name: name.trim() };
      return open({ address: { serverUrl, ...parsed }, identity }, false);
    },

    async rejoinSharedRoom(session) {
      ctx.abortAll();
      set(emptySharedRoom(get()));
      return open(session, false);
    },

    leaveSharedRoom() {
      connection?.close();
      connection = null;
      log.setRemote(null);
      relay?.close();
      relay = null;
      ctx.relay = null;
      ctx.remoteFiles = null;
      set({ ...NOT_SHARED });
    },

    setTyping: (typing) => connection?.setTyping(typing),
    setMemberRole: (memberId, role) => connection?.setMember(deps.newId(), memberId, { role }),
    removeMember: (memberId) => connection?.setMember(deps.newId(), memberId, { remove: true }),
  };
}
