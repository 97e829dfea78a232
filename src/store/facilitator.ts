/**
 * The facilitator store (MPOP L1): holds the room and the transcript, feeds human intents and turn results to
 * the core's arbiter, runs the turns it starts through the L0 adapters, and batches streamed text into frames.
 * Protocol decisions all happen in the core; this file only wires them up.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AdapterEvent, PeerAdapter, ProviderSettings, TurnResult } from '../adapters/index.ts';
import {
  BUILT_IN_MODES,
  ContextBuilder,
  DAP_PRESETS,
  DEFAULT_MODE_ID,
  arbiterPeersFromRoster,
  createArbiter,
  currentDapProbabilities,
  currentLimits,
  dapParamsOf,
  isRoundActive,
  outcomeFromReply,
  parseMentions,
  reduceArbiter,
} from '../core/index.ts';
import type {
  ArbiterEffect,
  ArbiterInput,
  ArbiterState,
  ArbiterStep,
  ModeDefinition,
  ProviderId,
  Roster,
  TurnOutcome,
} from '../core/index.ts';
import { PEER_COLOURS } from '../core/index.ts';
import { keyForSeat, withheldKeyMessage } from '../core/index.ts';
import { isKnownMode, serializeRoom } from '../formats/index.ts';
import { checkStoredRoom, newlyBrokenRule, seatNameOf } from './room-rules.ts';
import type { PeerSeat, Result, RoomData, RoomState, RoomStore, TranscriptMessage } from './types.ts';

/** Everything with a side effect comes in from outside, so the store runs in Node tests as in the browser. */
export interface FacilitatorDeps {
  adapterFor(settings: ProviderSettings): PeerAdapter;
  now(): number;
  newId(): string;
  /** A fresh DAP seed for a new conversation. */
  newSeed(): number;
  /** Runs `flush` once before the next paint (requestAnimationFrame in the browser). */
  requestFrame(flush: () => void): void;
  /** Estimated cost of a turn in USD, when the model's prices are known. */
  costOf?(peer: PeerSeat, usage: { inputTokens: number; outputTokens: number }): number | undefined;
  initialRoom: RoomData;
}

/** The longest human message accepted (a 1 MB paste still fits). */
export const MAX_MESSAGE_CHARS = 2_000_000;

/** The answer to a change asked for after the human ended the conversation. */
export const ENDED_NOTICE = 'This conversation has ended. Duplicate it from the conversation list to go on.';

/** Why nothing done here can change the conversation, for as long as it lasts: another tab holds it, or it ended. */
export function readOnlyNotice(state: Pick<RoomState, 'readOnlyReason' | 'ended'>): string | null {
  return state.readOnlyReason ?? (state.ended ? ENDED_NOTICE : null);
}

/** The answer to a change asked for while a conversation's older messages are still being read from storage. */
export const STILL_OPENING_NOTICE =
  'This conversation is still being read from storage (older messages first). Try again in a moment.';

export function modesOf(room: Pick<RoomData, 'customModes'>): ModeDefinition[] {
  return [...BUILT_IN_MODES, ...room.customModes];
}

function modeById(room: Pick<RoomData, 'customModes' | 'modeId'>, modeId = room.modeId): ModeDefinition {
  return (
    modesOf(room).find((mode) => mode.id === modeId) ?? BUILT_IN_MODES.find((mode) => mode.id === DEFAULT_MODE_ID)!
  );
}

function rosterOf(state: RoomState): Roster {
  return { human: state.human, peers: state.peers };
}

function transcriptOf(state: RoomState): TranscriptMessage[] {
  return state.messageIds.map((id) => state.messages[id]).filter((message) => message !== undefined);
}

type ArbiterView = Pick<
  RoomState,
  'queuedPeerIds' | 'streamingPeerIds' | 'effectiveLimits' | 'dapParams' | 'dapProbabilities'
>;

/** A conversation with nothing said yet; the arbiter's view is filled in when its arbiter starts. */
function emptyConversation(
  room: RoomData,
  conversationId: string,
): Omit<RoomState, 'providers' | 'rememberKeys' | 'arbiter' | keyof ArbiterView> {
  return {
    ...room,
    conversationId,
    title: room.name,
    messageIds: [],
    messages: {},
    olderMessagesPending: false,
    events: [],
    eventLogPending: false,
    roundActive: false,
    lastRoundEnd: null,
    contextFills: {},
    notice: null,
    readOnlyReason: null,
    ended: false,
  };
}

