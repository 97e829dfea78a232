/**
 * Who is connecting: the join token checked against the room's secret and the member's key (by SHA-256 hash, in
 * constant time), the room created by its first member, and the document's `members` map kept by the server.
 */
import type * as Y from 'yjs';
import { roomFullProblem } from '../src/core/shared/index.ts';
import type { JoinToken, Member, RoomLimits } from '../src/core/shared/index.ts';
import { matchesHash, type MemberRow, type RoomDatabase } from './db.ts';

export interface ConnectionContext {
  memberId: string;
}

export type Authenticated =
  | { ok: true; context: ConnectionContext; event: 'room-created' | 'joined' | 'rejoined' }
  | { ok: false; reason: string };

const MAX_FIELD = 256;

function parseToken(token: string): JoinToken | null {
  let value: unknown;
  try {
    value = JSON.parse(token);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const fields = value as Record<string, unknown>;
  const text = (name: string) =>
    typeof fields[name] === 'string' && fields[name] !== '' && (fields[name] as string).length <= MAX_FIELD;
  if (!['secret', 'memberId', 'memberKey', 'name'].every(text)) return null;
  if (fields.create !== undefined && typeof fields.create !== 'boolean') return null;
  return value as JoinToken;
}

/** Admits a connection to `room`, creating the room on its first member's `create`; or says why not. */
export function authenticate(
  db: RoomDatabase,
  room: string,
  token: string,
  limits: Pick<RoomLimits, 'maxMembers'>,
  now: number,
): Authenticated {
  const join = parseToken(token);
  if (join === null) return { ok: false, reason: 'The join token is malformed.' };
  const name = join.name.trim().slice(0, 80) || 'Guest';
  const secretHash = db.roomSecretHash(room);
  if (secretHash === undefined) {
    if (!join.create) return { ok: false, reason: 'There is no such room.' };
    db.createRoom(room, join.secret, now);
    db.addMember(room, join.memberId, join.memberKey, name, 'owner', now);
    return { ok: true, context: { memberId: join.memberId }, event: 'room-created' };
  }
  if (!matchesHash(join.secret, secretHash)) return { ok: false, reason: 'The room secret is wrong.' };
  const known = db.member(room, join.memberId);
  if (known) {
    if (!matchesHash(join.memberKey, known.keyHash)) return { ok: false, reason: 'The member key is wrong.' };
    if (known.removed) return { ok: false, reason: 'This member was removed from the room.' };
    if (known.name !== name) db.rename(room, join.memberId, name);
    return { ok: true, context: { memberId: join.memberId }, event: 'rejoined' };
  }
  const full = roomFullProblem(db.activeMembers(room), limits);
  if (full !== null) return { ok: false, reason: full };
  db.addMember(room, join.memberId, join.memberKey, name, 'contributor', now);
  return { ok: true, context: { memberId: join.memberId }, event: 'joined' };
}

const publicMember = (row: MemberRow): Member => ({
  memberId: row.memberId,
  name: row.name,
  role: row.role,
  joinedAt: row.joinedAt,
  ...(row.removed ? { removed: true } : {}),
});

/** The member as the room sees them, or undefined for an unknown or removed member. */
export function memberOf(db: RoomDatabase, room: string, memberId: string): Member | undefined {
  const row = db.member(room, memberId);
  return row && !row.removed ? publicMember(row) : undefined;
}

/** Writes the members the database knows into the document's `members` map, where they differ. */
export function syncMembers(doc: Y.Doc, rows: readonly MemberRow[]): void {
  const members = doc.getMap<Member>('members');
  const changed = rows
    .map(publicMember)
    .filter((member) => JSON.stringify(members.get(member.memberId)) !== JSON.stringify(member));
  if (changed.length === 0) return;
  doc.transact(() => {
    for (const member of changed) members.set(member.memberId, member);
  });
}
