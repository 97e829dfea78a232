/**
 * The invite link's fragment and what this device remembers of its memberships. The fragment (after `#`) never
 * leaves the browser in an HTTP request, so the room secret stays out of server and proxy logs.
 */
import type { SharedIdentity, SharedRoomAddress } from './connection.ts';

/** `join=<room id>.<secret>&server=<sync server address>`: an invite, and how a reload finds its room again. */
export function inviteFragment(address: SharedRoomAddress): string {
  const params = new URLSearchParams({ join: `${address.roomId}.${address.secret}`, server: address.serverUrl });
  return params.toString();
}

/** The room an invite fragment points to, or null when the fragment is not an invite. */
export function addressFromFragment(fragment: string): SharedRoomAddress | null {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const join = params.get('join');
  const serverUrl = params.get('server');
  if (join === null || serverUrl === null || !/^wss?:\/\//.test(serverUrl)) return null;
  const parsed = parseInvite(join);
  return parsed && { serverUrl, ...parsed };
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

const memberKey = (roomId: string) => `peerchat:member:${roomId}`;

/** Keeps who this device is in a room, so a reload rejoins as the same member. */
export function rememberMember(storage: KeyValueStorage, roomId: string, identity: SharedIdentity): void {
  storage.setItem(memberKey(roomId), JSON.stringify(identity));
}

/** Who this device is in a room, or null when it has not joined it (or the entry is damaged). */
export function rememberedMember(storage: KeyValueStorage, roomId: string): SharedIdentity | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(memberKey(roomId)) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { memberId, memberKey: key, name } = value as Record<string, unknown>;
    if (typeof memberId !== 'string' || typeof key !== 'string' || typeof name !== 'string') return null;
    return { memberId, memberKey: key, name };
  } catch {
    return null;
  }
}

/** The invite token `<room id>.<secret>` read back, or null when it is not one. */
export function parseInvite(invite: string): { roomId: string; secret: string } | null {
  const match = /^([A-Za-z0-9-]{8,64})\.([A-Za-z0-9-]{16,200})$/.exec(invite.trim());
  return match ? { roomId: match[1]!, secret: match[2]! } : null;
}

/** Why `name` cannot be a member's name in a shared room, or null. */
export const nameProblem = (name: string): string | null =>
  name.trim() === ''
    ? 'Enter your name: the others see it on your messages.'
    : name.length > 60
      ? 'Keep your name under 60 characters.'
      : null;