export function createFacilitatorStore(deps: FacilitatorDeps): StoreApi<RoomStore> {
  const firstStep = startArbiter(deps.initialRoom, deps.now());
  let arbiter: ArbiterState = firstStep.state;
  const contextBuilder = new ContextBuilder();
  const controllers = new Map<string, AbortController>();
  const pendingText = new Map<string, string>();
  let flushScheduled = false;
  /** Bumped when the conversation is replaced: late results of the old one's turns are then dropped. */
  let generation = 0;

  const store = createStore<RoomStore>()((set, get) => {
    /** Applies an arbiter step: state, events, then its effects. */
    const applyStep = (step: ArbiterStep) => {
      arbiter = step.state;
      set((state) => ({
        arbiter,
        events: step.events.length > 0 ? [...state.events, ...step.events] : state.events,
        roundActive: isRoundActive(arbiter),
        ended: arbiter.ended,
        ...arbiterView(arbiter),
      }));
      for (const effect of step.effects) runEffect(effect);
    };

    const dispatch = (input: ArbiterInput) => applyStep(reduceArbiter(arbiter, input));

    const runEffect = (effect: ArbiterEffect) => {
      switch (effect.type) {
        case 'start-turn':
          void runTurn(effect);
          return;
        case 'abort-turn':
          controllers.get(effect.turnId)?.abort();
          return;
        case 'round-ended':
          set({ lastRoundEnd: effect.reason });
          return;
        case 'input-rejected':
          set({ notice: effect.message });
          return;
      }
    };

    const patchMessage = (id: string, patch: Partial<TranscriptMessage>) =>
      set((state) => {
        const current = state.messages[id];
        return current ? { messages: { ...state.messages, [id]: { ...current, ...patch } } } : {};
      });

    const flushText = () => {
      flushScheduled = false;
      if (pendingText.size === 0) return;
      const batch = new Map(pendingText);
      pendingText.clear();
      set((state) => {
        const messages = { ...state.messages };
        for (const [id, text] of batch) {
          const current = messages[id];
          if (current) messages[id] = { ...current, text: current.text + text, retrying: undefined };
        }
        return { messages };
      });
    };

    const queueText = (messageId: string, text: string) => {
      pendingText.set(messageId, (pendingText.get(messageId) ?? '') + text);
      if (flushScheduled) return;
      flushScheduled = true;
      deps.requestFrame(flushText);
    };

    const refreshContextFills = () => {
      const state = get();
      // Fills are measured on the whole transcript; `restoreMessages` measures them once it is in.
      if (state.olderMessagesPending) return;
      const fills = contextBuilder.contextFills({
        roster: rosterOf(state),
        mode: modeById(state),
        messages: transcriptOf(state),
      });
      set({ contextFills: Object.fromEntries(fills.map((fill) => [fill.peerId, fill])) });
    };

    const providerSettings = (peer: PeerSeat): ProviderSettings => {
      const config = get().providers[peer.provider] ?? {};
      const baseURL = peer.baseURL ?? config.baseURL;
      const apiKey = keyForSeat(peer, config);
      return {
        kind: peer.provider,
        ...(apiKey ? { apiKey } : {}),
        ...(baseURL ? { baseURL } : {}),
      };
    };

    const runTurn = async (effect: Extract<ArbiterEffect, { type: 'start-turn' }>) => {
      // A regenerated message is rerun from its place: the new version follows the same message the old one did.
      if (effect.reason.kind === 'retry') cutPathBefore(effect.reason.replacesMessageId);
      const state = get();
      const peer = state.peers.find((seat) => seat.id === effect.peerId);
      if (!peer)
        return dispatch({
          type: 'turn-finished',
          at: deps.now(),
          turnId: effect.turnId,
          outcome: { status: 'error', errorReason: 'unknown' },
        });
      const roster = rosterOf(state);
      const { request } = contextBuilder.buildPeerContext(
        { roster, mode: modeById(state, effect.modeId), messages: transcriptOf(state) },
        peer.id,
      );
      const messageId = deps.newId();
      const message: TranscriptMessage = {
        id: messageId,
        kind: 'peer',
        authorId: peer.id,
        text: '',
        status: 'streaming',
        modeId: effect.modeId,
        roundId: effect.roundId,
        turnId: effect.turnId,
        reason: effect.reason,
        createdAt: deps.now(),
        ...parentOf(state.messageIds),
      };
      set((current) => ({
        messageIds: [...current.messageIds, messageId],
        messages: { ...current.messages, [messageId]: message },
      }));

      const controller = new AbortController();
      controllers.set(effect.turnId, controller);
      const startedIn = generation;
      const onEvent = (event: AdapterEvent) => {
        if (startedIn !== generation) return;
        if (event.type === 'delta') queueText(messageId, event.text);
        else patchMessage(messageId, { retrying: event.message });
      };
      const room = {
        selfHandle: peer.handle,
        // Only seats that can answer: a demo peer should not call on a muted one.
        peers: state.peers
          .filter((seat) => seat.id !== peer.id && seat.enabled)
          .map((seat) => ({ handle: seat.handle, name: seat.displayName })),
        modeId: effect.modeId,
        human: { handle: state.human.handle, name: state.human.displayName },
      };
      const withheld = withheldKeyMessage(peer, get().providers[peer.provider] ?? {});
      const result: TurnResult = withheld
        ? refusedTurn(withheld)
        : await deps.adapterFor(providerSettings(peer)).stream(request, { signal: controller.signal, onEvent, room });
      if (startedIn !== generation) return;
      controllers.delete(effect.turnId);
      flushText();
      const outcome = finishMessage(peer, messageId, result);
      refreshContextFills();
      dispatch({ type: 'turn-finished', at: deps.now(), turnId: effect.turnId, outcome });
    };

    /** Writes the turn's final state into its message and returns what the arbiter needs to know. */
    const finishMessage = (peer: PeerSeat, messageId: string, result: TurnResult): TurnOutcome => {
      const usage = result.usage ?? undefined;
      const tokens = usage ? { input: usage.inputTokens, output: usage.outputTokens } : undefined;
      const costUsd = usage ? deps.costOf?.(peer, usage) : undefined;
      const spend = { ...(tokens ? { tokens } : {}), ...(costUsd !== undefined ? { costUsd } : {}) };
      const delivery = {
        retrying: undefined,
        stopReason: result.stopReason,
        latencyMs: { firstToken: result.latency.firstTokenMs, total: result.latency.totalMs },
        ...spend,
      };
      if (result.status === 'complete') {
        const { text, outcome } = outcomeFromReply(result.text, rosterOf(get()), peer.id, messageId, spend);
        patchMessage(messageId, { ...delivery, text, status: outcome.status === 'passed' ? 'passed' : 'complete' });
        return outcome;
      }
      const error = { reason: result.error.reason, message: result.error.message };
      if (result.status === 'interrupted') {
        patchMessage(messageId, { ...delivery, text: result.text, status: 'interrupted' });
        return { status: 'interrupted', messageId, ...spend };
      }
      patchMessage(messageId, { ...delivery, text: result.text, status: 'error', errorReason: error.reason, error });
      return { status: 'error', errorReason: error.reason, messageId, ...spend };
    };

    /** Re-validates the seats and tells the arbiter; refuses a change that breaks a rule (the rule's message). */
    const commitPeers = (peers: PeerSeat[]) => {
      const broken = newlyBrokenRule(get(), { ...get(), peers });
      if (broken) return { ok: false as const, message: broken.message };
      set({ peers });
      dispatch({ type: 'set-peers', at: deps.now(), peers: arbiterPeersFromRoster({ human: get().human, peers }) });
      refreshContextFills();
      return { ok: true as const };
    };

    /** Ends the active path just before `messageId` (it and what followed stay stored, as another version). */
    const cutPathBefore = (messageId: string) => {
      const index = get().messageIds.indexOf(messageId);
      if (index >= 0) set((state) => ({ messageIds: state.messageIds.slice(0, index) }));
    };

    /** Aborts every running stream (leaving a conversation); their turns end as interrupted. */
    const abortAll = () => {
      generation++;
      for (const controller of controllers.values()) controller.abort();
      controllers.clear();
      pendingText.clear();
    };

    const peerById = (peerId: string) => get().peers.find((peer) => peer.id === peerId);

    /** Why the conversation cannot change now: another tab holds it, or its older messages are still being read. */
    const blockedReason = () => readOnlyNotice(get()) ?? (get().olderMessagesPending ? STILL_OPENING_NOTICE : null);

    /** Appends a human message and opens its round; `edits` names the message it is an edited version of. */
    const postHumanMessage = (text: string, edits?: string): Result => {
      const readOnly = blockedReason();
      if (readOnly) return { ok: false, message: readOnly };
      if (text.trim() === '') return { ok: false, message: 'Write something first.' };
      if (text.length > MAX_MESSAGE_CHARS)
        return { ok: false, message: `That message is over ${MAX_MESSAGE_CHARS.toLocaleString('en')} characters.` };
      if (edits !== undefined) cutPathBefore(edits);
      const state = get();
      const mentions = parseMentions(text, rosterOf(state), { authorId: state.human.id });
      const messageId = deps.newId();
      const message: TranscriptMessage = {
        id: messageId,
        kind: 'human',
        authorId: state.human.id,
        text,
        status: 'complete',
        modeId: state.modeId,
        createdAt: deps.now(),
        ...parentOf(state.messageIds),
      };
      const muted = mentions.mutedPeerIds.map((id) => peerById(id)?.displayName ?? id);
      set((current) => ({
        messageIds: [...current.messageIds, messageId],
        messages: { ...current.messages, [messageId]: message },
        notice:
          muted.length > 0
            ? `${muted.join(', ')} ${muted.length === 1 ? 'is' : 'are'} muted and will not answer.`
            : null,
      }));
      dispatch({ type: 'human-message', at: deps.now(), messageId, mentions, ...(edits ? { edits } : {}) });
      refreshContextFills();
      return { ok: true };
    };

    return {
      ...emptyConversation(deps.initialRoom, deps.newId()),
      arbiter,
      events: firstStep.events,
      ...arbiterView(arbiter),
      providers: {},
      rememberKeys: true,

      send: (text) => postHumanMessage(text),

      stopAll: () => dispatch({ type: 'stop-all', at: deps.now() }),
      stopPeer: (peerId) => dispatch({ type: 'stop-peer', at: deps.now(), peerId }),
      skipNext: () => dispatch({ type: 'skip-next', at: deps.now() }),

      speakNow(peerId) {
        const readOnly = blockedReason();
        if (readOnly) return { ok: false, message: readOnly };
        set({ notice: null });
        dispatch({ type: 'speak-now', at: deps.now(), peerId });
        const notice = get().notice;
        return notice ? { ok: false, message: notice } : { ok: true };
      },

      regenerate(messageId) {
        const readOnly = blockedReason();
        if (readOnly) return { ok: false, message: readOnly };
        const message = get().messages[messageId];
        if (!message || message.kind !== 'peer')
          return { ok: false, message: 'Only a peer’s message can be regenerated.' };
        set({ notice: null });
        dispatch({ type: 'regenerate', at: deps.now(), peerId: message.authorId, messageId });
        const notice = get().notice;
        return notice ? { ok: false, message: notice } : { ok: true };
      },

      mute(peerId) {
        set((state) => ({
          peers: state.peers.map((peer) => (peer.id === peerId ? { ...peer, enabled: false } : peer)),
        }));
        dispatch({ type: 'mute', at: deps.now(), peerId });
      },

      unmute(peerId) {
        set((state) => ({
          peers: state.peers.map((peer) => (peer.id === peerId ? { ...peer, enabled: true } : peer)),
        }));
        dispatch({ type: 'unmute', at: deps.now(), peerId });
      },

      setMode(modeId) {
        const state = get();
        const readOnly = blockedReason();
        if (readOnly) return { ok: false, message: readOnly };
        if (!isKnownMode(modeId, state)) return { ok: false, message: `Unknown mode "${modeId}".` };
        if (modeId === state.modeId) return { ok: true };
        const mode = modeById(state, modeId);
        // A seat's own DAP settings must still fit the new mode's (pMin <= pMax).
        const broken = newlyBrokenRule(state, { ...state, modeId });
        if (broken) {
          const seat = seatNameOf(broken.path, state);
          return {
            ok: false,
            message: `Cannot switch to ${mode.name}${seat ? ` with ${seat}’s settings` : ''}: ${broken.message}`,
          };
        }
        set({ modeId });
        dispatch({ type: 'set-mode', at: deps.now(), mode: { id: mode.id, defaults: mode.defaults } });
        return { ok: true };
      },

      setLimits(limits) {
        const broken = newlyBrokenRule(get(), { ...get(), limits: { ...get().limits, ...limits } });
        if (broken) return { ok: false, message: broken.message };
        set({ notice: null });
        dispatch({ type: 'set-limits', at: deps.now(), limits });
        const notice = get().notice;
        if (notice) return { ok: false, message: notice };
        set((state) => ({ limits: { ...state.limits, ...limits } }));
        return { ok: true };
      },

      setPeerDap(peerId, dap) {
        const withDap = (peer: PeerSeat) =>
          peerId === null || peer.id === peerId ? { ...peer, dap: { ...peer.dap, ...dap } } : peer;
        const broken = newlyBrokenRule(get(), { ...get(), peers: get().peers.map(withDap) });
        if (broken) return { ok: false, message: broken.message };
        set({ notice: null });
        dispatch({ type: 'set-dap', at: deps.now(), peerId, dap });
        const notice = get().notice;
        if (notice) return { ok: false, message: notice };
        set((state) => ({ peers: state.peers.map(withDap) }));
        return { ok: true };
      },

      applyDapPreset(peerId, preset) {
        const params = DAP_PRESETS[preset];
        return get().setPeerDap(peerId, { ...params });
      },

      addPeer(input) {
        const state = get();
        const seat: PeerSeat = {
          ...input,
          kind: 'peer',
          id: deps.newId(),
          handle: input.handle.trim().toLowerCase(),
          enabled: input.enabled ?? true,
          dap: input.dap ?? {},
          colour: input.colour || PEER_COLOURS[state.peers.length % PEER_COLOURS.length]!,
        };
        return commitPeers([...state.peers, seat]);
      },

      updatePeer(peerId, patch) {
        const state = get();
        if (!peerById(peerId)) return { ok: false, message: 'That peer is no longer in the room.' };
        const peers = state.peers.map((peer) =>
          peer.id === peerId
            ? { ...peer, ...patch, ...(patch.handle ? { handle: patch.handle.trim().toLowerCase() } : {}) }
            : peer,
        );
        return commitPeers(peers);
      },

      removePeer(peerId) {
        void commitPeers(get().peers.filter((peer) => peer.id !== peerId));
      },

      movePeer(peerId, offset) {
        const peers = [...get().peers];
        const index = peers.findIndex((peer) => peer.id === peerId);
        const target = index + offset;
        if (index < 0 || target < 0 || target >= peers.length) return;
        [peers[index], peers[target]] = [peers[target]!, peers[index]!];
        void commitPeers(peers);
      },

      setProvider(provider: ProviderId, config) {
        set((state) => ({ providers: { ...state.providers, [provider]: { ...config } } }));
      },

      setRememberKeys: (remember) => set({ rememberKeys: remember }),

      async testConnection(provider) {
        const config = get().providers[provider] ?? {};
        try {
          const models = await deps.adapterFor({ kind: provider, ...config }).listModels();
          return { ok: true, models: models.map((model) => model.id) };
        } catch (error) {
          return { ok: false, message: error instanceof Error ? error.message : 'The provider could not be reached.' };
        }
      },

      async importRoom(json) {
        const { parseRoomFile } = await import('../formats/room-file/parse.ts');
        const parsed = parseRoomFile(json, deps.newSeed());
        // The parser has checked the room against every rule (validateRoomSettings), naming the file's field.
        if (!parsed.ok) return parsed;
        abortAll();
        const step = startArbiter(parsed.room, deps.now());
        set((state) => ({
          ...emptyConversation(parsed.room, deps.newId()),
          providers: { ...state.providers, ...mergeKeys(state.providers, parsed.keys) },
        }));
        applyStep(step);
        refreshContextFills();
        return { ok: true };
      },

      exportRoom(options) {
        const state = get();
        return serializeRoom(state, state.providers, options?.includeKeys ?? false);
      },

      dismissNotice: () => set({ notice: null }),

      editAndRerun(messageId, text) {
        const original = get().messages[messageId];
        if (!original || original.kind !== 'human')
          return { ok: false, message: 'Only your own messages can be edited.' };
        if (!get().messageIds.includes(messageId))
          return { ok: false, message: 'That message is not on the branch you are viewing.' };
        return postHumanMessage(text, messageId);
      },

      showVersion(messageId) {
        if (!get().messages[messageId]) return;
        const readOnly = blockedReason();
        if (readOnly) return set({ notice: readOnly });
        dispatch({ type: 'show-version', at: deps.now(), messageId });
        set((current) => ({ messageIds: pathThrough(current.messages, messageId) }));
        refreshContextFills();
      },

      endConversation() {
        const readOnly = blockedReason();
        if (readOnly) return { ok: false, message: readOnly };
        dispatch({ type: 'end-session', at: deps.now() });
        return { ok: true };
      },

      newConversation() {
        abortAll();
        const state = get();
        const room: RoomData = { ...roomDataOf(state), seed: deps.newSeed() };
        set(emptyConversation(room, deps.newId()));
        applyStep(startArbiter(room, deps.now()));
        refreshContextFills();
      },

      loadConversation(stored) {
        // Checked against the rules before anything changes: a room the arbiter would refuse never reaches it.
        const checked = checkStoredRoom(stored.room, stored.title);
        if (!checked.ok) return set({ notice: checked.message });
        // A repaired room starts a fresh arbiter (the stored one holds the refused values), its clock continued.
        const saved = checked.repaired ? { ...stored, room: checked.room, arbiter: null } : stored;
        abortAll();
        const messages = saved.messages;
        const storedLamport = saved.events.reduce(
          (max, event) => Math.max(max, event.lamport),
          saved.eventsPending?.lastLamport ?? 0,
        );
        // The stored arbiter; for a log without one (an imported file, a repaired room), a fresh arbiter whose
        // clock continues it, ended when the session was completed.
        const opening = saved.arbiter ? null : startArbiter(saved.room, deps.now());
        const ended =
          stored.arbiter?.ended === true || saved.events.some((event) => event.type === 'session-completed');
        const resumed =
          saved.arbiter ?? (storedLamport > 0 ? { ...opening!.state, lamport: storedLamport, ended } : null);
        set({
          ...emptyConversation(saved.room, saved.id),
          title: saved.title,
          messageIds: saved.messagesPending?.pathIds ?? messages.map((message) => message.id),
          messages: Object.fromEntries(
            [...(saved.otherVersions ?? []), ...messages].map((message) => [message.id, message]),
          ),
          olderMessagesPending: saved.messagesPending !== undefined,
          events: saved.events,
          eventLogPending: saved.eventsPending !== undefined,
          lastRoundEnd: saved.lastRoundEnd,
          // In the first change already, so whoever watches for a new conversation sees its stored clock.
          ...(resumed ? { arbiter: resumed } : {}),
        });
        // After the first change, so that storage is told too: those turns cannot go on.
        const cutShort = [...(saved.otherVersions ?? []), ...messages]
          .filter((message) => message.status === 'streaming')
          .map(endedStreaming);
        if (cutShort.length > 0)
          set((state) => ({
            messages: { ...state.messages, ...Object.fromEntries(cutShort.map((message) => [message.id, message])) },
          }));
        if (resumed) {
          arbiter = resumed;
          // A round that was running when the page closed cannot go on: end it, completing its turns.
          if (isRoundActive(arbiter)) dispatch({ type: 'stop-all', at: deps.now() });
          else applyStep({ state: arbiter, effects: [], events: [] });
        } else {
          applyStep(opening!);
        }
        if (checked.notice) set({ notice: checked.notice });
        refreshContextFills();
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
        refreshContextFills();
      },

      restoreEvents(conversationId, stored) {
        const state = get();
        if (state.conversationId !== conversationId || !state.eventLogPending) return;
        const since = state.events[0]?.lamport ?? Infinity;
        set({ events: [...stored.filter((event) => event.lamport < since), ...state.events], eventLogPending: false });
      },

      rename(title) {
        const trimmed = title.trim();
        if (trimmed === '') return { ok: false, message: 'A conversation needs a title.' };
        if (trimmed.length > 200) return { ok: false, message: 'Titles are at most 200 characters.' };
        set({ title: trimmed });
        return { ok: true };
      },
    };
  });

  return store;
}

