/**
 * The stateless messages of a member: each parsed and checked, then an import, an intent, a delta or a member
 * change, answered with `ack` or `refused` (one sentence). Refusals are logged without the message's text.
 */
import type { Connection, Document } from '@hocuspocus/server';
import { parseClientMessage } from '../src/core/shared/index.ts';
import type { ClientMessage, Member, ServerMessage } from '../src/core/shared/index.ts';
import type { RoomDatabase } from './db.ts';
import { syncMembers } from './members.ts';
import type { RoomHost } from './room-host.ts';

export interface StatelessContext {
  payload: string;
  member: Member;
  host: RoomHost;
  db: RoomDatabase;
  room: string;
  document: Document;
  reply: (message: ServerMessage) => void;
  relay: (message: ServerMessage) => void;
  log: (level: 'info' | 'warn', event: string, reason: string) => void;
}

type Outcome = { ok: true } | { ok: false; reason: string };

function memberChange(context: StatelessContext, message: Extract<ClientMessage, { t: 'member' }>): Outcome {
  const { db, room, member, document } = context;
  if (member.role !== 'owner') return { ok: false, reason: "Only the room's owner can change members." };
  if (message.memberId === member.memberId) return { ok: false, reason: 'The owner cannot change their own role.' };
  const target = db.member(room, message.memberId);
  if (!target || target.removed) return { ok: false, reason: 'There is no such member in this room.' };
  if (message.remove) {
    db.remove(room, message.memberId);
    context.host.memberRemoved(message.memberId);
  } else if (message.role) db.setRole(room, message.memberId, message.role);
  // The removed member's page learns it from the members list before its connections close.
  syncMembers(document, db.members(room));
  if (message.remove)
    for (const connection of document.getConnections() as Connection[])
      if ((connection.context as { memberId?: string }).memberId === message.memberId) connection.close();
  return { ok: true };
}

function importLog(context: StatelessContext, message: Extract<ClientMessage, { t: 'import' }>): Outcome {
  if (context.member.role !== 'owner') return { ok: false, reason: "Only the room's owner can import its log." };
  return context.host.importLog(context.member, message.log);
}

export function handleStateless(context: StatelessContext): void {
  const { payload, member, host, reply, relay, log } = context;
  const parsed = parseClientMessage(payload);
  if (!parsed.ok) {
    log('warn', 'message-refused', parsed.reason);
    const id = /"id"\s*:\s*"([^"]{1,128})"/.exec(payload)?.[1] ?? '';
    reply({ t: 'refused', id, reason: parsed.reason });
    return;
  }
  const message = parsed.message;
  if (message.t === 'delta') {
    const outcome = host.delta(member, message);
    if (outcome.ok) relay(message);
    else log('warn', 'delta-refused', outcome.reason);
    return;
  }
  const outcome =
    message.t === 'intent'
      ? host.intent(member, message.id, message.body)
      : message.t === 'import'
        ? importLog(context, message)
        : memberChange(context, message);
  if (outcome.ok) {
    log('info', `${message.t}-accepted`, message.t === 'intent' ? message.body.type : message.t);
    reply({ t: 'ack', id: message.id });
  } else {
    log('warn', `${message.t}-refused`, outcome.reason);
    reply({ t: 'refused', id: message.id, reason: outcome.reason });
  }
}
