/**
 * Files the human attaches to a message: images, text or code files and PDFs. The core only ever holds a
 * reference (the SHA-256 of the bytes names the file); the bytes live in the store's attachment table and reach a
 * provider only when the store resolves them for a request.
 */

export type AttachmentKind = 'image' | 'text' | 'pdf';

/** One attached file as messages, the room log and requests refer to it. */
export interface AttachmentRef {
  /** The SHA-256 of the bytes as stored (after any scaling), lowercase hex: the same file is stored once. */
  id: string;
  name: string;
  mimeType: string;
  /** Bytes as stored. */
  size: number;
  kind: AttachmentKind;
  /** Images: pixels after scaling. */
  width?: number;
  height?: number;
}

/** Caps per file (bytes as picked, before any scaling) and per message. */
export const ATTACHMENT_LIMITS = {
  maxBytes: { image: 20 * 1024 * 1024, pdf: 32 * 1024 * 1024, text: 1024 * 1024 } satisfies Record<
    AttachmentKind,
    number
  >,
  maxFilesPerMessage: 10,
  maxTotalBytesPerMessage: 50 * 1024 * 1024,
  /** Longest side of an image sent to a provider (Anthropic's recommended maximum, below OpenAI's 2048). */
  maxImageSide: 1568,
} as const;

/** The image types every vision provider accepts. */
export const IMAGE_MIME_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

/** Tokens an attached image is assumed to cost (about what a 1568 px image costs at Anthropic and OpenAI). */
export const IMAGE_TOKEN_ESTIMATE = 1600;

const SHA256_HEX = /^[0-9a-f]{64}$/;
const KINDS: readonly string[] = ['image', 'text', 'pdf'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isPixels = (value: unknown) => value === undefined || (Number.isSafeInteger(value) && (value as number) > 0);

/** The field of an attachment reference that is missing or wrong, or null when it is valid. */
export function attachmentRefProblem(value: unknown): string | null {
  if (!isObject(value)) return 'attachment';
  if (typeof value.id !== 'string' || !SHA256_HEX.test(value.id)) return 'id';
  if (typeof value.name !== 'string' || value.name.trim() === '') return 'name';
  if (typeof value.mimeType !== 'string' || value.mimeType === '') return 'mimeType';
  if (!Number.isSafeInteger(value.size) || (value.size as number) < 0) return 'size';
  if (typeof value.kind !== 'string' || !KINDS.includes(value.kind)) return 'kind';
  if (!isPixels(value.width)) return 'width';
  if (!isPixels(value.height)) return 'height';
  return null;
}

/** Why a list of attachment references cannot go on a message, or null. */
export function attachmentListProblem(value: unknown): string | null {
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.length > ATTACHMENT_LIMITS.maxFilesPerMessage) return 'attachments';
  for (const [index, item] of value.entries()) {
    const field = attachmentRefProblem(item);
    if (field !== null) return `attachments[${index}].${field}`;
  }
  return null;
}

/** A file as picked, before it is read: enough to apply the caps. */
export interface PickedFile {
  name: string;
  size: number;
  kind: AttachmentKind;
}

const megabytes = (bytes: number) => {
  const value = bytes / (1024 * 1024);
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
};
const KIND_WORDS: Record<AttachmentKind, string> = { image: 'Images', pdf: 'PDFs', text: 'Text files' };

/** Why these files cannot go on one message (a file over its cap, too many, too large together), or null. */
export function attachmentLimitProblem(files: readonly PickedFile[]): string | null {
  for (const file of files) {
    const cap = ATTACHMENT_LIMITS.maxBytes[file.kind];
    if (file.size > cap)
      return `"${file.name}" is ${megabytes(file.size)}: ${KIND_WORDS[file.kind]} can be at most ${megabytes(cap)}.`;
  }
  if (files.length > ATTACHMENT_LIMITS.maxFilesPerMessage)
    return `${files.length} files: a message can carry at most ${ATTACHMENT_LIMITS.maxFilesPerMessage}.`;
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > ATTACHMENT_LIMITS.maxTotalBytesPerMessage)
    return `These files come to ${megabytes(total)}: a message can carry at most ${megabytes(ATTACHMENT_LIMITS.maxTotalBytesPerMessage)} in all.`;
  return null;
}

/** Rough tokens an attachment adds to a request (images a fixed estimate, text and PDFs by size). */
export function attachmentTokens(ref: AttachmentRef): number {
  if (ref.kind === 'image') return IMAGE_TOKEN_ESTIMATE;
  // A PDF's text is usually well under a tenth of the file; text files are their size.
  return Math.ceil((ref.kind === 'pdf' ? ref.size / 10 : ref.size) / 4);
}
