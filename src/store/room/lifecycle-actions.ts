/**
 * A conversation's life: start one (new, or from a room file), open a stored one (a snapshot the log goes on
 * from), read the rest of it in, end it, rename it.
 */
import { isRoundActive, roomDataOf, startArbiter } from '../../core/index.ts';
import type { ProviderId, RoomData, RoomProjection, TranscriptMessage } from '../../core/index.ts';
import { checkStoredRoom } from '../room-rules.ts';
import type { RoomActions, RoomState } from '../types.ts';
import type { RoomContext } from './context.ts';
import { startedState } from './log.ts';
import { arbiterView } from './view.ts';

type LifecycleActions = Pick<
  RoomActions,
  | 'importRoom'
  | 'newConversation'
  | 'loadConversation'
  | 'restoreMessages'
  | 'restoreEvents'
  | 'endConversation'
  | 'rename'
  | 'dismissNotice'
>;

/** What a conversation that has just been opened or started has not got yet. */
export const FRESH_CONVERSATION = {
  olderMessagesPending: false,
  eventLogPending: false,
  contextFills: {},
  liveInputTokens: {},
  notice: null,
  readOnlyReason: null,
} satisfies Partial<RoomState>;

export function lifecycleActions(ctx: RoomContext): LifecycleActions {
  const { deps, get, set } = ctx;

  /** Replaces the conversation with a new one at `room`'s table. */
  const startConversation = (room: RoomData, extra: Partial<RoomState> = {}) => {
    ctx.abortAll();
    const conversationId = deps.newId();
    set({
      ...FRESH_CONVERSATION,
      ...startedState(
        conversationId,
        { type: 'conversation-started', conversationId, title: room.name, room },
        deps.now(),
      ),
      ...extra,
    });
    ctx.refreshContextFills();
  };

  return {
    async importRoom(json) {
      const { parseRoomFile } = await import('../../formats/room-file/parse.ts');
      const parsed = parseRoomFile(json, deps.newSeed());
      // The parser has checked the room against every rule (validateRoomSettings), naming the file's field.
      if (!parsed.ok) return parsed;
      const providers = get().providers;
      startConversation(parsed.room, { providers: { ...providers, ...mergeKeys(providers, parsed.keys) } });
      return { ok: true };
    },

    newConversation() {
      startConversation({ ...roomDataOf(get()), seed: deps.newSeed() });
    },

    loadConversation(stored) {
      // Checked against the rules before anything changes: a room the arbiter would refuse never reaches it.
      const checked = checkStoredRoom(stored.room, stored.title);
      if (!checked.ok) return set({ notice: checked.message });
      // A repaired room starts a fresh arbiter (the stored one holds the refused values), its clock continued.
      const saved = checked.repaired ? { ...stored, room: checked.room, arbiter: null } : stored;
      ctx.abortAll();
      const storedLamport = saved.events.reduce(
        (max, event) => Math.max(max, event.lamport),
        saved.eventsPending?.lastLamport ?? 0,
      );
      // The stored arbiter; for a log without one (an imported file, a repaired room), a fresh arbiter whose
      // clock continues it, ended when the session was completed.
      const opening = saved.arbiter || storedLamport > 0 ? null : startArbiter(saved.room, deps.now());
      const ended = stored.arbiter?.ended === true || saved.events.some((event) => event.type === 'session-completed');
      const arbiter =
        saved.arbiter ??
        (opening ? opening.state : { ...startArbiter(saved.room, deps.now()).state, lamport: storedLamport, ended });
      const messages = [...(saved.otherVersions ?? []), ...saved.messages];
      const snapshot: RoomProjection = {
        ...saved.room,
        shareReasoning: saved.room.shareReasoning === true,
        councilDefault: saved.room.councilDefault ?? null,
        conversationId: saved.id,
        title: saved.title,
        messageIds: saved.messagesPending?.pathIds ?? saved.messages.map((message) => message.id),
        messages: Object.fromEntries(messages.map((message) => [message.id, message])),
        events: opening ? [...saved.events, ...opening.events] : saved.events,
        arbiter,
        lastRoundEnd: saved.lastRoundEnd,
        ended: arbiter.ended,
        // The log goes on from the snapshot (the stored log, if any, is older than it).
        logLamport: saved.logLamport ?? 0,
      };
      set({
        ...FRESH_CONVERSATION,
        ...snapshot,
        log: [],
        olderMessagesPending: saved.messagesPending !== undefined,
        eventLogPending: saved.eventsPending !== undefined,
        ...arbiterView(arbiter),
      });
      // A round that was running when the page closed cannot go on: end it, completing its turns…
      if (isRoundActive(arbiter)) ctx.commit({ type: 'human-control', control: { type: 'stop-all' } });
      // …and the replies that were streaming keep the text saved so far, marked interrupted.
      for (const message of messages.filter((candidate) => candidate.status === 'streaming'))
        ctx.commit({
          type: 'turn-finished',
          turnId: message.turnId ?? message.id,
          messageId: message.id,
          result: { status: 'interrupted', text: message.text },
        });
      if (checked.notice) set({ notice: checked.notice });
      ctx.refreshContextFills();
    },

    restoreMessages(conversationId, stored) {
      const state = get();
      if (state.conversationId !== conversationId || !state.olderMessagesPending) return;
      const messages = { ...state.messages };
      // What changed since opening (a turn closed as interrupted) is newer than storage.
      for (const message of stored) messages[message.id] ??= endedStreaming(message);
      // A path id with no stored message (a damaged store) is dropped, as a whole read would have.
      const messageIds = state.messageIds.every((id) => messages[id])
        ? state.messageIds
        : state.messageIds.filter((id) => messages[id]);
      set({ messages, messageIds, olderMessagesPending: false });
      ctx.refreshContextFills();
    },

    restoreEvents(conversationId, stored) {
      const state = get();
      if (state.conversationId !== conversationId || !state.eventLogPending) return;
      const since = state.events[0]?.lamport ?? Infinity;
      set({ events: [...stored.filter((event) => event.lamport < since), ...state.events], eventLogPending: false });
    },

    endConversation() {
      const blocked = ctx.blockedReason();
      if (blocked) return { ok: false, message: blocked };
      return ctx.commit({ type: 'human-control', control: { type: 'end-session' } });
    },

    rename(title) {
      const trimmed = title.trim();
      if (trimmed === '') return { ok: false, message: 'A conversation needs a title.' };
      if (trimmed.length > 200) return { ok: false, message: 'Titles are at most 200 characters.' };
      return ctx.commit({ type: 'title-set', title: trimmed });
    },

    dismissNotice: () => set({ notice: null }),
  };
}

/** A message stored while it was streaming comes back interrupted: that turn cannot go on. */
function endedStreaming(message: TranscriptMessage): TranscriptMessage {
  return message.status === 'streaming' ? { ...message, status: 'interrupted', retrying: undefined } : message;
}

function mergeKeys(current: RoomState['providers'], keys: RoomState['providers']): RoomState['providers'] {
  const merged: RoomState['providers'] = {};
  for (const [provider, config] of Object.entries(keys) as [ProviderId, { apiKey?: string }][]) {
    merged[provider] = { ...current[provider], ...config };
  }
  return merged;
}
