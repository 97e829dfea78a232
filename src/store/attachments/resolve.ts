/**
 * Just before a turn's adapter call, the request's attachment references get their bytes (or text), each in the
 * form this seat's model takes: an image for a model that cannot see images becomes a note naming the file.
 */
import { imageNote, visionSupport, type ResolvedAttachment } from '../../adapters/index.ts';
import type { AttachmentRef, PeerRequest, PeerSeat } from '../../core/index.ts';
import { toBase64, type AttachmentStorage, type StoredAttachment } from './storage.ts';

function resolveOne(
  ref: AttachmentRef,
  stored: StoredAttachment | undefined,
  seesImages: boolean,
  base64: (file: StoredAttachment) => string,
): ResolvedAttachment {
  if (ref.kind === 'image' && !seesImages) return { ...ref, note: imageNote(ref.name) };
  if (stored === undefined) return { ...ref };
  if (ref.kind === 'text') return stored.text !== undefined ? { ...ref, text: stored.text } : { ...ref };
  const resolved: ResolvedAttachment = { ...ref, data: base64(stored) };
  if (ref.kind === 'pdf' && stored.text !== undefined) resolved.text = stored.text;
  return resolved;
}

/** The request with every attachment resolved for `peer` (a request without attachments is returned as is). */
export async function resolveAttachments(
  request: PeerRequest,
  peer: Pick<PeerSeat, 'provider' | 'model'>,
  storage: AttachmentStorage,
): Promise<PeerRequest> {
  const ids = request.messages.flatMap((message) => (message.attachments ?? []).map((ref) => ref.id));
  if (ids.length === 0) return request;
  const stored = await storage.load(ids);
  const seesImages = visionSupport(peer.provider, peer.model) !== 'no';
  const encoded = new Map<string, string>();
  const base64 = (file: StoredAttachment) => {
    let text = encoded.get(file.id);
    if (text === undefined) encoded.set(file.id, (text = toBase64(file.bytes)));
    return text;
  };
  return {
    ...request,
    messages: request.messages.map((message) =>
      message.attachments === undefined
        ? message
        : {
            ...message,
            attachments: message.attachments.map((ref) => resolveOne(ref, stored.get(ref.id), seesImages, base64)),
          },
    ),
  };
}

/** What the composer says before sending images: who cannot see them, who may not. Null when all can. */
export function visionWarning(peers: readonly Pick<PeerSeat, 'provider' | 'model' | 'displayName' | 'enabled'>[]) {
  const blind: string[] = [];
  const unsure: string[] = [];
  for (const peer of peers) {
    if (!peer.enabled) continue;
    const support = visionSupport(peer.provider, peer.model);
    if (support === 'no') blind.push(peer.displayName);
    if (support === 'maybe') unsure.push(peer.displayName);
  }
  const sentences: string[] = [];
  if (blind.length > 0)
    sentences.push(
      `${listed(blind)} cannot see images; ${blind.length === 1 ? 'it' : 'they'} will get the file name only.`,
    );
  if (unsure.length > 0) sentences.push(`${listed(unsure)} may not see images.`);
  return sentences.length > 0 ? sentences.join(' ') : null;
}

const listed = (names: readonly string[]) =>
  names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
