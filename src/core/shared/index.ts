/** Shared rooms: the wire contract and the rules the sync server applies (pure; the server is in `server/`). */
export type * from './protocol.ts';
export { authorityProblem, seatOwnerId } from './authority.ts';
export { DEFAULT_MESSAGE_LIMITS, keyLikeField, parseClientMessage } from './validate.ts';
export type { MessageLimits, Parsed } from './validate.ts';
export {
  nextOverdueAt,
  openTurns,
  overdueTurns,
  ownerGoneFinish,
  removedMemberEvents,
  stampIntent,
  stampServerEvent,
  turnOpenings,
} from './coordinator.ts';
export type { OpenTurn, Presence } from './coordinator.ts';
export { DEFAULT_ROOM_LIMITS, fullBucket, messageSizeProblem, roomFullProblem, takeToken } from './limits.ts';
export type { RoomLimits, TokenBucket } from './limits.ts';