/** What the UI shows of the arbiter: who is queued and running, the limits and DAP parameters in force, p_i. */
function arbiterView(state: ArbiterState): ArbiterView {
  return {
    queuedPeerIds: state.round?.queue.map((item) => item.peerId) ?? [],
    streamingPeerIds: [...(state.round?.inFlight ?? []), ...state.orphans].map((turn) => turn.peerId),
    effectiveLimits: currentLimits(state),
    dapParams: Object.fromEntries(state.peers.map((peer) => [peer.id, dapParamsOf(state, peer)])),
    dapProbabilities: currentDapProbabilities(state),
  };
}

/** A message stored while it was streaming comes back interrupted: that turn cannot go on. */
function endedStreaming(message: TranscriptMessage): TranscriptMessage {
  return message.status === 'streaming' ? { ...message, status: 'interrupted', retrying: undefined } : message;
}

/** A turn that never reached a provider. */
function refusedTurn(message: string): TurnResult {
  return {
    status: 'error',
    text: '',
    stopReason: null,
    usage: null,
    latency: { firstTokenMs: null, totalMs: 0 },
    error: { reason: 'bad-key', message },
  };
}

function parentOf(messageIds: readonly string[]): { parentId?: string } {
  const last = messageIds.at(-1);
  return last === undefined ? {} : { parentId: last };
}

