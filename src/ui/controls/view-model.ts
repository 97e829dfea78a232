/** Small read-only views of the store state for the controls. */
import type { RoomState } from '../../store/index.ts';

/** p_i of one peer now, or undefined when it is muted (DAP only draws enabled peers). */
export function probabilityOf(state: Pick<RoomState, 'dapProbabilities'>, peerId: string): number | undefined {
  return state.dapProbabilities.find((entry) => entry.peerId === peerId)?.p;
}
