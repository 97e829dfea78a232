/**
 * The room file of profile §11: who sits at the table and how the table is run. Validated strictly on import
 * (unknown fields refused, one clear message naming the first bad field: see parse.ts, loaded on first
 * import); keys are written only on request.
 */
import { keyForSeat } from '../../core/index.ts';
import type { ModeDefinition, ProviderConfig, ProviderId, RoomData } from '../../core/index.ts';
import type { RoomFile } from './parse.ts';

export const ROOM_FILE_FORMAT = 'peerchat.room';
export const ROOM_FILE_VERSION = 1;

/** Writes a room file. Keys only when asked. */
export function serializeRoom(
  room: RoomData,
  providers: Partial<Record<ProviderId, ProviderConfig>>,
  includeKeys = false,
): string {
  const file: RoomFile = {
    format: ROOM_FILE_FORMAT,
    version: ROOM_FILE_VERSION,
    name: room.name,
    mode: room.modeId,
    limits: room.limits,
    human: { handle: room.human.handle, name: room.human.displayName },
    seed: room.seed,
    peers: room.peers.map((peer) => {
      const key = includeKeys ? keyForSeat(peer, providers[peer.provider] ?? {}) : undefined;
      return {
        handle: peer.handle,
        name: peer.displayName,
        ...(peer.aliases.length > 0 ? { aliases: [...peer.aliases] } : {}),
        provider: peer.provider,
        model: peer.model,
        ...(peer.baseURL ? { baseURL: peer.baseURL } : {}),
        ...(key ? { apiKey: key } : {}),
        ...(peer.settings.temperature !== undefined ? { temperature: peer.settings.temperature } : {}),
        ...(peer.settings.maxOutputTokens !== undefined ? { maxOutputTokens: peer.settings.maxOutputTokens } : {}),
        contextWindow: peer.settings.contextWindow,
        ...(peer.settings.reasoning !== undefined ? { reasoning: { ...peer.settings.reasoning } } : {}),
        ...(peer.persona ? { persona: peer.persona } : {}),
        colour: peer.colour,
        ...(peer.enabled ? {} : { enabled: false }),
        ...(Object.keys(peer.dap).length > 0 ? { dap: { ...peer.dap } } : {}),
      };
    }),
    // Written only when the room has modes of its own, so a room without them writes the file it always did.
    ...(room.customModes.length > 0 ? { modes: room.customModes.map(modeEntry) } : {}),
    ...(room.shareReasoning === true ? { shareReasoning: true } : {}),
    ...(room.councilDefault ? { council: councilEntry(room) } : {}),
  };
  return JSON.stringify(file, null, 2);
}

/** The room's default council as the file holds it: the synthesizer by handle. */
function councilEntry(room: RoomData): NonNullable<RoomFile['council']> {
  const synthesizer = room.peers.find((peer) => peer.id === room.councilDefault?.synthesizerId);
  return { strategy: room.councilDefault!.strategy, ...(synthesizer ? { synthesizer: synthesizer.handle } : {}) };
}

/** A custom mode as the file holds it: what the human fills in (the core's `CustomModeInput`), defaults flattened. */
function modeEntry(mode: ModeDefinition): NonNullable<RoomFile['modes']>[number] {
  const { dapPreset, dap, limits } = mode.defaults;
  return {
    id: mode.id,
    name: mode.name,
    version: mode.version,
    ...(mode.tagline ? { tagline: mode.tagline } : {}),
    promptBlock: mode.promptBlock,
    dapPreset,
    ...(dap ? { dap: { ...dap } } : {}),
    ...(Object.keys(limits).length > 0 ? { limits: { ...limits } } : {}),
  };
}
