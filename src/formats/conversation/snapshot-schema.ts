/**
 * The zod schema of a conversation snapshot inside a PeerChat JSON file. Every object is strict (an unknown field
 * is refused), every string and array is capped. The schema's output type is checked against the TypeScript
 * types at compile time, so a field added to the store's types cannot silently fall out of the format.
 */
import { z } from 'zod';
import { ATTACHMENT_LIMITS, PROVIDER_IDS } from '../../core/index.ts';
import type { ProviderId } from '../../core/index.ts';
import {
  aliasesSchema,
  dapOverridesSchema,
  limitOverridesSchema,
  peersSchema,
  reasoningRequestSchema,
  seatSettingSchemas,
  seatTextSchemas,
} from '../rule-schemas.ts';
import { IMPORT_LIMITS } from './import-limits.ts';
import { amount, attachmentRef, count, ending, id, longText, reasoning, shortText, time } from './snapshot-parts.ts';
import {
  COMPLETION_STATUSES,
  DAP_PRESET_IDS,
  enumOf,
  HUMAN_OVERRIDE_ACTIONS,
  MESSAGE_KINDS,
  MESSAGE_STATUSES,
  ROUND_END_REASONS,
  TURN_ERROR_REASONS,
  TURN_SKIP_REASONS,
  type Equals,
  type Normalize,
} from './snapshot-enums.ts';
import type { ConversationSnapshot } from './snapshot.ts';

// The room's parameters follow the core's rules (rule-schemas.ts): same bounds, same messages as every other way
// in. What a field-by-field schema cannot check (names, pMin <= pMax under the mode) is in references.ts.
const dapOverrides = dapOverridesSchema;
const limitOverrides = limitOverridesSchema;

const aliases = aliasesSchema(shortText);

const human = z.strictObject({
  kind: z.literal('human'),
  id,
  handle: shortText,
  aliases,
  displayName: seatTextSchemas.displayName,
});

const peer = z.strictObject({
  kind: z.literal('peer'),
  id,
  handle: shortText,
  aliases,
  displayName: seatTextSchemas.displayName,
  provider: enumOf(PROVIDER_IDS as readonly [ProviderId, ...ProviderId[]]),
  model: seatTextSchemas.model,
  baseURL: seatTextSchemas.baseURL.optional(),
  settings: z.strictObject({
    temperature: seatSettingSchemas.temperature.optional(),
    maxOutputTokens: seatSettingSchemas.maxOutputTokens.optional(),
    contextWindow: seatSettingSchemas.contextWindow,
    reasoning: reasoningRequestSchema.optional(),
  }),
  persona: seatTextSchemas.persona.optional(),
  dap: dapOverrides,
  enabled: z.boolean(),
  colour: shortText,
  ownerId: id.optional(),
});

const mode = z.strictObject({
  id,
  name: shortText,
  version: shortText,
  tagline: shortText,
  promptBlock: longText,
  defaults: z.strictObject({
    dapPreset: enumOf(DAP_PRESET_IDS),
    dap: dapOverrides.optional(),
    limits: limitOverrides,
  }),
  builtIn: z.boolean(),
});

const councilRequest = z.strictObject({ strategy: z.enum(['vote', 'council']), synthesizerId: id.optional() });

const councilTally = {
  strategy: z.enum(['vote', 'council']),
  consensus: z.array(id).max(64),
  answer: longText.nullable(),
  votes: z.record(id, count),
  dissent: z.array(z.strictObject({ peerId: id, reason: z.string().max(1_000) })).max(64),
  answered: count,
};

const room = z.strictObject({
  name: shortText,
  human,
  peers: peersSchema(peer),
  modeId: id,
  customModes: z.array(mode).max(64),
  limits: limitOverrides,
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  shareReasoning: z.boolean().optional(),
  councilDefault: councilRequest.nullable().optional(),
});

const formerPeer = z.strictObject({ id, handle: shortText, displayName: shortText });

const turnReason = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('human-mention'), messageId: id }),
  z.strictObject({ kind: z.literal('all'), messageId: id }),
  z.strictObject({ kind: z.literal('dap'), probability: z.number().min(0).max(1), messageId: id }),
  z.strictObject({ kind: z.literal('peer-mention'), messageId: id, askedBy: id }),
  z.strictObject({ kind: z.literal('human-forced') }),
  z.strictObject({ kind: z.literal('retry'), replacesMessageId: id }),
  z.strictObject({ kind: z.literal('council'), stage: z.enum(['answer', 'review', 'synthesis']), messageId: id }),
]);

const tokens = z.strictObject({ input: amount, output: amount });

const message = z.strictObject({
  id,
  kind: enumOf(MESSAGE_KINDS),
  authorId: shortText,
  sender: z.strictObject({ memberId: id, name: shortText }).optional(),
  text: z.string().max(IMPORT_LIMITS.messageChars),
  attachments: z.array(attachmentRef).max(ATTACHMENT_LIMITS.maxFilesPerMessage).optional(),
  status: enumOf(MESSAGE_STATUSES),
  errorReason: shortText.optional(),
  modeId: id.optional(),
  roundId: id.optional(),
  turnId: id.optional(),
  reason: turnReason.optional(),
  tokens: tokens.optional(),
  costUsd: amount.optional(),
  createdAt: time,
  error: z.strictObject({ reason: enumOf(TURN_ERROR_REASONS), message: longText }).optional(),
  retrying: longText.optional(),
  stopReason: shortText.nullable().optional(),
  latencyMs: z.strictObject({ firstToken: amount.nullable(), total: amount }).optional(),
  parentId: id.optional(),
  reasoning: reasoning.optional(),
  ending: ending.optional(),
  council: z.strictObject({ roundId: id, messageId: id, ...councilTally }).optional(),
});

