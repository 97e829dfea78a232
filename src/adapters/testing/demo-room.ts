/**
 * Test helper: the demo room as the core sees it, and the real `PeerRequest` the core builds for a demo peer from a
 * transcript (so the demo is tested on exactly what the facilitator will send it).
 */
import type { Message, PeerParticipant, PeerRequest, Roster } from '../../core/index.ts';
import { ADVERSARIAL_MODE, buildPeerContext, COLLABORATIVE_MODE } from '../../core/index.ts';
import { DEMO_PEERS, DEMO_ROOM_PRESET } from '../demo/preset.ts';
import type { DemoRoomHints } from '../types.ts';

export function demoRoster(): Roster {
  const human = DEMO_ROOM_PRESET.human;
  return {
    human: { kind: 'human', id: 'human', handle: human.handle, aliases: [], displayName: human.name },
    peers: DEMO_PEERS.map((peer): PeerParticipant => ({
      kind: 'peer',
      id: `peer-${peer.handle}`,
      handle: peer.handle,
      aliases: [],
      displayName: peer.name,
      provider: 'demo',
      model: peer.model,
      settings: { contextWindow: peer.contextWindow },
      persona: peer.persona,
      dap: {},
      enabled: true,
    })),
  };
}

/** One transcript line: who ('you' or a demo handle) and what they said. */
export type Line = [author: string, text: string];

let sequence = 0;

function toMessages(lines: readonly Line[]): Message[] {
  return lines.map(([author, text]) => {
    sequence += 1;
    const human = author === 'you';
    return {
      id: `m${sequence}`,
      kind: human ? 'human' : 'peer',
      authorId: human ? 'human' : `peer-${author}`,
      text,
      status: 'complete',
      createdAt: sequence,
    };
  });
}

export type ModeId = 'collaborative' | 'adversarial';

/** The request the core builds for `handle` after `lines`, with the room hints the store would pass. */
export function demoTurn(
  handle: string,
  lines: readonly Line[],
  modeId: ModeId = 'collaborative',
): { request: PeerRequest; room: DemoRoomHints } {
  const mode = modeId === 'adversarial' ? ADVERSARIAL_MODE : COLLABORATIVE_MODE;
  const { request } = buildPeerContext({ roster: demoRoster(), mode, messages: toMessages(lines) }, `peer-${handle}`);
  return {
    request,
    room: {
      selfHandle: handle,
      peers: DEMO_PEERS.map((peer) => ({ handle: peer.handle, name: peer.name })),
      modeId,
      human: DEMO_ROOM_PRESET.human,
    },
  };
}
