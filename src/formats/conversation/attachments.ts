/**
 * Attachments in the conversation files: the references the transcript holds, the `attachments` section of
 * PeerChat JSON (each file's bytes, base64, keyed by the SHA-256 of the bytes), and the names the files take in the
 * Markdown zip (`attachments/<name>`). Pure: the store reads and writes the bytes.
 */
import { z } from 'zod';
import { ATTACHMENT_LIMITS } from '../../core/index.ts';
import type { AttachmentRef } from '../../core/index.ts';
import type { ConversationSnapshot } from './snapshot.ts';

/** One file of the `attachments` section. */
export interface ExportedAttachment {
  mimeType: string;
  size: number;
  /** The bytes, base64. */
  data: string;
  /** A text file's content or a PDF's extracted text, as stored beside the bytes. */
  text?: string;
}

/** The section, keyed by the SHA-256 of each file's bytes (lowercase hex). */
export type AttachmentSection = Record<string, ExportedAttachment>;

const largestFile = Math.max(...Object.values(ATTACHMENT_LIMITS.maxBytes));

export const attachmentSectionSchema = z.record(
  z.string().regex(/^[0-9a-f]{64}$/, 'expected the SHA-256 of the file (64 lowercase hex digits)'),
  z.strictObject({
    mimeType: z.string().min(1).max(200),
    size: z.number().int().min(0).max(largestFile),
    data: z
      .string()
      .max(Math.ceil(largestFile / 3) * 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64'),
    text: z
      .string()
      .max(largestFile * 2)
      .optional(),
  }),
);

/** Every file the conversation's messages (all versions) refer to, once each, in order of first use. */
export function attachmentRefsOf(snapshot: Pick<ConversationSnapshot, 'messages' | 'otherVersions'>): AttachmentRef[] {
  const seen = new Map<string, AttachmentRef>();
  for (const message of [...snapshot.messages, ...(snapshot.otherVersions ?? [])])
    for (const ref of message.attachments ?? []) if (!seen.has(ref.id)) seen.set(ref.id, ref);
  return [...seen.values()];
}

/** A file name that is safe as one path segment in a zip: no folders, no control characters, not hidden. */
function safeName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_')
    .replace(/^\.+/, '_')
    .trim()
    .slice(0, 120);
  return cleaned === '' ? 'file' : cleaned;
}

/** "notes.txt" → "notes (2).txt". */
function numbered(name: string, count: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (${count})${name.slice(dot)}` : `${name} (${count})`;
}

/** Each file's path in the Markdown zip, `attachments/<name>`, unique (a second file of the same name is numbered). */
export function attachmentPaths(refs: readonly AttachmentRef[]): Map<string, string> {
  const paths = new Map<string, string>();
  const taken = new Set<string>();
  for (const ref of refs) {
    const base = safeName(ref.name);
    let name = base;
    for (let count = 2; taken.has(name.toLowerCase()); count++) name = numbered(base, count);
    taken.add(name.toLowerCase());
    paths.set(ref.id, `attachments/${name}`);
  }
  return paths;
}