const stamp = { lamport: count, at: time };
const probability = z.strictObject({
  peerId: id,
  p: z.number(),
  raw: z.number(),
  base: z.number(),
  recency: z.number(),
  fairness: z.number(),
  health: z.number(),
  share: z.number(),
  // Adapter profiles (profile §6): absent in events recorded before PeerChat had them, so optional.
  providerWeight: z.number().optional(),
  adapterHealth: z.number().optional(),
  latency: z.number().optional(),
  sources: z
    .strictObject({
      base: z.enum(['user', 'mode']),
      providerWeight: z.enum(['user', 'provider-default', 'not-reported']),
      recency: z.literal('turn-history'),
      fairness: z.literal('turn-history'),
      health: z.literal('turn-history'),
      adapterHealth: z.enum(['adapter-observed', 'not-reported']),
      latency: z.enum(['adapter-observed', 'not-reported']),
    })
    .optional(),
});
const draw = z.strictObject({ peerId: id, p: z.number(), u: z.number(), drawn: z.boolean() });

const event = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('session-started'), seed: z.number().int(), modeId: id, ...stamp }),
  z.strictObject({
    type: z.literal('roles-assigned'),
    roles: z
      .array(z.strictObject({ participantId: id, role: z.enum(['human', 'peer']), enabled: z.boolean() }))
      .max(IMPORT_LIMITS.peers + 1),
    ...stamp,
  }),
  z.strictObject({
    type: z.literal('round-started'),
    roundId: id,
    messageId: id.nullable(),
    trigger: z.enum(['human-message', 'speak-now', 'regenerate']),
    ...stamp,
  }),
  z.strictObject({
    type: z.literal('dap-sampled'),
    roundId: id,
    probabilities: z.array(probability).max(IMPORT_LIMITS.peers),
    draws: z.array(draw).max(IMPORT_LIMITS.peers),
    fallback: z.boolean(),
    ...stamp,
  }),
  z.strictObject({
    type: z.literal('turn-dispatched'),
    roundId: id,
    turnId: id,
    peerId: id,
    reason: turnReason,
    depth: count,
    modeId: id,
    ...stamp,
  }),
  z.strictObject({
    type: z.literal('turn-completed'),
    roundId: id,
    turnId: id,
    peerId: id,
    status: enumOf(COMPLETION_STATUSES),
    messageId: id.optional(),
    errorReason: shortText.optional(),
    tokens: tokens.optional(),
    costUsd: amount.optional(),
    latencyMs: amount,
    ...stamp,
  }),
  z.strictObject({
    type: z.literal('turn-skipped'),
    roundId: id,
    peerId: id,
    reason: enumOf(TURN_SKIP_REASONS),
    askedByMessageId: id.optional(),
    ...stamp,
  }),
  z.strictObject({
    type: z.literal('broadcast-sent'),
    roundId: id,
    messageId: id,
    senderId: id,
    recipients: z.array(id).max(IMPORT_LIMITS.peers),
    ...stamp,
  }),
  z.strictObject({
    type: z.literal('broadcast-received'),
    roundId: id,
    messageId: id,
    peerId: id,
    turnId: id,
    ...stamp,
  }),
  z.strictObject({ type: z.literal('mode-changed'), from: id, to: id, ...stamp }),
  z.strictObject({
    type: z.literal('human-override'),
    action: enumOf(HUMAN_OVERRIDE_ACTIONS),
    peerId: id.optional(),
    messageId: id.optional(),
    detail: longText.optional(),
    ...stamp,
  }),
  z.strictObject({
    type: z.literal('round-ended'),
    roundId: id,
    reason: enumOf(ROUND_END_REASONS),
    turns: count,
    ...stamp,
  }),
  z.strictObject({ type: z.literal('session-completed'), ...stamp }),
  z.strictObject({ type: z.literal('council-tallied'), roundId: id, messageId: id, ...councilTally, ...stamp }),
]);

/** The `conversation` object of a PeerChat JSON file. */
export const snapshotSchema = z.strictObject({
  id,
  title: z.string().max(1_000),
  createdAt: time,
  updatedAt: time,
  room,
  formerPeers: z.array(formerPeer).max(1_000),
  messages: z.array(message).max(IMPORT_LIMITS.messages),
  otherVersions: z.array(message).max(IMPORT_LIMITS.messages).optional(),
  events: z.array(event).max(IMPORT_LIMITS.events),
});

// ---- Compile-time checks: the format and the types must describe the same objects. ----

/**
 * If this line fails to compile, a field was added to (or removed from) the snapshot's types: update the schema
 * above, the fast-check generator in testing/arbitraries.ts and, if old files no longer load, the format version.
 */
const _schemaMatchesSnapshot: Equals<Normalize<z.infer<typeof snapshotSchema>>, Normalize<ConversationSnapshot>> = true;
