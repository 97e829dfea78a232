/**
 * Where the store keeps attached files' bytes: IndexedDB in the app (`persistence/attachments.ts`), memory in tests
 * and until storage opens. Injected through `FacilitatorDeps.attachments`.
 */
export interface StoredAttachment {
  id: string;
  mimeType: string;
  size: number;
  bytes: Uint8Array;
  text?: string;
}

export interface AttachmentStorage {
  /** Stores a file (the same bytes are stored once). */
  save(file: StoredAttachment): Promise<void>;
  /** The stored files with these ids; those no longer stored are absent. */
  load(ids: readonly string[]): Promise<Map<string, StoredAttachment>>;
}

/** Files kept in memory (tests, and the demo before storage opens). */
export function memoryAttachmentStorage(): AttachmentStorage {
  const files = new Map<string, StoredAttachment>();
  return {
    save: async (file) => void (files.has(file.id) || files.set(file.id, file)),
    load: async (ids) =>
      new Map(ids.flatMap((id) => (files.has(id) ? [[id, files.get(id) as StoredAttachment] as const] : []))),
  };
}

/** Bytes as base64 (in chunks: a large file would overflow the argument list of `String.fromCharCode`). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let start = 0; start < bytes.length; start += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
