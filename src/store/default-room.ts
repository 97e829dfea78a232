/** The room PeerChat opens on: the adapters' simulated demo peers, which need no key and no network. */
import { DEMO_ROOM_PRESET } from '../adapters/index.ts';
import type { RoomData } from './types.ts';

export function defaultRoom(seed: number): RoomData {
  const preset = DEMO_ROOM_PRESET;
  return {
    name: preset.name,
    human: { kind: 'human', id: 'human', handle: preset.human.handle, aliases: [], displayName: preset.human.name },
    peers: preset.peers.map((peer) => ({
      kind: 'peer',
      id: `demo-${peer.handle}`,
      handle: peer.handle,
      aliases: [],
      displayName: peer.name,
      provider: peer.provider,
      model: peer.model,
      settings: { contextWindow: peer.contextWindow },
      persona: peer.persona,
      dap: {},
      enabled: true,
      colour: peer.color,
    })),
    modeId: preset.mode,
    customModes: [],
    limits: {},
    seed,
  };
}
