/**
 * From a file the human picked, dropped or pasted to what is stored and referenced: its kind, the bytes as stored
 * (images scaled down), their SHA-256 (the reference's id, so the same file is stored once), and its text (a text
 * file decoded, a PDF's text extracted). The image scaler and pdf.js are loaded with `import()` when first needed.
 */
import { ATTACHMENT_LIMITS, IMAGE_MIME_TYPES } from '../../core/index.ts';
import type { AttachmentKind, AttachmentRef } from '../../core/index.ts';

/** What `prepareAttachment` hands back: the reference, and what the attachment table stores. */
export interface PreparedAttachment {
  ref: AttachmentRef;
  bytes: Uint8Array;
  text?: string;
  /** The size as picked (before scaling): the caps apply to it. */
  pickedSize: number;
}

/** File name endings read as text when the browser gives no text type. */
const TEXT_EXTENSIONS = new Set(
  (
    'txt md markdown csv tsv json jsonl yaml yml toml ini cfg conf log xml html htm css scss less js mjs cjs jsx ts ' +
    'tsx py rb go rs java kt kts swift c h cc cpp hpp cs php pl sh bash zsh fish ps1 sql r lua dart scala ex exs erl ' +
    'hs ml clj vue svelte tex bib env gitignore dockerfile makefile gradle properties proto graphql rst adoc org'
  ).split(' '),
);

/** What a file picker offers: the image types, PDFs, text of any type and the text and code endings above. */
export const ATTACHABLE_FILE_TYPES = [
  ...IMAGE_MIME_TYPES,
  'application/pdf',
  '.pdf',
  'text/*',
  'application/json',
  ...[...TEXT_EXTENSIONS].map((extension) => `.${extension}`),
].join(',');

const extensionOf = (name: string) => name.toLowerCase().split('.').pop() ?? '';

/** The kind of a file from its type and name, or null when it is none PeerChat takes. */
export function attachmentKindOf(file: { name: string; type: string }): AttachmentKind | null {
  const type = file.type.toLowerCase();
  if (IMAGE_MIME_TYPES.includes(type)) return 'image';
  if (type === 'application/pdf' || (type === '' && extensionOf(file.name) === 'pdf')) return 'pdf';
  if (type.startsWith('text/') || type === 'application/json' || type === 'application/xml') return 'text';
  if (TEXT_EXTENSIONS.has(extensionOf(file.name))) return 'text';
  return null;
}

export const UNSUPPORTED_FILE = (name: string) =>
  `"${name}" cannot be attached: only images (PNG, JPEG, WebP, GIF), text or code files and PDFs can.`;

/**
 * The SHA-256 of the bytes, lowercase hex. `crypto.subtle` exists only in secure contexts (https or localhost); a
 * room opened on a LAN over plain http is not one, so there the hash comes from @noble/hashes, loaded then only.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = globalThis.crypto?.subtle
    ? new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource))
    : (await import('@noble/hashes/sha2.js')).sha256(bytes);
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A file's text as UTF-8; null when it is not valid UTF-8 text. */
function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The text kept with a file that came from elsewhere (a shared room's server) as it is kept for one attached here:
 * a text file decoded, a PDF's text extracted; none for an image, or when it cannot be read.
 */
export async function textOfFile(bytes: Uint8Array, mimeType: string): Promise<string | undefined> {
  const kind = attachmentKindOf({ name: '', type: mimeType });
  if (kind === 'text') return decodeText(bytes) ?? undefined;
  if (kind !== 'pdf') return undefined;
  const { extractPdfText } = await import('./pdf-text.ts');
  return extractPdfText(bytes).catch(() => undefined);
}

async function withRef(
  file: File,
  kind: AttachmentKind,
  stored: { bytes: Uint8Array; mimeType: string; text?: string; width?: number; height?: number },
): Promise<PreparedAttachment> {
  const { bytes, mimeType, text, width, height } = stored;
  const ref: AttachmentRef = { id: await sha256Hex(bytes), name: file.name, mimeType, size: bytes.byteLength, kind };
  if (width !== undefined) ref.width = width;
  if (height !== undefined) ref.height = height;
  return { ref, bytes, pickedSize: file.size, ...(text !== undefined ? { text } : {}) };
}

/**
 * Reads, scales or extracts one file. Rejects with a plain sentence naming the file when it cannot be attached
 * (an unsupported type, not text, not a readable image or PDF). The caps are checked before (`attachmentLimitProblem`).
 */
export async function prepareAttachment(file: File): Promise<PreparedAttachment> {
  const kind = attachmentKindOf(file);
  if (kind === null) throw new Error(UNSUPPORTED_FILE(file.name));
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (kind === 'text') {
    const text = decodeText(bytes);
    if (text === null) throw new Error(`"${file.name}" is not UTF-8 text, so it cannot be attached as a text file.`);
    return withRef(file, kind, { bytes, mimeType: file.type || 'text/plain', text });
  }
  if (kind === 'pdf') {
    const { extractPdfText } = await import('./pdf-text.ts');
    const text = await extractPdfText(bytes).catch(() => {
      throw new Error(`"${file.name}" could not be read as a PDF.`);
    });
    return withRef(file, kind, { bytes, mimeType: 'application/pdf', text });
  }
  const { scaleImage } = await import('./image-scale.ts');
  const scaled = await scaleImage(bytes, file.type, ATTACHMENT_LIMITS.maxImageSide).catch(() => {
    throw new Error(`"${file.name}" could not be read as an image.`);
  });
  return withRef(file, kind, scaled);
}
