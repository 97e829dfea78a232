/**
 * Opening a stored room that breaks the rules (stored before a rule was tightened, or damaged): every numeric
 * setting the rules refuse goes back to its default, and each reset is reported with the rule it broke, so the
 * conversation opens, says what changed, and its arbiter never meets a value it refuses.
 *
 * Only numbers are reset: DAP settings, limits, seat settings, a mode's defaults (and an unknown mode id goes back
 * to the default mode). Names, texts and ids are left as they are; `validateRoomSettings` still reports them.
 */
import { DAP_ORDER_MESSAGE, DAP_PRESETS, validateDapAdjustment } from '../dap/params.ts';
import type { DapOverrides, DapParams } from '../dap/params.ts';
import type { PeerParticipant, PeerSettings } from '../domain/participants.ts';
import { DEFAULT_CONTEXT_WINDOW, validateSeatSettings } from '../domain/seat-rules.ts';
import { validateLimitOverrides } from '../governance/limits.ts';
import type { LimitOverrides } from '../governance/limits.ts';
import { DEFAULT_MODE_ID } from '../modes/builtin.ts';
import type { ModeDefinition } from '../modes/mode.ts';
import { modeDapParams, modeInForce } from './room-settings.ts';
import type { RoomSettings, RuleIssue } from './room-settings.ts';

/** A room with its refused numbers reset, and what was reset (path and the rule's message). */
export interface RepairedRoom<P extends PeerParticipant> {
  peers: P[];
  modeId: string;
  customModes: ModeDefinition[];
  limits: LimitOverrides;
  resets: RuleIssue[];
}

/** Resets every refused number of the room to its default; a room that follows the rules comes back unchanged. */
export function repairRoomSettings<P extends PeerParticipant>(room: RoomSettings<P>): RepairedRoom<P> {
  const resets: RuleIssue[] = [];
  const customModes = room.customModes.map((mode, index) => repairMode(mode, `customModes[${index}]`, resets));
  const modeId = modeInForce({ modeId: room.modeId, customModes }) ? room.modeId : DEFAULT_MODE_ID;
  if (modeId !== room.modeId) resets.push({ path: 'modeId', message: `unknown mode "${room.modeId}".` });
  const underSeats = modeDapParams(modeInForce({ modeId, customModes }));
  const peers = room.peers.map((peer, index) => {
    const at = `peers[${index}]`;
    const dap = repairDap(underSeats, peer.dap, `${at}.dap`, resets);
    const settings = repairSettings(peer.settings, at, resets);
    return dap === peer.dap && settings === peer.settings ? peer : { ...peer, dap, settings };
  });
  const limits = repairLimits(room.limits, 'limits', resets);
  return { peers, modeId, customModes, limits, resets };
}

function repairMode(mode: ModeDefinition, at: string, resets: RuleIssue[]): ModeDefinition {
  let defaults = mode.defaults;
  if (!Object.hasOwn(DAP_PRESETS, defaults.dapPreset)) {
    resets.push({ path: `${at}.defaults.dapPreset`, message: 'unknown DAP preset.' });
    defaults = { ...defaults, dapPreset: 'balanced' };
  }
  const dap = defaults.dap && repairDap(DAP_PRESETS[defaults.dapPreset], defaults.dap, `${at}.defaults.dap`, resets);
  const limits = repairLimits(defaults.limits, `${at}.defaults.limits`, resets);
  if (dap !== defaults.dap || limits !== defaults.limits) defaults = { ...defaults, limits, ...(dap ? { dap } : {}) };
  return defaults === mode.defaults ? mode : { ...mode, defaults };
}

/** Drops the refused fields; when pMin and pMax then end up the wrong way round, drops both (the mode's win). */
function repairDap(under: Readonly<DapParams>, dap: DapOverrides, at: string, resets: RuleIssue[]): DapOverrides {
  let repaired = dap;
  for (;;) {
    const issues = validateDapAdjustment(under, repaired);
    if (issues.length === 0) return repaired;
    const dropped = new Set<string>(issues.map((issue) => issue.field));
    if (issues.some((issue) => issue.message === DAP_ORDER_MESSAGE)) dropped.add('pMin').add('pMax');
    for (const issue of issues) resets.push({ path: `${at}.${issue.field}`, message: issue.message });
    const kept: DapOverrides = Object.fromEntries(Object.entries(repaired).filter(([field]) => !dropped.has(field)));
    // Nothing left to drop: the parameters underneath are at fault, and they are repaired on their own.
    if (Object.keys(kept).length === Object.keys(repaired).length) return kept;
    repaired = kept;
  }
}

function repairLimits(limits: LimitOverrides, at: string, resets: RuleIssue[]): LimitOverrides {
  const issues = validateLimitOverrides(limits);
  if (issues.length === 0) return limits;
  for (const issue of issues) resets.push({ path: `${at}.${issue.field}`, message: issue.message });
  const refused = new Set<string>(issues.map((issue) => issue.field));
  return Object.fromEntries(Object.entries(limits).filter(([field]) => !refused.has(field)));
}

/** Drops a refused temperature or output cap (the provider's default applies); a refused window gets the default. */
function repairSettings(settings: PeerSettings, at: string, resets: RuleIssue[]): PeerSettings {
  const issues = validateSeatSettings(settings);
  if (issues.length === 0) return settings;
  const repaired: PeerSettings = { ...settings };
  for (const issue of issues) {
    resets.push({ path: `${at}.${issue.field}`, message: issue.message });
    if (issue.field === 'settings.contextWindow') repaired.contextWindow = DEFAULT_CONTEXT_WINDOW;
    else if (issue.field === 'settings.temperature') delete repaired.temperature;
    else if (issue.field === 'settings.maxOutputTokens') delete repaired.maxOutputTokens;
    // A refused reasoning option falls back to the provider's default.
    else if (issue.field.startsWith('settings.reasoning')) delete repaired.reasoning;
  }
  return repaired;
}
