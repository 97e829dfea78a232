/**
 * What the UI reads that is computed from the projection rather than logged: who is queued and running, the limits
 * and DAP parameters in force, p_i, and whether a round is on.
 */
import { currentDapProbabilities, currentLimits, dapParamsOf, isRoundActive } from '../../core/index.ts';
import type { ArbiterState } from '../../core/index.ts';
import type { RoomState } from '../types.ts';

export type ArbiterView = Pick<
  RoomState,
  'queuedPeerIds' | 'streamingPeerIds' | 'effectiveLimits' | 'dapParams' | 'dapProbabilities' | 'roundActive'
>;

export function arbiterView(state: ArbiterState): ArbiterView {
  return {
    queuedPeerIds: state.round?.queue.map((item) => item.peerId) ?? [],
    streamingPeerIds: [...(state.round?.inFlight ?? []), ...state.orphans].map((turn) => turn.peerId),
    effectiveLimits: currentLimits(state),
    dapParams: Object.fromEntries(state.peers.map((peer) => [peer.id, dapParamsOf(state, peer)])),
    dapProbabilities: currentDapProbabilities(state),
    roundActive: isRoundActive(state),
  };
}
