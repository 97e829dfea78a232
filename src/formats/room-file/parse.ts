/**
 * Parsing and validating a room file (profile §11) with zod: unknown fields refused, one clear message naming the
 * first bad field. Loaded on first import, so zod stays out of the first page load.
 */
import { z } from 'zod';
import {
  createCustomMode,
  DEFAULT_CONTEXT_WINDOW,
  PEER_COLOURS,
  PROVIDER_IDS,
  validateRoomSettings,
} from '../../core/index.ts';
import type { DapPresetId, ModeDefinition, PeerSeat, ProviderConfig, ProviderId, RoomData } from '../../core/index.ts';
import { ROOM_FILE_FORMAT, ROOM_FILE_VERSION } from './room-file.ts';
import {
  aliasesSchema,
  dapOverridesSchema,
  limitOverridesSchema,
  peersSchema,
  reasoningRequestSchema,
  seatSettingSchemas,
  seatTextSchemas,
} from '../rule-schemas.ts';

// No code generation: the Content-Security-Policy forbids eval, and zod's probe for it would log a violation.
z.config({ jitless: true });

/** Handles and aliases are only capped here; their grammar and uniqueness are the roster's rules (see below). */
const name = z.string().max(200);
const shortText = z.string().max(200);
/** A mode's prompt as written, before the core trims it and holds it to its own limit. */
const MAX_MODE_FILE_CHARS = 20_000;

// Every parameter's bounds and message come from the core's rules (rule-schemas.ts).
const peerSchema = z.strictObject({
  handle: name,
  name: seatTextSchemas.displayName,
  aliases: aliasesSchema(name).optional(),
  provider: z.enum(PROVIDER_IDS as [ProviderId, ...ProviderId[]]),
  model: seatTextSchemas.model,
  baseURL: seatTextSchemas.baseURL.optional(),
  apiKey: z.string().max(512).optional(),
  temperature: seatSettingSchemas.temperature.optional(),
  maxOutputTokens: seatSettingSchemas.maxOutputTokens.optional(),
  contextWindow: seatSettingSchemas.contextWindow.optional(),
  reasoning: reasoningRequestSchema.optional(),
  persona: seatTextSchemas.persona.optional(),
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
  enabled: z.boolean().optional(),
  dap: dapOverridesSchema.optional(),
});

/**
 * One of the room's own modes, field for field what the human fills in (the core's `CustomModeInput`), so the core's
 * rules (`createCustomMode`) judge it and their field is the file's field. Only the types and sizes are checked here.
 */
const modeSchema = z.strictObject({
  id: z.string().max(64),
  name: shortText,
  version: z.string().max(20).optional(),
  tagline: shortText.optional(),
  promptBlock: z.string().max(MAX_MODE_FILE_CHARS),
  dapPreset: z.string().max(20).optional(),
  dap: dapOverridesSchema.optional(),
  limits: limitOverridesSchema.optional(),
});

const roomSchema = z.strictObject({
  format: z.literal(ROOM_FILE_FORMAT),
  version: z.literal(ROOM_FILE_VERSION),
  name: shortText.min(1),
  mode: z.string().min(1).max(64),
  limits: limitOverridesSchema.optional(),
  human: z.strictObject({ handle: name, name: seatTextSchemas.displayName }).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
  peers: peersSchema(peerSchema),
  modes: z.array(modeSchema).max(64).optional(),
  /** "Share reasoning with other peers" (absent: off). */
  shareReasoning: z.boolean().optional(),
  /** The room's default round for new messages (absent: the usual turn-taking); the synthesizer by handle. */
  council: z.strictObject({ strategy: z.enum(['vote', 'council']), synthesizer: name.optional() }).optional(),
});

export type RoomFile = z.infer<typeof roomSchema>;
export type ParsedRoom =
  { ok: true; room: RoomData; keys: Partial<Record<ProviderId, ProviderConfig>> } | { ok: false; message: string };

/** "peers.1.temperature: temperature must be a number in [0, 2]." — the first problem only, in words. */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The room file is not valid.';
  const path = issue.path.map(String).join('.');
  const message = issue.code === 'unrecognized_keys' ? `unknown field "${issue.keys[0]}"` : issue.message;
  return path ? `${path}: ${message}` : message;
}

