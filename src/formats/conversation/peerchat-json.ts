/**
 * PeerChat JSON: the lossless, versioned conversation file.
 *
 *   { "format": "peerchat.conversation", "version": 1, "exportedAt": "<ISO time>", "conversation": { ...snapshot } }
 *
 * Import is a pure function: it returns the snapshot or one clear message naming the first bad field.
 */
import type { z } from 'zod';
import { attachmentSectionSchema, type AttachmentSection } from './attachments.ts';
import { IMPORT_LIMITS } from './import-limits.ts';
import { firstReferenceIssue } from './references.ts';
import { parseJsonSafely } from './safe-json.ts';
import type { ConversationSnapshot } from './snapshot.ts';
import { snapshotSchema } from './snapshot-schema.ts';

export const CONVERSATION_FORMAT = 'peerchat.conversation';
export const CONVERSATION_VERSION = 1;

/** The file as written. */
export interface PeerChatJsonFile {
  format: typeof CONVERSATION_FORMAT;
  version: typeof CONVERSATION_VERSION;
  exportedAt: string;
  conversation: ConversationSnapshot;
  /** The attached files' bytes (base64) by content hash; absent when the conversation has none. */
  attachments?: AttachmentSection;
}

export type ParsedConversation =
  | { ok: true; snapshot: ConversationSnapshot; exportedAt: string; attachments: AttachmentSection }
  | { ok: false; message: string };

const REFUSED = 'Conversation file refused — ';

/**
 * Writes a snapshot as PeerChat JSON (two-space indented). `exportedAt` defaults to the snapshot's `updatedAt`, so
 * the same conversation always gives the same bytes; pass the real time when the user exports.
 */
export function toPeerChatJson(
  snapshot: ConversationSnapshot,
  options: { exportedAt?: number; attachments?: AttachmentSection } = {},
): string {
  const file: PeerChatJsonFile = {
    format: CONVERSATION_FORMAT,
    version: CONVERSATION_VERSION,
    exportedAt: new Date(options.exportedAt ?? snapshot.updatedAt).toISOString(),
    conversation: snapshot,
  };
  if (options.attachments && Object.keys(options.attachments).length > 0) file.attachments = options.attachments;
  return JSON.stringify(file, null, 2);
}

/**
 * Reads a PeerChat JSON file. Refuses (one message, nothing else happens): non-JSON, truncated, oversized or too
 * deeply nested text, prototype-polluting keys, another format, another version, any field the format does not
 * know or that is out of range, and ids that name no participant of the conversation.
 */
export function parsePeerChatJson(text: string): ParsedConversation {
  const json = parseJsonSafely(text, { maxChars: IMPORT_LIMITS.fileChars, maxDepth: IMPORT_LIMITS.depth });
  if (!json.ok) return refuse(json.message);
  const data = json.value;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return refuse('the file is not a PeerChat conversation (expected a JSON object).');
  }
  const header = data as Record<string, unknown>;
  if (header.format !== CONVERSATION_FORMAT) {
    const hint = header.format === 'peerchat.room' ? ' (it is a room file: import it as a room)' : '';
    return refuse(`format: expected "${CONVERSATION_FORMAT}"${hint}.`);
  }
  const version = header.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > CONVERSATION_VERSION) {
    return refuse(
      `version ${version} is newer than this PeerChat understands (it reads version ${CONVERSATION_VERSION}).`,
    );
  }
  if (version !== CONVERSATION_VERSION) return refuse(`version: expected ${CONVERSATION_VERSION}.`);
  const exportedAt = header.exportedAt;
  if (typeof exportedAt !== 'string' || exportedAt.length > 64 || Number.isNaN(Date.parse(exportedAt))) {
    return refuse('exportedAt: expected an ISO date and time.');
  }
  for (const key of Object.keys(header)) {
    if (!['format', 'version', 'exportedAt', 'conversation', 'attachments'].includes(key))
      return refuse(`${key}: unknown field.`);
  }
  const files = attachmentSectionSchema.safeParse(header.attachments ?? {}, { reportInput: true });
  if (!files.success) return refuse(describeIssue(files.error, 'attachments'));
  const parsed = snapshotSchema.safeParse(header.conversation, { reportInput: true });
  if (!parsed.success) return refuse(describeIssue(parsed.error, 'conversation'));
  // The parsed JSON itself, not zod's copy: the schema has no defaults or transforms and refuses unknown keys, so
  // they hold the same data (their types are checked equal in snapshot-schema.ts), and the JSON keeps the file's
  // key order — re-exporting an imported file gives the same bytes.
  const snapshot = header.conversation as ConversationSnapshot;
  const issue = firstReferenceIssue(snapshot);
  if (issue) return refuse(`conversation.${issue.path}: ${issue.message.replace(/\.$/, '')}.`);
  return { ok: true, snapshot, exportedAt, attachments: files.data };
}

function refuse(message: string): ParsedConversation {
  return { ok: false, message: `${REFUSED}${message}` };
}

/** "conversation.messages.3.status: Invalid option: …" — the first issue only, with its full path. */
function describeIssue(error: z.ZodError, root: string): string {
  const issue = error.issues[0];
  if (!issue) return `${root}: not valid.`;
  const path = [root, ...issue.path.map(String)].join('.');
  if (issue.code === 'unrecognized_keys') return `${path}.${issue.keys[0] ?? ''}: unknown field.`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${path}: missing.`;
  return `${path}: ${issue.message.replace(/\.$/, '')}.`;
}
