/**
 * Deterministic UUIDs for the MPLP bundle. MPLP requires lowercase UUID v4 ids; we want the same conversation to
 * export the same ids every time. So ids are name-based (RFC 4122 §4.3, the UUID v5 construction: SHA-1 of a
 * namespace and a name) but carry the version nibble 4 and the RFC 4122 variant, which makes them valid v4 ids.
 */
import { sha1 } from './sha1.ts';

/** PeerChat's namespace for name-based ids (a random v4 UUID, fixed forever). */
export const PEERCHAT_UUID_NAMESPACE = '27b6bc6b-2bba-4562-8be3-bc02147fb1f3';

const NAMESPACE_BYTES = uuidBytes(PEERCHAT_UUID_NAMESPACE);
const encoder = new TextEncoder();

/** The lowercase v4-format UUID derived from `name` (same name, same id). */
export function nameBasedUuid(name: string): string {
  const nameBytes = encoder.encode(name);
  const input = new Uint8Array(NAMESPACE_BYTES.length + nameBytes.length);
  input.set(NAMESPACE_BYTES);
  input.set(nameBytes, NAMESPACE_BYTES.length);
  const bytes = sha1(input).slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // variant 10xx (RFC 4122)
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of one object of one conversation, e.g. `conversationUuid('conv-1', 'role', 'id-claude')`. The parts are
 * joined as a JSON array, so no choice of ids can make two different triples produce the same name.
 */
export function conversationUuid(conversationId: string, kind: string, localId = ''): string {
  return nameBasedUuid(JSON.stringify([conversationId, kind, localId]));
}

/** The pattern of MPLP's `identifiers.schema.json`. */
export const UUID_V4_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}
