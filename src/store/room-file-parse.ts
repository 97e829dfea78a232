/**
 * Parsing and validating a room file (profile §11) with zod: unknown fields refused, one clear message naming the
 * first bad field. Loaded on first import, so zod stays out of the first page load.
 */
import { z } from 'zod';
import { PROVIDER_IDS, isReservedName, isValidHandleSyntax } from '../core/index.ts';
import type { ProviderId } from '../core/index.ts';
import { PEER_COLOURS } from './colours.ts';
import { ROOM_FILE_FORMAT, ROOM_FILE_VERSION } from './room-file.ts';
import type { PeerSeat, ProviderConfig, RoomData } from './types.ts';

// No code generation: the Content-Security-Policy forbids eval, and zod's probe for it would log a violation.
z.config({ jitless: true });

const MAX_TEXT = 20_000;

const handle = z
  .string()
  .max(32)
  .refine(
    (value) => isValidHandleSyntax(value) && value === value.toLowerCase(),
    'must be a lowercase handle such as "claude"',
  );
const shortText = z.string().max(200);

const dapSchema = z
  .strictObject({
    base: z.number().gt(0).max(1),
    pMin: z.number().gt(0).max(1),
    pMax: z.number().gt(0).max(1),
    cooldown: z.number().int().min(0).max(100),
    cooldownFactor: z.number().gt(0).max(1),
    dominancePenalty: z.number().min(0).max(10),
    errorBackoff: z.number().gt(0).max(1),
  })
  .partial();

const peerSchema = z.strictObject({
  handle: handle.refine((value) => !isReservedName(value), 'is reserved (all, everyone, you, human)'),
  name: shortText.min(1),
  aliases: z.array(handle).max(8).optional(),
  provider: z.enum(PROVIDER_IDS as [ProviderId, ...ProviderId[]]),
  model: shortText.min(1),
  baseURL: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional(),
  apiKey: z.string().max(512).optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxOutputTokens: z.number().int().min(1).max(1_000_000).optional(),
  contextWindow: z.number().int().min(256).max(10_000_000).optional(),
  persona: z.string().max(MAX_TEXT).optional(),
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
  enabled: z.boolean().optional(),
  dap: dapSchema.optional(),
});

const roomSchema = z.strictObject({
  format: z.literal(ROOM_FILE_FORMAT),
  version: z.literal(ROOM_FILE_VERSION),
  name: shortText.min(1),
  mode: z.string().min(1).max(64),
  limits: z
    .strictObject({
      maxTurnsPerRound: z.number().int().min(1).max(100),
      maxDepth: z.number().int().min(0).max(20),
      pingPong: z.number().int().min(1).max(20),
      parallelFirstWave: z.boolean(),
      tokenBudget: z.number().int().min(1).nullable(),
      costBudgetUsd: z.number().positive().nullable(),
      abortInFlightOnHumanMessage: z.boolean(),
    })
    .partial()
    .optional(),
  human: z.strictObject({ handle, name: shortText.min(1) }).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
  peers: z.array(peerSchema).min(1).max(32),
});

export type RoomFile = z.infer<typeof roomSchema>;
export type ParsedRoom =
  { ok: true; room: RoomData; keys: Partial<Record<ProviderId, ProviderConfig>> } | { ok: false; message: string };

const DEFAULT_CONTEXT_WINDOW = 128_000;

/** "peers.1.handle: must be a lowercase handle…" — the first problem only, in words. */
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
  const handles = new Set<string>();
  for (const [index, peer] of file.peers.entries()) {
    for (const name of [peer.handle, ...(peer.aliases ?? [])]) {
      if (handles.has(name) || name === (file.human?.handle ?? 'you')) {
        return { ok: false, message: `Room file refused — peers.${index}.handle: "${name}" is used twice` };
      }
      handles.add(name);
    }
  }
  const keys: Partial<Record<ProviderId, ProviderConfig>> = {};
  const peers: PeerSeat[] = file.peers.map((peer, index) => {
    // A key in a room file is bound to that seat's endpoint (see key-binding.ts).
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
      },
      ...(peer.persona ? { persona: peer.persona } : {}),
      dap: peer.dap ?? {},
      enabled: peer.enabled ?? true,
      colour: peer.colour ?? PEER_COLOURS[index % PEER_COLOURS.length] ?? '#6366f1',
    };
  });
  const human = file.human ?? { handle: 'you', name: 'You' };
  return {
    ok: true,
    keys,
    room: {
      name: file.name,
      human: { kind: 'human', id: 'human', handle: human.handle, aliases: [], displayName: human.name },
      peers,
      modeId: file.mode,
      customModes: [],
      limits: file.limits ?? {},
      seed: file.seed ?? seedFallback,
    },
  };
}
