/**
 * Who the demo peer is and who else is at the table: from the room hints, or else read from the system prompt the
 * core wrote (profile §3: it names the peer, the participants and the mode).
 */
import type { DemoRoomHints } from '../types.ts';

export type Stance = 'collaborative' | 'adversarial';

export interface Participant {
  handle: string;
  name: string;
}

export interface DemoRoom {
  self: Participant;
  /** The other AI participants. */
  peers: Participant[];
  /** Undefined when unknown: then any non-peer speaker is the human. */
  human?: Participant;
  stance: Stance;
}

function stanceOf(modeId: string | undefined): Stance {
  return modeId?.toLowerCase() === 'adversarial' ? 'adversarial' : 'collaborative';
}

function fromSystemPrompt(system: string): DemoRoom {
  const self = /^You are (.+?) \(@([^\s)]+)\)/m.exec(system);
  const human = /^- (.+?) \(@([^\s)]+)\): the human/m.exec(system);
  const mode = /^Mode: (\S+)/m.exec(system);
  const peers = [...system.matchAll(/^- (.+?) \(@([^\s)]+)\): an AI participant/gm)].flatMap((match) =>
    match[1] !== undefined && match[2] !== undefined ? [{ name: match[1], handle: match[2].toLowerCase() }] : [],
  );
  const room: DemoRoom = {
    self: { handle: self?.[2]?.toLowerCase() ?? 'demo', name: self?.[1] ?? 'Demo peer' },
    peers,
    stance: stanceOf(mode?.[1]),
  };
  if (human?.[1] !== undefined && human[2] !== undefined)
    room.human = { name: human[1], handle: human[2].toLowerCase() };
  return room;
}

export function resolveRoom(system: string, hints: DemoRoomHints | undefined): DemoRoom {
  const fallback = fromSystemPrompt(system);
  if (hints === undefined) return fallback;
  const selfHandle = hints.selfHandle.toLowerCase();
  const selfName =
    hints.peers.find((peer) => peer.handle.toLowerCase() === selfHandle)?.name ??
    (fallback.self.handle === selfHandle ? fallback.self.name : selfHandle);
  const room: DemoRoom = {
    self: { handle: selfHandle, name: selfName },
    peers: hints.peers
      .filter((peer) => peer.handle.toLowerCase() !== selfHandle)
      .map((peer) => ({ handle: peer.handle.toLowerCase(), name: peer.name })),
    stance: stanceOf(hints.modeId),
  };
  const human = hints.human ?? fallback.human;
  if (human !== undefined) room.human = { handle: human.handle.toLowerCase(), name: human.name };
  return room;
}
