/**
 * Read-only views of the arbiter state: the limits and DAP parameters in force, who is enabled, and the current
 * DAP probabilities (what the UI and the audit trail show).
 */
import type { AdapterProfile } from '../dap/adapter-profile.ts';
import { DAP_PRESETS, DEFAULT_DAP_PARAMS, resolveDapParams } from '../dap/params.ts';
import type { DapParams } from '../dap/params.ts';
import { computeDapProbabilities } from '../dap/probabilities.ts';
import type { DapProbability } from '../dap/probabilities.ts';
import { resolveLimits } from '../governance/limits.ts';
import type { ConversationLimits } from '../governance/limits.ts';
import type { ArbiterPeer, ArbiterState } from './types.ts';

/** The seats the human has not muted, in table order. */
export function enabledPeers(state: ArbiterState): ArbiterPeer[] {
  return state.peers.filter((peer) => peer.enabled);
}

/** A seat by id. */
export function findArbiterPeer(state: ArbiterState, peerId: string): ArbiterPeer | undefined {
  return state.peers.find((peer) => peer.id === peerId);
}

/** The limits in force: profile defaults for the enabled peers <- mode defaults <- the human's settings. */
export function currentLimits(state: ArbiterState): ConversationLimits {
  return resolveLimits(enabledPeers(state).length, state.mode.defaults.limits, state.limitOverrides);
}

/** A seat's DAP parameters: the mode's preset <- the mode's adjustments <- the seat's own settings. */
export function dapParamsOf(state: ArbiterState, peer: ArbiterPeer): DapParams {
  const preset = DAP_PRESETS[state.mode.defaults.dapPreset] ?? DEFAULT_DAP_PARAMS;
  return resolveDapParams(resolveDapParams(preset, state.mode.defaults.dap), peer.dap);
}

/** The adapter profile the arbiter holds for a seat; undefined until one was set (old stored states hold none). */
export function adapterProfileOf(state: ArbiterState, peerId: string): AdapterProfile | undefined {
  const profiles = state.adapterProfiles ?? {};
  return Object.hasOwn(profiles, peerId) ? profiles[peerId] : undefined;
}

/** p_i of every enabled peer if a speaker were sampled now, with every factor and its source. */
export function currentDapProbabilities(state: ArbiterState): DapProbability[] {
  const inputs = enabledPeers(state).map((peer) => ({
    peerId: peer.id,
    params: dapParamsOf(state, peer),
    consecutiveErrors: state.consecutiveErrors[peer.id] ?? 0,
    baseSetByUser: peer.dap.base !== undefined,
    adapterProfile: adapterProfileOf(state, peer.id),
  }));
  return computeDapProbabilities(inputs, state.recentSpeakers);
}

/** True while a round is running (something queued or in flight). */
export function isRoundActive(state: ArbiterState): boolean {
  return state.round !== null;
}
