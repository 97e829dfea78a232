/** A seat's DAP parameters and context fill as shown in the Room panel (display only; the arbiter decides). */
import { DAP_PRESETS, resolveDapParams } from '../../core/index.ts';
import type { DapParams, DapPresetId, ModeDefinition } from '../../core/index.ts';
import type { PeerSeat } from '../../store/index.ts';

export const PRESET_IDS: readonly DapPresetId[] = ['quiet', 'balanced', 'lively'];

export const PRESET_LABEL: Record<DapPresetId, string> = { quiet: 'Quiet', balanced: 'Balanced', lively: 'Lively' };

/** The seat's parameters in force: the mode's preset, the mode's adjustments, then the seat's own. */
export function seatDapParams(peer: Pick<PeerSeat, 'dap'>, mode: ModeDefinition | undefined): DapParams {
  const preset = DAP_PRESETS[mode?.defaults.dapPreset ?? 'balanced'];
  return resolveDapParams(resolveDapParams(preset, mode?.defaults.dap), peer.dap);
}

/** The preset these parameters are exactly, or null for a tuned profile. */
export function presetOf(params: DapParams): DapPresetId | null {
  const keys = Object.keys(params) as (keyof DapParams)[];
  return PRESET_IDS.find((id) => keys.every((key) => DAP_PRESETS[id][key] === params[key])) ?? null;
}
