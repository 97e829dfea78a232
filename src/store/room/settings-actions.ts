/**
 * The room's configuration: mode, limits, DAP settings, seats, and how to reach each provider. Changes to the room
 * are checked against the core's rules here (with the rule's own message) and committed as room events; provider
 * settings and keys are this device's own and never enter the log.
 */
import {
  councilRequestProblem,
  createCustomMode,
  DAP_PRESETS,
  modeById,
  modesOf,
  PEER_COLOURS,
} from '../../core/index.ts';
import type { ModeIssue, PeerSeat, ProviderId } from '../../core/index.ts';
import { serializeRoom } from '../../formats/index.ts';
import { newlyBrokenRule, seatNameOf } from '../room-rules.ts';
import type { Result, RoomActions, RoomState } from '../types.ts';
import type { RoomContext } from './context.ts';

type SettingsActions = Pick<
  RoomActions,
  | 'setMode'
  | 'defineMode'
  | 'setLimits'
  | 'setShareReasoning'
  | 'setCouncilDefault'
  | 'setPeerDap'
  | 'applyDapPreset'
  | 'addPeer'
  | 'updatePeer'
  | 'removePeer'
  | 'movePeer'
  | 'setProvider'
  | 'setRememberKeys'
  | 'testConnection'
  | 'exportRoom'
>;

export function settingsActions(ctx: RoomContext): SettingsActions {
  const { deps, get, set } = ctx;

  /** Commits a change the arbiter may still turn down (its reason is then the answer and the notice). */
  const commitSetting = (body: Parameters<RoomContext['commit']>[0]): Result => {
    set({ notice: null });
    return ctx.commit(body);
  };

  /** Re-validates the seats and commits them; refuses a change that breaks a rule (the rule's message). */
  const commitPeers = (peers: PeerSeat[]): Result => {
    const broken = newlyBrokenRule(get(), { ...get(), peers });
    if (broken) return { ok: false, message: broken.message };
    return ctx.commit(
      { type: 'seats-set', peers },
      {
        beforeEffects() {
          ctx.refreshContextFills();
          ctx.syncProfiles();
        },
      },
    );
  };

  const peerById = (peerId: string) => get().peers.find((peer) => peer.id === peerId);

  return {
    setMode(modeId) {
      const state = get();
      const blocked = ctx.blockedReason();
      if (blocked) return { ok: false, message: blocked };
      if (!modesOf(state).some((mode) => mode.id === modeId))
        return { ok: false, message: `Unknown mode "${modeId}".` };
      if (modeId === state.modeId) return { ok: true };
      // A seat's own DAP settings must still fit the new mode's (pMin <= pMax).
      const broken = newlyBrokenRule(state, { ...state, modeId });
      if (broken) {
        const seat = seatNameOf(broken.path, state);
        const mode = modeById(state, modeId);
        return {
          ok: false,
          message: `Cannot switch to ${mode.name}${seat ? ` with ${seat}’s settings` : ''}: ${broken.message}`,
        };
      }
      return ctx.commit({ type: 'mode-set', modeId });
    },

    defineMode(draft) {
      const blocked = ctx.blockedReason();
      if (blocked) return { ok: false, message: blocked };
      const state = get();
      const id =
        draft.id ??
        freeModeId(
          draft.name,
          modesOf(state).map((mode) => mode.id),
        );
      const checked = createCustomMode({ ...draft, id });
      if (!checked.ok) return { ok: false, message: describeModeIssues(checked.issues) };
      const defined = ctx.commit({ type: 'mode-defined', mode: checked.mode });
      return defined.ok && state.modeId !== id ? get().setMode(id) : defined;
    },

    setLimits(limits) {
      const broken = newlyBrokenRule(get(), { ...get(), limits: { ...get().limits, ...limits } });
      if (broken) return { ok: false, message: broken.message };
      return commitSetting({ type: 'limits-set', limits });
    },

    setShareReasoning(share) {
      if ((get().shareReasoning === true) === share) return { ok: true };
      set({ notice: null });
      return ctx.commit({ type: 'reasoning-sharing-set', share }, { beforeEffects: () => ctx.refreshContextFills() });
    },

    setCouncilDefault(council) {
      const problem =
        council === null
          ? null
          : councilRequestProblem(
              council,
              get().peers.map((peer) => peer.id),
            );
      if (problem !== null) return { ok: false, message: problem };
      set({ notice: null });
      return ctx.commit({ type: 'council-default-set', council });
    },

    setPeerDap(peerId, dap) {
      const withDap = (peer: PeerSeat) =>
        peerId === null || peer.id === peerId ? { ...peer, dap: { ...peer.dap, ...dap } } : peer;
      const broken = newlyBrokenRule(get(), { ...get(), peers: get().peers.map(withDap) });
      if (broken) return { ok: false, message: broken.message };
      const result = commitSetting({ type: 'dap-set', peerId, dap });
      // A base of the user's own replaces the provider default.
      if (result.ok) ctx.syncProfiles();
      return result;
    },

    applyDapPreset: (peerId, preset) => get().setPeerDap(peerId, { ...DAP_PRESETS[preset] }),

    addPeer(input) {
      const peers = get().peers;
      const seat: PeerSeat = {
        ...input,
        kind: 'peer',
        id: deps.newId(),
        handle: input.handle.trim().toLowerCase(),
        enabled: input.enabled ?? true,
        dap: input.dap ?? {},
        colour: input.colour || PEER_COLOURS[peers.length % PEER_COLOURS.length]!,
      };
      // In a shared room the seat is this member's: their browser runs its turns, on their key.
      const memberId = ctx.sharedMemberId();
      return commitPeers([...peers, memberId !== null ? { ...seat, ownerId: memberId } : seat]);
    },

    updatePeer(peerId, patch) {
      if (!peerById(peerId)) return { ok: false, message: 'That peer is no longer in the room.' };
      const peers = get().peers.map((peer) =>
        peer.id === peerId
          ? { ...peer, ...patch, ...(patch.handle ? { handle: patch.handle.trim().toLowerCase() } : {}) }
          : peer,
      );
      return commitPeers(peers);
    },

    removePeer: (peerId) => void commitPeers(get().peers.filter((peer) => peer.id !== peerId)),

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
        set({ reachableModels: { ...get().reachableModels, [provider]: models } });
        return { ok: true, models: models.map((model) => model.id) };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : 'The provider could not be reached.' };
      }
    },

    exportRoom(options) {
      const state: RoomState = get();
      return serializeRoom(state, state.providers, options?.includeKeys ?? false);
    },
  };
}

/** An id for a new mode from its name ("Devil's advocate" → `devils-advocate`), unlike any taken. */
function freeModeId(name: string, taken: readonly string[]): string {
  const slug =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^[^a-z]+|-+$/g, '')
      .slice(0, 32) || 'mode';
  const base = slug.length >= 2 ? slug : `mode-${slug}`;
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

const MODE_FIELD_NAMES: Record<string, string> = {
  name: 'Name',
  tagline: 'Tagline',
  promptBlock: 'Prompt',
  dapPreset: 'DAP preset',
};

function describeModeIssues(issues: readonly ModeIssue[]): string {
  return issues
    .map((issue) => `${MODE_FIELD_NAMES[issue.field] ?? issue.field}: ${issue.message.replace(/^\w+ /, '')}`)
    .join('; ');
}
