/**
 * The MPLP bundle of profile §9: `context.json`, `collab.json`, one `roles/<handle>.json` per participant,
 * `dialog.json` and `map-events.json`, valid against the MPLP v1.0 schemas. Pure: the same snapshot always gives
 * the same documents and ids. No provider settings go in, so no key can come out.
 */
import type { CoreEvent } from '../../core/index.ts';
import { mplpDialogOf } from './dialog.ts';
import { mplpEventsOf } from './events.ts';
import { iso, metaOf, mplpIdsOf, type MplpIds } from './ids.ts';
import type { MplpBundle, MplpCollab, MplpCollabParticipant, MplpContext, MplpRole, RoleFileName } from './types.ts';
import type { ConversationSnapshot, FormerPeer } from '../conversation/snapshot.ts';
import type { HumanParticipant, PeerParticipant } from '../../core/index.ts';

type Seat =
  | { kind: 'human'; participant: HumanParticipant }
  | { kind: 'peer'; participant: PeerParticipant }
  | { kind: 'former'; participant: FormerPeer };

/** Builds every document of the bundle, keyed by file name. */
export function toMplpBundle(snapshot: ConversationSnapshot): MplpBundle {
  const ids = mplpIdsOf(snapshot.id);
  const ended = snapshot.events.find((event) => event.type === 'session-completed');
  const events = mplpEventsOf(snapshot, ids);
  const seats = seatsOf(snapshot);
  const collab: MplpCollab = {
    meta: metaOf(snapshot),
    collab_id: ids.collab,
    context_id: ids.context,
    title: titleOf(snapshot),
    purpose: `A group conversation between ${snapshot.room.human.displayName || 'a human'} and ${snapshot.room.peers.length} LLM peer(s) in PeerChat (MPOP profile).`,
    mode: collabModeOf(snapshot.events),
    status: ended ? 'completed' : 'active',
    participants: seats.map((seat) => participantOf(seat, ids)),
    created_at: iso(snapshot.createdAt),
    updated_at: iso(snapshot.updatedAt),
    events: events.collab,
  };
  const roles: Record<RoleFileName, MplpRole> = {};
  const used = new Set<string>();
  for (const seat of seats) roles[roleFileName(seat.participant.handle, used)] = roleOf(snapshot, seat, ids);
  return {
    'context.json': contextOf(snapshot, ids, ended !== undefined),
    'collab.json': collab,
    ...roles,
    'dialog.json': mplpDialogOf(snapshot, ids, ended?.at ?? null),
    'map-events.json': events.map,
  };
}

/** Each file of the bundle as pretty-printed JSON, in a stable order (for a zip or a folder). */
export function mplpBundleFiles(bundle: MplpBundle): { name: string; text: string }[] {
  return Object.entries(bundle).map(([name, document]) => ({ name, text: `${JSON.stringify(document, null, 2)}\n` }));
}

/**
 * `broadcast` when every round the human started with a message was an `@all` broadcast (and there was at least
 * one); otherwise `orchestrated`, since the arbiter chose the speakers (mentions, DAP, peer chains).
 */
export function collabModeOf(events: readonly CoreEvent[]): MplpCollab['mode'] {
  const humanRounds = new Set<string>();
  const broadcastRounds = new Set<string>();
  const humanMessages = new Map<string, string>();
  for (const event of events) {
    if (event.type === 'round-started' && event.trigger === 'human-message' && event.messageId !== null) {
      humanRounds.add(event.roundId);
      humanMessages.set(event.roundId, event.messageId);
    }
    if (event.type === 'broadcast-sent' && humanMessages.get(event.roundId) === event.messageId) {
      broadcastRounds.add(event.roundId);
    }
  }
  const allBroadcast = humanRounds.size > 0 && [...humanRounds].every((round) => broadcastRounds.has(round));
  return allBroadcast ? 'broadcast' : 'orchestrated';
}

function seatsOf(snapshot: ConversationSnapshot): Seat[] {
  return [
    { kind: 'human', participant: snapshot.room.human },
    ...snapshot.room.peers.map((participant): Seat => ({ kind: 'peer', participant })),
    ...snapshot.formerPeers.map((participant): Seat => ({ kind: 'former', participant })),
  ];
}

function participantOf(seat: Seat, ids: MplpIds): MplpCollabParticipant {
  return {
    participant_id: seat.participant.id,
    role_id: ids.role(seat.participant.id),
    kind: seat.kind === 'human' ? 'human' : 'agent',
    display_name: `${seat.participant.displayName} (@${seat.participant.handle})`,
  };
}

const HUMAN_CAPABILITIES = [
  'dialog.post',
  'turn.dispatch',
  'turn.stop',
  'mode.change',
  'governance.change',
  'peer.mute',
];
const PEER_CAPABILITIES = ['dialog.post', 'peer.mention'];

function roleOf(snapshot: ConversationSnapshot, seat: Seat, ids: MplpIds): MplpRole {
  const { participant } = seat;
  const description =
    seat.kind === 'human'
      ? 'The human: the only participant whose messages are instructions; sets the mode, budgets and mutes (MPOP §8).'
      : seat.kind === 'peer'
        ? `LLM peer seat: model ${seat.participant.model} via ${seat.participant.provider}; speaks when mentioned, on @all, or when DAP draws it.`
        : 'LLM peer seat that has left the room.';
  return {
    meta: metaOf(snapshot),
    role_id: ids.role(participant.id),
    name: `${participant.displayName} (@${participant.handle})`,
    description,
    capabilities: [...(seat.kind === 'human' ? HUMAN_CAPABILITIES : PEER_CAPABILITIES)],
    created_at: iso(snapshot.createdAt),
    updated_at: iso(snapshot.updatedAt),
  };
}

/** `roles/<handle>.json`, with `-2`, `-3`… when a former peer had the same handle as a seated one. */
function roleFileName(handle: string, used: Set<string>): RoleFileName {
  const base = handle.replace(/[^a-z0-9_.-]/gi, '_') || 'participant';
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
  used.add(name);
  return `roles/${name}.json`;
}

function contextOf(snapshot: ConversationSnapshot, ids: MplpIds, ended: boolean): MplpContext {
  const { room } = snapshot;
  return {
    meta: metaOf(snapshot),
    context_id: ids.context,
    root: { domain: 'peerchat.conversation', environment: 'browser' },
    title: titleOf(snapshot),
    summary: `Room "${room.name}": ${room.human.displayName} (@${room.human.handle}) with ${room.peers.map((peer) => `@${peer.handle}`).join(', ') || 'no peers'}.`,
    status: ended ? 'closed' : 'active',
    owner_role: ids.role(room.human.id),
    created_at: iso(snapshot.createdAt),
    updated_at: iso(snapshot.updatedAt),
  };
}

function titleOf(snapshot: ConversationSnapshot): string {
  return snapshot.title.trim() === '' ? 'Untitled conversation' : snapshot.title;
}
