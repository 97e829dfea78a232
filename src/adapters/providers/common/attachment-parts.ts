/**
 * The content parts of a message's attachments, per provider: images (and Anthropic's and Gemini's PDFs) in the
 * provider's native shape, text files and PDF text as text delimited with the file name, notes as text.
 */
import type { ChatMessage } from '../../../core/index.ts';
import { missingNote, type ResolvedAttachment } from '../../attachments.ts';

/** What one attachment becomes, provider-neutrally, before it takes a provider's shape. */
export type AttachmentPart =
  { type: 'text'; text: string } | { type: 'image'; mimeType: string; data: string } | { type: 'pdf'; data: string };

/** A text file or a PDF's text, delimited so the model knows where the file starts and ends and its name. */
export function delimitedFile(name: string, text: string): string {
  return `<file name=${JSON.stringify(name)}>\n${text}\n</file>`;
}

/** A short label before an image or a document, so the model can refer to the file by name. */
export function fileLabel(name: string): string {
  return `[file: ${name}]`;
}

/** The attachments a message carries, as the store resolved them (a reference without bytes gets a note). */
export function attachmentsOf(message: ChatMessage): ResolvedAttachment[] {
  return (message.attachments ?? []) as ResolvedAttachment[];
}

/** The parts one attachment becomes; `nativePdf` for providers that read PDFs themselves. */
export function attachmentParts(file: ResolvedAttachment, options: { nativePdf: boolean }): AttachmentPart[] {
  if (file.note !== undefined) return [{ type: 'text', text: file.note }];
  if (file.kind === 'image' && file.data !== undefined)
    return [
      { type: 'text', text: fileLabel(file.name) },
      { type: 'image', mimeType: file.mimeType, data: file.data },
    ];
  if (file.kind === 'pdf' && options.nativePdf && file.data !== undefined)
    return [
      { type: 'text', text: fileLabel(file.name) },
      { type: 'pdf', data: file.data },
    ];
  if (file.kind !== 'image' && file.text !== undefined)
    return [{ type: 'text', text: delimitedFile(file.name, file.text) }];
  return [{ type: 'text', text: missingNote(file.name) }];
}

/** The message's text, then the parts of each attachment in order. */
export function messageParts(message: ChatMessage, options: { nativePdf: boolean }): AttachmentPart[] {
  const parts: AttachmentPart[] = message.content === '' ? [] : [{ type: 'text', text: message.content }];
  for (const file of attachmentsOf(message)) parts.push(...attachmentParts(file, options));
  return parts;
}

/** True when the message carries files (and so needs content parts rather than a plain string). */
export const hasAttachments = (message: ChatMessage): boolean => (message.attachments?.length ?? 0) > 0;
