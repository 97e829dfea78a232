/**
 * How the store applies the room's rules (src/core/rules: one bound and one message per field). A change is
 * refused when it breaks a rule the room did not already break, with the rule's own message; a stored room is
 * checked when it is opened, so the arbiter never meets a value it refuses.
 */
import { participantIdIssues, repairRoomSettings, validateRoomSettings } from '../core/index.ts';
import type { RuleIssue } from '../core/index.ts';
import type { RoomData } from './types.ts';

type RoomRulesView = Pick<RoomData, 'human' | 'peers' | 'modeId' | 'customModes' | 'limits'>;

/** The first rule `next` breaks that `current` did not (rules an opened old room broke do not block other edits). */
export function newlyBrokenRule(current: RoomRulesView, next: RoomRulesView): RuleIssue | undefined {
  const key = (issue: RuleIssue) => `${issue.path}\n${issue.message}`;
  const already = new Set(validateRoomSettings(current).map(key));
  return validateRoomSettings(next).find((issue) => !already.has(key(issue)));
}

/** The display name of the seat a rule's path is about ("Claude" for `peers[0].dap.pMin`), if it is a seat's. */
export function seatNameOf(path: string, room: Pick<RoomData, 'peers'>): string | undefined {
  const seat = /^peers\[(\d+)\]/.exec(path);
  return seat ? room.peers[Number(seat[1])]?.displayName : undefined;
}

/** "Claude — peers[0].dap.pMin: pMin must be …" (and how many more). */
function describe(issues: readonly RuleIssue[], room: Pick<RoomData, 'peers'>): string {
  const [first] = issues;
  if (!first) return '';
  const seat = seatNameOf(first.path, room);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${seat ? `${seat} — ` : ''}${first.path}: ${first.message}${more}`;
}

export type StoredRoomCheck =
  { ok: true; room: RoomData; repaired: boolean; notice: string | null } | { ok: false; message: string };

/**
 * Checks a stored room before it is opened. Numbers the rules refuse (DAP, limits, seat settings) are reset to
 * their defaults and named in a notice; other broken rules (names, texts) are named and left for the human to fix.
 * Participant ids that are empty or shared cannot be repaired: then the conversation is not opened.
 */
export function checkStoredRoom(room: RoomData, title: string): StoredRoomCheck {
  const ids = participantIdIssues(room)[0];
  if (ids)
    return {
      ok: false,
      message: `“${title}” cannot be opened: its stored room is damaged (${ids.path}: ${ids.message})`,
    };
  const { resets, ...repairedFields } = repairRoomSettings(room);
  const repaired: RoomData = resets.length > 0 ? { ...room, ...repairedFields } : room;
  const remaining = validateRoomSettings(repaired);
  const notices = [
    ...(resets.length > 0 ? [`Settings PeerChat refuses were reset to their defaults: ${describe(resets, room)}`] : []),
    ...(remaining.length > 0 ? [`This room breaks a rule; edit it to fix: ${describe(remaining, repaired)}`] : []),
  ];
  return {
    ok: true,
    room: repaired,
    repaired: resets.length > 0,
    notice: notices.length > 0 ? notices.join(' ') : null,
  };
}
