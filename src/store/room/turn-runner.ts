/**
 * The turn runner: runs the turns the arbiter starts through the L0 adapters. It owns the AbortControllers and the
 * streamed text: tokens are batched into one store change per frame and shown on the message, which stays
 * transient (autosave checkpoints it) until the turn's `turn-finished` event carries the final text. Streamed
 * reasoning goes the same way, into the message's `reasoning`, batched in the same frame.
 */
import type { AdapterEvent, ProfileTracker, ProviderSettings, TurnResult } from '../../adapters/index.ts';
import {
  councilTurn,
  keyForSeat,
  modeById,
  transcriptOf,
  withFacilitatorNote,
  withheldKeyMessage,
} from '../../core/index.ts';
import type { ArbiterEffect, PeerSeat, TurnRecord, ContextBuilder } from '../../core/index.ts';
import { resolveAttachments } from '../attachments/resolve.ts';
import { turnCost } from '../costs/prices.ts';
import type { RoomContext } from './context.ts';

type StartTurn = Extract<ArbiterEffect, { type: 'start-turn' }>;

export function createTurnRunner(
  ctx: Omit<RoomContext, 'abortAll'>,
  contextBuilder: ContextBuilder,
  profiles: ProfileTracker,
) {
  const { deps, set, get } = ctx;
  const controllers = new Map<string, AbortController>();
  const pendingText = new Map<string, string>();
  const pendingReasoning = new Map<string, string>();
  let flushScheduled = false;
  /** Bumped when the conversation is replaced: late results of the old one's turns are then dropped. */
  let generation = 0;

  const flushText = () => {
    flushScheduled = false;
    if (pendingText.size === 0 && pendingReasoning.size === 0) return;
    const batch = new Map(pendingText);
    const reasoningBatch = new Map(pendingReasoning);
    pendingText.clear();
    pendingReasoning.clear();
    set((state) => {
      const messages = { ...state.messages };
      // A turn that ended meanwhile (its end came from the shared room's server) already has its final text.
      for (const [id, reasoning] of reasoningBatch) {
        const current = messages[id];
        if (current?.status !== 'streaming') continue;
        const text = (current.reasoning?.text ?? '') + reasoning;
        messages[id] = { ...current, reasoning: { ...current.reasoning, text }, retrying: undefined };
      }
      for (const [id, text] of batch) {
        const current = messages[id];
        if (current?.status === 'streaming')
          messages[id] = { ...current, text: current.text + text, retrying: undefined };
      }
      return { messages };
    });
  };

  const queueText = (messageId: string, text: string, pending = pendingText) => {
    pending.set(messageId, (pending.get(messageId) ?? '') + text);
    if (flushScheduled) return;
    flushScheduled = true;
    deps.requestFrame(flushText);
  };

  const showRetrying = (messageId: string, notice: string) =>
    set((state) => {
      const current = state.messages[messageId];
      return current ? { messages: { ...state.messages, [messageId]: { ...current, retrying: notice } } } : {};
    });

  const setLiveInputTokens = (messageId: string, tokens: number | undefined) =>
    set((state) => {
      const { [messageId]: _dropped, ...rest } = state.liveInputTokens;
      return { liveInputTokens: tokens === undefined ? rest : { ...rest, [messageId]: tokens } };
    });

  const providerSettings = (peer: PeerSeat): ProviderSettings => {
    const config = get().providers[peer.provider] ?? {};
    const baseURL = peer.baseURL ?? config.baseURL;
    const apiKey = keyForSeat(peer, config);
    return { kind: peer.provider, ...(apiKey ? { apiKey } : {}), ...(baseURL ? { baseURL } : {}) };
  };

  /**
   * What the turn's event records of an adapter's result. The cost is priced here, once, at the prices in force
   * (the user's over the catalog's), and is what the round's cost budget counts.
   */
  const recordOf = (peer: PeerSeat, result: TurnResult): TurnRecord => {
    const usage = result.usage ?? undefined;
    const costUsd = usage ? turnCost(peer, usage, get().modelOverrides) : undefined;
    return {
      status: result.status,
      text: result.text,
      stopReason: result.stopReason,
      latencyMs: { firstToken: result.latency.firstTokenMs, total: result.latency.totalMs },
      ...(usage ? { usage: { input: usage.inputTokens, output: usage.outputTokens } } : {}),
      ...(costUsd !== undefined ? { costUsd } : {}),
      ...(result.reasoning !== undefined ? { reasoning: result.reasoning } : {}),
      ...(result.ending !== undefined ? { ending: result.ending } : {}),
      ...(result.status !== 'complete'
        ? { error: { reason: result.error.reason, message: result.error.message } }
        : {}),
    };
  };

  /** A room of one: the turn the arbiter started opens here, then runs. */
  function start(effect: StartTurn): void {
    const peer = get().peers.find((seat) => seat.id === effect.peerId);
    if (!peer) {
      const error = { reason: 'unknown' as const, message: 'That peer is no longer in the room.' };
      ctx.commit({ type: 'turn-finished', turnId: effect.turnId, result: refusedRecord(error) });
      return;
    }
    const messageId = deps.newId();
    ctx.commit({ type: 'turn-opened', turnId: effect.turnId, messageId });
    void run(effect, peer, messageId);
  }

  /** Runs an opened turn through its seat's adapter, from the context build to its `turn-finished`. */
  async function run(effect: StartTurn, peer: PeerSeat, messageId: string): Promise<void> {
    const state = get();
    // The reply's own (empty) message is last on the path: the peer is sent what came before it.
    const transcript = transcriptOf(state).filter((message) => message.id !== messageId);
    // A council turn is sent what its stage allows, and the facilitator's note for it.
    const council = councilTurn(state, transcript, effect.reason, peer.id);
    const built = contextBuilder.buildPeerContext(
      {
        roster: { human: state.human, peers: state.peers },
        mode: modeById(state, effect.modeId),
        messages: council.messages,
        shareReasoning: state.shareReasoning === true,
      },
      peer.id,
    );
    const request = withFacilitatorNote(built.request, council.note);
    const { fill } = built;
    // The live cost estimate's input side, until the provider's usage replaces it.
    setLiveInputTokens(messageId, fill.usedTokens);
    const controller = new AbortController();
    controllers.set(effect.turnId, controller);
    const startedIn = generation;
    const onEvent = (event: AdapterEvent) => {
      if (startedIn !== generation) return;
      if (event.type === 'delta') queueText(messageId, event.text);
      else if (event.type === 'reasoning') queueText(messageId, event.text, pendingReasoning);
      else showRetrying(messageId, event.message);
      // In a shared room the other members watch it stream (the final text comes with `turn-finished`).
      if (event.type === 'delta') ctx.relay?.delta(effect.turnId, event.text);
      else if (event.type === 'reasoning') ctx.relay?.delta(effect.turnId, '', event.text);
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
    const withheld = withheldKeyMessage(peer, state.providers[peer.provider] ?? {});
    let record: TurnRecord;
    if (withheld) record = refusedRecord({ reason: 'bad-key', message: withheld });
    else {
      const adapter = deps.adapterFor(providerSettings(peer));
      // The bytes of attached files join the request only now, in the form this peer's model takes.
      const withFiles = await resolveAttachments(request, peer, ctx.attachments).then(
        (resolved) => ({ ok: true as const, request: resolved }),
        (error: unknown) => ({ ok: false as const, reason: error instanceof Error ? error.message : String(error) }),
      );
      if (!withFiles.ok) {
        // Storage failed: this turn fails and says so, the round goes on.
        const message = `The attached files could not be read (${withFiles.reason}).`;
        record = refusedRecord({ reason: 'unknown', message });
      } else {
        const result = await adapter.stream(withFiles.request, { signal: controller.signal, onEvent, room });
        // Only what a provider answered tells about its health and speed.
        if (startedIn === generation) profiles.observe(peer, result);
        record = recordOf(peer, result);
      }
    }
    if (startedIn !== generation) {
      // Stopped with everything else (or the conversation was replaced): what was not relayed is dropped.
      ctx.relay?.end(effect.turnId, { discard: true });
      return;
    }
    controllers.delete(effect.turnId);
    flushText();
    ctx.relay?.end(effect.turnId);
    const afterTurn = {
      beforeEffects() {
        ctx.refreshContextFills();
        // What was just observed shows on the peer cards at once and counts in the next DAP draw.
        ctx.syncProfiles();
      },
    };
    const finished = ctx.commit({ type: 'turn-finished', turnId: effect.turnId, messageId, result: record }, afterTurn);
    // A record the log's validation refuses (`roomEventProblem`: "Room event … has a missing or invalid …") must not
    // leave the reply streaming forever: it ends as an error that says why, keeping the text that arrived. (A turn
    // the arbiter no longer runs is refused for another reason and stays refused.)
    if (!finished.ok && finished.message.startsWith('Room event ')) {
      const error = { reason: 'unknown' as const, message: `The reply could not be recorded: ${finished.message}` };
      ctx.commit(
        {
          type: 'turn-finished',
          turnId: effect.turnId,
          messageId,
          result: { ...refusedRecord(error), text: record.text },
        },
        afterTurn,
      );
    }
    // The message now carries the provider's usage (or ended without any): the estimate has served.
    setLiveInputTokens(messageId, undefined);
  }

  return {
    start,
    /** A shared room: the server opened this browser's seat's turn as `messageId`; it runs here, once. */
    runOpened(effect: StartTurn, messageId: string) {
      const peer = get().peers.find((seat) => seat.id === effect.peerId);
      if (peer && !controllers.has(effect.turnId)) void run(effect, peer, messageId);
    },
    isRunning: (turnId: string) => controllers.has(turnId),
    /** Text another member's browser streamed for a turn it runs, shown here in the same frame batching. */
    showRelayed(messageId: string, text: string, reasoning?: string, full?: boolean) {
      if (full) {
        // All the text so far, sent to a member who joined mid-turn: it replaces what was shown, not adds to it.
        pendingText.delete(messageId);
        pendingReasoning.delete(messageId);
        set((state) => {
          const current = state.messages[messageId];
          if (current?.status !== 'streaming') return {};
          const withReasoning = reasoning ? { reasoning: { ...current.reasoning, text: reasoning } } : {};
          return { messages: { ...state.messages, [messageId]: { ...current, text, ...withReasoning } } };
        });
        return;
      }
      if (text !== '') queueText(messageId, text);
      if (reasoning) queueText(messageId, reasoning, pendingReasoning);
    },
    abort: (turnId: string) => controllers.get(turnId)?.abort(),
    abortAll() {
      generation++;
      for (const controller of controllers.values()) controller.abort();
      controllers.clear();
      pendingText.clear();
      pendingReasoning.clear();
    },
  };
}

/** A turn that never reached a provider. */
function refusedRecord(error: NonNullable<TurnRecord['error']>): TurnRecord {
  return { status: 'error', text: '', stopReason: null, latencyMs: { firstToken: null, total: 0 }, error };
}