/** The path through `messageId`: its ancestors, itself, then the newest version at each later step. */
export function pathThrough(messages: Readonly<Record<string, TranscriptMessage>>, messageId: string): string[] {
  const children = new Map<string, TranscriptMessage[]>();
  for (const message of Object.values(messages)) {
    if (message.parentId === undefined) continue;
    const siblings = children.get(message.parentId) ?? [];
    siblings.push(message);
    children.set(message.parentId, siblings);
  }
  const path: string[] = [];
  const seen = new Set<string>();
  for (let id: string | undefined = messageId; id !== undefined && !seen.has(id); id = messages[id]?.parentId) {
    seen.add(id);
    path.unshift(id);
  }
  for (let next = newest(children.get(messageId)); next && !seen.has(next.id); next = newest(children.get(next.id))) {
    seen.add(next.id);
    path.push(next.id);
  }
  return path;
}

function newest(messages: readonly TranscriptMessage[] | undefined): TranscriptMessage | undefined {
  return messages?.reduce((latest, message) => (message.createdAt >= latest.createdAt ? message : latest));
}

/**
 * The versions of a message, oldest first: the messages that follow the same message and were written by the same
 * author (an edit of the human's message, a regeneration of a peer's).
 */
export function versionsOf(messages: Readonly<Record<string, TranscriptMessage>>, messageId: string): string[] {
  const message = messages[messageId];
  if (!message) return [];
  return Object.values(messages)
    .filter(
      (other) =>
        other.parentId === message.parentId && other.authorId === message.authorId && other.kind === message.kind,
    )
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((other) => other.id);
}

function roomDataOf(state: RoomState): RoomData {
  const { name, human, peers, modeId, customModes, limits, seed } = state;
  return { name, human, peers, modeId, customModes, limits, seed };
}

/** A fresh arbiter for a room (a new or imported room); its first events open the audit log. */
function startArbiter(room: RoomData, at: number): ArbiterStep {
  const mode = modeById(room);
  return createArbiter({
    seed: room.seed,
    humanId: room.human.id,
    peers: arbiterPeersFromRoster({ human: room.human, peers: room.peers }),
    mode: { id: mode.id, defaults: mode.defaults },
    limits: room.limits,
    at,
  });
}

function mergeKeys(current: RoomState['providers'], keys: RoomState['providers']): RoomState['providers'] {
  const merged: RoomState['providers'] = {};
  for (const [provider, config] of Object.entries(keys) as [ProviderId, { apiKey?: string }][]) {
    merged[provider] = { ...current[provider], ...config };
  }
  return merged;
}
