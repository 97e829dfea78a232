/** The room PeerChat opens on: three simulated demo peers that need no key and no network. */
import type { PeerSeat, RoomData } from './types.ts';

function demoSeat(handle: string, displayName: string, colour: string, persona: string): PeerSeat {
  return {
    kind: 'peer',
    id: `demo-${handle}`,
    handle,
    aliases: [],
    displayName,
    provider: 'demo',
    model: 'demo',
    settings: { contextWindow: 32_000 },
    persona,
    dap: {},
    enabled: true,
    colour,
  };
}

export function defaultRoom(seed: number): RoomData {
  return {
    name: 'Demo room (simulated peers)',
    human: { kind: 'human', id: 'human', handle: 'you', aliases: [], displayName: 'You' },
    peers: [
      demoSeat('ada', 'Ada (demo)', '#d97706', 'A careful analyst who looks for the missing case.'),
      demoSeat('turing', 'Turing (demo)', '#2563eb', 'A sceptic who asks for evidence.'),
      demoSeat('hopper', 'Hopper (demo)', '#059669', 'A pragmatist who turns ideas into steps.'),
    ],
    modeId: 'collaborative',
    customModes: [],
    limits: {},
    seed,
  };
}
