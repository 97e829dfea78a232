/**
 * The facilitator store (MPOP L1): the room's projection and its log, the view the UI reads, and the human's
 * intents. It is built from small slices (src/store/room/): the room log, the only writer of the projection; the
 * turn runner, which owns the AbortControllers and streamed text; the conversation, settings and lifecycle actions.
 * Protocol decisions all happen in the core; this file only wires the slices together.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createProfileTracker } from '../adapters/index.ts';
import { adapterProfileOf, ContextBuilder, modeById, sameAdapterProfile, transcriptOf } from '../core/index.ts';
import type { RoomEffect } from '../core/index.ts';
import type { FacilitatorDeps, RoomContext } from './room/context.ts';
import { memoryAttachmentStorage } from './attachments/storage.ts';
import { attachmentActions, NO_PENDING_ATTACHMENTS } from './room/attachment-actions.ts';
import { conversationActions } from './room/conversation-actions.ts';
import { FRESH_CONVERSATION, lifecycleActions } from './room/lifecycle-actions.ts';
import { createRoomLog, startedState } from './room/log.ts';
import { priceActions } from './room/price-actions.ts';
import { settingsActions } from './room/settings-actions.ts';
import { createTurnRunner } from './room/turn-runner.ts';
import { connectShared } from './sharing/connection.ts';
import { NOT_SHARED, sharedActions } from './sharing/shared-actions.ts';
import { sharedFileStorage } from './sharing/shared-files.ts';
import type { RoomStore } from './types.ts';

export type { FacilitatorDeps } from './room/context.ts';
export { MAX_MESSAGE_CHARS } from './room/conversation-actions.ts';
export { modesOf, pathThrough, versionsOf } from '../core/index.ts';

/** The answer to a change asked for after the human ended the conversation. */
export const ENDED_NOTICE = 'This conversation has ended. Duplicate it from the conversation list to go on.';

/** The answer to a change asked for while a conversation's older messages are still being read from storage. */
export const STILL_OPENING_NOTICE =
  'This conversation is still being read from storage (older messages first). Try again in a moment.';

/** Why nothing done here can change the conversation, for as long as it lasts: another tab holds it, or it ended. */
export function readOnlyNotice(state: Pick<RoomStore, 'readOnlyReason' | 'ended'>): string | null {
  return state.readOnlyReason ?? (state.ended ? ENDED_NOTICE : null);
}

export function createFacilitatorStore(deps: FacilitatorDeps): StoreApi<RoomStore> {
  const contextBuilder = new ContextBuilder();
  const profiles = deps.profiles ?? createProfileTracker();
  const attachments = deps.attachments ?? memoryAttachmentStorage();

  return createStore<RoomStore>()((set, get) => {
    const runEffect = (effect: RoomEffect) => {
      switch (effect.type) {
        case 'start-turn':
          return runner.start(effect);
        case 'abort-turn':
          return runner.abort(effect.turnId);
        case 'notice':
          return set({ notice: effect.message });
        case 'input-rejected':
          return set({ notice: effect.message });
        case 'round-ended':
          return; // lastRoundEnd is part of the projection
      }
    };
    const log = createRoomLog(set, get, deps.now, runEffect);

    const ctx: RoomContext = {
      deps,
      set,
      get,
      // While the room is shared, files attached here are uploaded and others' files fetched (shared/shared-files.ts).
      attachments: sharedFileStorage(attachments, () => ctx.remoteFiles),
      commit: log.commit,
      refreshContextFills() {
        const state = get();
        // Fills are measured on the whole transcript; `restoreMessages` measures them once it is in.
        if (state.olderMessagesPending) return;
        const fills = contextBuilder.contextFills({
          roster: { human: state.human, peers: state.peers },
          mode: modeById(state),
          messages: transcriptOf(state),
          shareReasoning: state.shareReasoning === true,
        });
        set({ contextFills: Object.fromEntries(fills.map((fill) => [fill.peerId, fill])) });
      },
      blockedReason: () => readOnlyNotice(get()) ?? (get().olderMessagesPending ? STILL_OPENING_NOTICE : null),
      syncProfiles() {
        const memberId = ctx.sharedMemberId();
        for (const seat of get().peers) {
          // In a shared room each browser reports only what its own seats' adapters saw.
          if (memberId !== null && seat.ownerId !== memberId) continue;
          const profile = profiles.profileFor(seat, get().modelOverrides);
          if (!sameAdapterProfile(profile, adapterProfileOf(get().arbiter, seat.id)))
            ctx.commit({ type: 'adapter-profile-set', peerId: seat.id, profile });
        }
      },
      abortAll: () => runner.abortAll(),
      sharedMemberId: () => get().sharedSession?.identity.memberId ?? null,
      relay: null,
      remoteFiles: null,
    };
    const runner = createTurnRunner(ctx, contextBuilder, profiles);

    const lifecycle = lifecycleActions(ctx);
    const shared = sharedActions(ctx, log, runner, deps.connectShared ?? connectShared, deps.WebSocketPolyfill);
    /** Another conversation replaces a shared room here: this browser leaves it (it goes on without us). */
    const leavingShared =
      <Args extends unknown[], Out>(action: (...args: Args) => Out) =>
      (...args: Args): Out => {
        if (get().sharedSession !== null) shared.leaveSharedRoom();
        return action(...args);
      };

    const conversationId = deps.newId();
    const room = deps.initialRoom;
    return {
      ...FRESH_CONVERSATION,
      ...startedState(
        conversationId,
        { type: 'conversation-started', conversationId, title: room.name, room },
        deps.now(),
      ),
      providers: {},
      rememberKeys: true,
      modelOverrides: {},
      reachableModels: {},
      ...conversationActions(ctx),
      ...settingsActions(ctx),
      ...lifecycle,
      importRoom: leavingShared(lifecycle.importRoom),
      newConversation: leavingShared(lifecycle.newConversation),
      loadConversation: leavingShared(lifecycle.loadConversation),
      ...priceActions(ctx),
      ...NO_PENDING_ATTACHMENTS,
      ...attachmentActions(ctx, ctx.attachments),
      ...NOT_SHARED,
      ...shared,
    };
  });
}
