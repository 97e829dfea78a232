/**
 * The pieces of the snapshot schema (snapshot-schema.ts): capped primitives, and the parts a message may carry beyond
 * its text (reasoning, how it ended, attached files).
 */
import { z } from 'zod';
import { ENDING_KINDS } from '../../core/index.ts';
import type { EndingKind } from '../../core/index.ts';
import { IMPORT_LIMITS } from './import-limits.ts';
import { enumOf } from './snapshot-enums.ts';

// No code generation: the Content-Security-Policy forbids eval, and zod's probe for it would log a violation.
z.config({ jitless: true });

export const shortText = z.string().max(IMPORT_LIMITS.shortText);
export const longText = z.string().max(IMPORT_LIMITS.longText);
export const id = shortText.min(1);
/** Milliseconds since the epoch, up to the end of year 9999 (later years have no RFC 3339 / ISO 8601 form). */
export const time = z.number().int().min(0).max(IMPORT_LIMITS.lastTime);
export const count = z.number().int().min(0);
export const amount = z.number().min(0);

export const reasoning = z.strictObject({
  text: z.string().max(IMPORT_LIMITS.messageChars),
  redacted: z.boolean().optional(),
  tokens: amount.optional(),
  durationMs: amount.optional(),
});

export const ending = z.strictObject({
  kind: enumOf(ENDING_KINDS as readonly [EndingKind, ...EndingKind[]]),
  providerReason: shortText.nullable(),
  refusal: longText.optional(),
});

/** A file attached to a human message: a reference (its bytes are in the file's `attachments` section). */
export const attachmentRef = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  name: shortText.min(1),
  mimeType: shortText.min(1),
  size: count,
  kind: z.enum(['image', 'text', 'pdf']),
  width: count.min(1).optional(),
  height: count.min(1).optional(),
});
