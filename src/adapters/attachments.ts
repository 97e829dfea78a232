/**
 * Attachments as an adapter receives them: the core's reference plus the bytes the store resolved just before the
 * call (base64), the text of a text file or a PDF, or a note sent instead (a model that cannot see images, a file
 * no longer stored). And which models see images, from the catalog.
 */
import type { AttachmentRef } from '../core/index.ts';
import { lookupModel, type ModelOverrides } from './catalog.ts';
import type { ProviderKind } from './types.ts';

export interface ResolvedAttachment extends AttachmentRef {
  /** The bytes, base64 (images and PDFs). */
  data?: string;
  /** A text file's content, or the text extracted from a PDF. */
  text?: string;
  /** Sent instead of the file: "[image attached: chart.png — this model cannot see images]". */
  note?: string;
}

/** Whether a seat's model sees images: known from the catalog, assumed for the big three, unknown elsewhere. */
export type VisionSupport = 'yes' | 'no' | 'maybe';

export function visionSupport(provider: ProviderKind, model: string, overrides?: ModelOverrides): VisionSupport {
  const capabilities = lookupModel(provider, model, overrides)?.capabilities;
  if (capabilities !== undefined) return capabilities.vision ? 'yes' : 'no';
  if (provider === 'openai' || provider === 'anthropic' || provider === 'google') return 'yes';
  // The demo peers read nothing; an OpenAI-compatible model may or may not (the user chose to send it).
  return provider === 'demo' ? 'no' : 'maybe';
}

/** What a model that cannot see images is sent instead of one. */
export function imageNote(name: string): string {
  return `[image attached: ${name} — this model cannot see images]`;
}

/** What is sent when a file's bytes are no longer stored. */
export function missingNote(name: string): string {
  return `[file attached: ${name} — no longer available]`;
}
