/** DAP presets as the Room panel shows them (display only; the arbiter decides). */
import { DAP_PRESETS } from '../../store/index.ts';
import type { DapParams, DapPresetId } from '../../store/index.ts';

export const PRESET_IDS: readonly DapPresetId[] = ['quiet', 'balanced', 'lively'];

export const PRESET_LABEL: Record<DapPresetId, string> = { quiet: 'Quiet', balanced: 'Balanced', lively: 'Lively' };

/** The preset these parameters are exactly, or null for a tuned profile. */
export function presetOf(params: DapParams): DapPresetId | null {
  const keys = Object.keys(params) as (keyof DapParams)[];
  return PRESET_IDS.find((id) => keys.every((key) => DAP_PRESETS[id][key] === params[key])) ?? null;
}
