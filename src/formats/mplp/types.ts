/**
 * The MPLP v1.0 documents of the bundle, typed as far as PeerChat fills them (see vendor/mplp for the
 * schemas). Field names are the schemas' own snake_case.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** `common/metadata.schema.json`. */
export interface MplpMeta {
  protocol_version: string;
  schema_version: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  tags: string[];
}

/** `common/events.schema.json`: the base event used in `events` arrays and in dialog messages. */
export interface MplpBaseEvent {
  event_id: string;
  /** Dot-separated lowercase words, e.g. `peerchat.round.ended`. */
  event_type: string;
  source: string;
  timestamp: string;
  data: JsonObject;
}

/** `mplp-context.schema.json`. */
export interface MplpContext {
  meta: MplpMeta;
  context_id: string;
  root: { domain: string; environment: string };
  title: string;
  summary: string;
  status: 'active' | 'closed';
  owner_role: string;
  created_at: string;
  updated_at: string;
}

/** `mplp-collab.schema.json` `$defs/collab_participant_core`. */
export interface MplpCollabParticipant {
  participant_id: string;
  role_id: string;
  kind: 'human' | 'agent';
  display_name: string;
}

/** `mplp-collab.schema.json`. */
export interface MplpCollab {
  meta: MplpMeta;
  collab_id: string;
  context_id: string;
  title: string;
  purpose: string;
  mode: 'orchestrated' | 'broadcast';
  status: 'active' | 'completed';
  participants: MplpCollabParticipant[];
  created_at: string;
  updated_at: string;
  events: MplpBaseEvent[];
}

/** `mplp-role.schema.json`. */
export interface MplpRole {
  meta: MplpMeta;
  role_id: string;
  name: string;
  description: string;
  capabilities: string[];
  created_at: string;
  updated_at: string;
}

/** `mplp-dialog.schema.json` `$defs/dialog_message_core`. */
export interface MplpDialogMessage {
  role: 'user' | 'agent' | 'system';
  content: string;
  timestamp: string;
  event: MplpBaseEvent;
}

/** `mplp-dialog.schema.json`. */
export interface MplpDialog {
  meta: MplpMeta;
  dialog_id: string;
  context_id: string;
  status: 'active' | 'completed';
  messages: MplpDialogMessage[];
  started_at: string;
  ended_at?: string;
}

export type MapEventType =
  | 'MAPSessionStarted'
  | 'MAPRolesAssigned'
  | 'MAPTurnDispatched'
  | 'MAPTurnCompleted'
  | 'MAPBroadcastSent'
  | 'MAPBroadcastReceived'
  | 'MAPConflictDetected'
  | 'MAPConflictResolved'
  | 'MAPSessionCompleted';

/** `events/mplp-map-event.schema.json`. */
export interface MplpMapEvent {
  event_id: string;
  event_type: MapEventType;
  timestamp: string;
  session_id: string;
  initiator_role?: string;
  target_roles?: string[];
  payload: JsonObject;
}

/** File name of one role document: `roles/<handle>.json`. */
export type RoleFileName = `roles/${string}.json`;

/** The MPLP bundle: file name -> document. */
export type MplpBundle = {
  'context.json': MplpContext;
  'collab.json': MplpCollab;
  'dialog.json': MplpDialog;
  'map-events.json': MplpMapEvent[];
} & { [file: RoleFileName]: MplpRole };