/** Parses a room file. A bad file gets one clear message naming the first bad field. */
export function parseRoomFile(json: string, seedFallback: number): ParsedRoom {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, message: 'The room file is not valid JSON.' };
  }
  const parsed = roomSchema.safeParse(data);
  if (!parsed.success) return { ok: false, message: `Room file refused — ${firstIssue(parsed.error)}` };
  const file = parsed.data;
  const keys: Partial<Record<ProviderId, ProviderConfig>> = {};
  const peers: PeerSeat[] = file.peers.map((peer, index) => {
    // A key in a room file is bound to that seat's endpoint (see keyForSeat in the core).
    if (peer.apiKey) keys[peer.provider] = { apiKey: peer.apiKey, baseURL: peer.baseURL };
    return {
      kind: 'peer',
      id: `peer-${index + 1}-${peer.handle}`,
      handle: peer.handle,
      aliases: peer.aliases ?? [],
      displayName: peer.name,
      provider: peer.provider,
      model: peer.model,
      ...(peer.baseURL ? { baseURL: peer.baseURL } : {}),
      settings: {
        contextWindow: peer.contextWindow ?? DEFAULT_CONTEXT_WINDOW,
        ...(peer.temperature !== undefined ? { temperature: peer.temperature } : {}),
        ...(peer.maxOutputTokens !== undefined ? { maxOutputTokens: peer.maxOutputTokens } : {}),
        ...(peer.reasoning !== undefined ? { reasoning: peer.reasoning } : {}),
      },
      ...(peer.persona ? { persona: peer.persona } : {}),
      dap: peer.dap ?? {},
      enabled: peer.enabled ?? true,
      colour: peer.colour ?? PEER_COLOURS[index % PEER_COLOURS.length] ?? '#6366f1',
    };
  });
  const modes = customModesOf(file.modes ?? []);
  if (!modes.ok) return { ok: false, message: `Room file refused — ${modes.message}` };
  const human = file.human ?? { handle: 'you', name: 'You' };
  const synthesizer = file.council?.synthesizer;
  const synthesizerSeat = synthesizer === undefined ? undefined : peers.find((peer) => peer.handle === synthesizer);
  if (synthesizer !== undefined && synthesizerSeat === undefined)
    return { ok: false, message: `Room file refused — council.synthesizer: no peer has the handle "${synthesizer}".` };
  const room: RoomData = {
    name: file.name,
    human: { kind: 'human', id: 'human', handle: human.handle, aliases: [], displayName: human.name },
    peers,
    modeId: file.mode,
    customModes: modes.modes,
    limits: file.limits ?? {},
    seed: file.seed ?? seedFallback,
    ...(file.shareReasoning === true ? { shareReasoning: true } : {}),
    ...(file.council
      ? {
          councilDefault: {
            strategy: file.council.strategy,
            ...(synthesizerSeat ? { synthesizerId: synthesizerSeat.id } : {}),
          },
        }
      : {}),
  };
  // The rules a schema cannot check field by field: names (grammar, unique), the mode, DAP pMin <= pMax.
  const issue = validateRoomSettings(room)[0];
  if (issue) return { ok: false, message: `Room file refused — ${roomFilePath(issue.path)}: ${issue.message}` };
  return { ok: true, keys, room };
}

/** The file's modes as the core builds them, or the first problem at its field (`modes.0.promptBlock: …`). */
function customModesOf(
  modes: readonly z.infer<typeof modeSchema>[],
): { ok: true; modes: ModeDefinition[] } | { ok: false; message: string } {
  const built: ModeDefinition[] = [];
  for (const [index, mode] of modes.entries()) {
    // The schema takes any text as the preset, so that an unknown one gets the core's message.
    const checked = createCustomMode({ ...mode, dapPreset: mode.dapPreset as DapPresetId | undefined });
    if (!checked.ok) {
      const [issue] = checked.issues;
      return { ok: false, message: `modes.${index}.${issue?.field}: ${issue?.message}` };
    }
    built.push(checked.mode);
  }
  return { ok: true, modes: built };
}

/** A path of the core's rules (`peers[0].settings.temperature`) as the room file spells it (`peers.0.temperature`). */
function roomFilePath(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\.settings\./, '.')
    .replace(/\.displayName$/, '.name')
    .replace(/^modeId$/, 'mode')
    .replace(/^customModes\.(\d+)\.(?:defaults\.)?/, 'modes.$1.');
}
