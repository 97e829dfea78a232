/**
 * What the room log projects to: the room's settings and seats, the transcript with its versions, the arbiter's
 * state and the audit log. `reduceRoom` is the only writer of each of these.
 */
import { arbiterPeersFromRoster } from '../arbiter/from-roster.ts';
import { createArbiter } from '../arbiter/reduce.ts';
import type { ArbiterState, ArbiterStep } from '../arbiter/types.ts';
import type { Roster } from '../domain/participants.ts';
import type { CoreEvent, RoundEndReason } from '../events/types.ts';
import { BUILT_IN_MODES, DEFAULT_MODE_ID } from '../modes/builtin.ts';
import type { ModeDefinition } from '../modes/mode.ts';
import type { RoomData, TranscriptMessage } from './types.ts';

export interface RoomProjection extends RoomData {
  conversationId: string;
  title: string;
  /** Message ids of the path shown, in order; `messages` holds every version by id. */
  messageIds: string[];
  messages: Record<string, TranscriptMessage>;
  /** The audit log (profile §9): the arbiter's decisions, in its own Lamport order. */
  events: CoreEvent[];
  arbiter: ArbiterState;
  lastRoundEnd: RoundEndReason | null;
  /** The human ended the conversation: it is kept, read-only, with its completion logged. */
  ended: boolean;
  /** The Lamport number of the newest room event applied (0 before the first). */
  logLamport: number;
}

/** The built-in modes, then the room's own. */
export function modesOf(room: Pick<RoomData, 'customModes'>): ModeDefinition[] {
  return [...BUILT_IN_MODES, ...room.customModes];
}

/** A mode of the room by id (the room's own mode by default); the default mode for an unknown id. */
export function modeById(room: Pick<RoomData, 'customModes' | 'modeId'>, modeId = room.modeId): ModeDefinition {
  return (
    modesOf(room).find((mode) => mode.id === modeId) ?? BUILT_IN_MODES.find((mode) => mode.id === DEFAULT_MODE_ID)!
  );
}

export function rosterOf(room: Pick<RoomData, 'human' | 'peers'>): Roster {
  return { human: room.human, peers: room.peers };
}

/** The messages of the path shown, in order. */
export function transcriptOf(room: Pick<RoomProjection, 'messageIds' | 'messages'>): TranscriptMessage[] {
  return room.messageIds.map((id) => room.messages[id]).filter((message) => message !== undefined);
}

/** A fresh arbiter for a room; its first events open the audit log. */
export function startArbiter(room: RoomData, at: number): ArbiterStep {
  const mode = modeById(room);
  return createArbiter({
    seed: room.seed,
    humanId: room.human.id,
    peers: arbiterPeersFromRoster(rosterOf(room)),
    mode: { id: mode.id, defaults: mode.defaults },
    limits: room.limits,
    at,
  });
}

/** The room's settings and seats, without its conversation. */
export function roomDataOf(room: RoomData): RoomData {
  const { name, human, peers, modeId, customModes, limits, seed, shareReasoning, councilDefault } = room;
  return {
    name,
    human,
    peers,
    modeId,
    customModes,
    limits,
    seed,
    ...(shareReasoning ? { shareReasoning } : {}),
    ...(councilDefault ? { councilDefault } : {}),
  };
}
