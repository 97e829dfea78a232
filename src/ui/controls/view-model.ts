/** Small read-only views of the store state for the controls. */
import { resolveLimits } from '../../core/index.ts';
import type { ConversationLimits } from '../../core/index.ts';
import { modesOf } from '../../store/index.ts';
import type { RoomState } from '../../store/index.ts';

/** Ids of the peers whose message is streaming right now, as one space-separated string (cheap to compare). */
export function streamingPeerKey(state: Pick<RoomState, 'messageIds' | 'messages'>): string {
  const streaming = new Set<string>();
  for (let index = state.messageIds.length - 1; index >= 0; index--) {
    const message = state.messages[state.messageIds[index]!];
    if (message?.status === 'streaming' && message.kind === 'peer') streaming.add(message.authorId);
  }
  return [...streaming].sort().join(' ');
}

/** p_i of one peer now, or undefined when it is muted (DAP only draws enabled peers). */
export function probabilityOf(state: Pick<RoomState, 'dapProbabilities'>, peerId: string): number | undefined {
  return state.dapProbabilities.find((entry) => entry.peerId === peerId)?.p;
}

/**
 * The limits in force, for display: profile defaults for the enabled peers, then the mode's, then the human's
 * (the same layering the arbiter applies; see core `currentLimits`).
 */
export function effectiveLimits(
  state: Pick<RoomState, 'peers' | 'modeId' | 'customModes' | 'limits'>,
): ConversationLimits {
  const mode = modesOf(state).find((candidate) => candidate.id === state.modeId);
  const enabled = state.peers.filter((peer) => peer.enabled).length;
  return resolveLimits(enabled, mode?.defaults.limits, state.limits);
}
