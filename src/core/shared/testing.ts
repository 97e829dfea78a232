/** Fixtures for shared-room tests: a room whose seats belong to members, as its owner would share it. */
import type { RoomEvent, RoomEventBody, TurnRecord } from '../room/events.ts';
import type { PeerSeat, RoomData } from '../room/types.ts';

export function sharedSeat(handle: string, ownerId: string): PeerSeat {
  return {
    kind: 'peer',
    id: `seat-${handle}`,
    handle,
    aliases: [],
    displayName: handle,
    provider: 'openai',
    model: `${handle}-model`,
    settings: { contextWindow: 100_000 },
    dap: {},
    enabled: true,
    colour: '#000',
    ownerId,
  };
}

/** A room with one seat per `[handle, ownerId]`. */
export function sharedRoom(seats: readonly (readonly [string, string])[]): RoomData {
  return {
    name: 'Shared',
    human: { kind: 'human', id: 'human', handle: 'you', aliases: [], displayName: 'You' },
    peers: seats.map(([handle, ownerId]) => sharedSeat(handle, ownerId)),
    modeId: 'collaborative',
    customModes: [],
    limits: {},
    seed: 7,
  };
}

/** A log of `bodies` stamped in order, starting with the room's `conversation-started`. */
export function sharedLog(room: RoomData, ...bodies: RoomEventBody[]): RoomEvent[] {
  const started: RoomEventBody = { type: 'conversation-started', conversationId: 'shared-1', title: 'Shared', room };
  return [started, ...bodies].map(
    (body, index) => ({ ...body, id: `import-${index + 1}`, lamport: index + 1, at: 1_000 + index }) as RoomEvent,
  );
}

export const completeTurn = (text: string): TurnRecord => ({
  status: 'complete',
  text,
  stopReason: 'stop',
  latencyMs: { firstToken: 1, total: 2 },
});
