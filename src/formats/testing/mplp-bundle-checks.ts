/**
 * Test helper: what every exported MPLP bundle is held to — each document valid against its MPLP v1.0 schema, the
 * MAP invariants, and the event types the MAP profile marks mandatory (read from `profiles/map-profile.yaml`).
 */
import { parse } from 'yaml';
import type { MplpBundle, MplpMapEvent } from '../mplp/types.ts';
import type { MplpSchemas } from './mplp-schemas.ts';

const MAP_EVENT_SCHEMA = 'events/mplp-map-event.schema.json';
const PAYLOAD_SCHEMAS: Partial<Record<MplpMapEvent['event_type'], string>> = {
  MAPTurnDispatched: '/$defs/turn_dispatched_payload',
  MAPTurnCompleted: '/$defs/turn_completed_payload',
  MAPBroadcastSent: '/$defs/broadcast_sent_payload',
  MAPBroadcastReceived: '/$defs/broadcast_received_payload',
};

/** Every schema error of every document of the bundle (empty when all are valid). */
export function schemaErrors(schemas: MplpSchemas, bundle: MplpBundle): string[] {
  const errors: string[] = [];
  for (const [file, document] of Object.entries(bundle)) {
    if (file === 'context.json') errors.push(...schemas.errors('mplp-context.schema.json', document));
    else if (file === 'collab.json') errors.push(...schemas.errors('mplp-collab.schema.json', document));
    else if (file === 'dialog.json') errors.push(...schemas.errors('mplp-dialog.schema.json', document));
    else if (file.startsWith('roles/')) errors.push(...schemas.errors('mplp-role.schema.json', document));
    else if (file === 'map-events.json') {
      for (const event of document as MplpMapEvent[]) {
        errors.push(...schemas.errors(MAP_EVENT_SCHEMA, event));
        const payload = PAYLOAD_SCHEMAS[event.event_type];
        // The $defs payload schemas are not referenced by the event schema; we hold our payloads to them anyway.
        if (payload) errors.push(...schemas.errors(MAP_EVENT_SCHEMA, event.payload, payload));
      }
    } else errors.push(`unexpected file ${file}`);
  }
  return errors;
}

/** The documents the MAP invariants are checked on. */
export function invariantDocuments(bundle: MplpBundle) {
  return { collab: bundle['collab.json'], context: bundle['context.json'], trace: bundle['map-events.json'] };
}

/** The MAP event types the profile marks mandatory. */
export function mandatoryMapEventTypes(schemas: MplpSchemas): string[] {
  const profile = parse(schemas.read('profiles/map-profile.yaml')) as {
    map_profile?: { event_types?: { mandatory?: unknown } };
  };
  const mandatory = profile.map_profile?.event_types?.mandatory;
  if (!Array.isArray(mandatory) || mandatory.length === 0 || !mandatory.every((type) => typeof type === 'string'))
    throw new Error('profiles/map-profile.yaml lists no mandatory MAP event types.');
  return mandatory;
}

/** The mandatory MAP event types missing from the bundle's `map-events.json` (empty when it carries them all). */
export function missingMandatoryEvents(schemas: MplpSchemas, bundle: MplpBundle): string[] {
  const present = new Set(bundle['map-events.json'].map((event) => event.event_type));
  return mandatoryMapEventTypes(schemas).filter((type) => !present.has(type as MplpMapEvent['event_type']));
}
