/**
 * The room's rules in one call: who sits at the table (roster and seat rules), the room's own modes, the human's
 * limits, and every seat's DAP settings on top of the mode in force. Every way a room changes or comes in (the
 * store's actions, a room file, a conversation file, opening a stored conversation) asks this function.
 */
import { DAP_PRESETS, DEFAULT_DAP_PARAMS, resolveDapParams, validateDapAdjustment } from '../dap/params.ts';
import type { DapParams } from '../dap/params.ts';
import type { HumanParticipant, PeerParticipant } from '../domain/participants.ts';
import { validateRoster } from '../domain/roster.ts';
import { validateLimitOverrides } from '../governance/limits.ts';
import type { LimitOverrides } from '../governance/limits.ts';
import { BUILT_IN_MODES } from '../modes/builtin.ts';
import type { ModeDefinition } from '../modes/mode.ts';

/** What the rules look at in a room (the store's room data has these fields, and more). */
export interface RoomSettings<P extends PeerParticipant = PeerParticipant> {
  human: HumanParticipant;
  peers: readonly P[];
  modeId: string;
  /** The room's own modes; the built-in ones are always there. */
  customModes: readonly ModeDefinition[];
  /** The human's limit settings. */
  limits: LimitOverrides;
}

/** A broken rule, at a path such as `peers[0].dap.pMin`; the message is the field's one message. */
export interface RuleIssue {
  path: string;
  message: string;
}

/** Every broken rule of the room (empty when it follows them all). */
export function validateRoomSettings(room: RoomSettings): RuleIssue[] {
  const inForce = modeInForce(room);
  return [
    ...validateRoster(room),
    ...customModeIssues(room.customModes),
    ...(inForce ? [] : [{ path: 'modeId', message: `unknown mode "${room.modeId}".` }]),
    ...validateLimitOverrides(room.limits).map((issue) => ({ path: `limits.${issue.field}`, message: issue.message })),
    ...room.peers.flatMap((peer, index) =>
      validateDapAdjustment(modeDapParams(inForce), peer.dap).map((issue) => ({
        path: `peers[${index}].dap.${issue.field}`,
        message: issue.message,
      })),
    ),
  ];
}

/** The mode a room runs in, or undefined when its id names no mode of the room. */
export function modeInForce(room: Pick<RoomSettings, 'modeId' | 'customModes'>): ModeDefinition | undefined {
  return [...BUILT_IN_MODES, ...room.customModes].find((mode) => mode.id === room.modeId);
}

/** The DAP parameters a mode gives every seat before the seat's own settings (the default mode's when unknown). */
export function modeDapParams(mode: Pick<ModeDefinition, 'defaults'> | undefined): DapParams {
  if (mode === undefined) return { ...DEFAULT_DAP_PARAMS };
  const preset = DAP_PRESETS[mode.defaults.dapPreset] ?? DEFAULT_DAP_PARAMS;
  return resolveDapParams(preset, mode.defaults.dap);
}

function customModeIssues(modes: readonly ModeDefinition[]): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const ids = new Set(BUILT_IN_MODES.map((mode) => mode.id));
  modes.forEach((mode, index) => {
    const at = `customModes[${index}]`;
    if (ids.has(mode.id)) issues.push({ path: `${at}.id`, message: `mode id "${mode.id}" is already used.` });
    ids.add(mode.id);
    const preset = DAP_PRESETS[mode.defaults.dapPreset];
    if (!Object.hasOwn(DAP_PRESETS, mode.defaults.dapPreset) || preset === undefined) {
      issues.push({ path: `${at}.defaults.dapPreset`, message: 'unknown DAP preset.' });
    } else {
      for (const issue of validateDapAdjustment(preset, mode.defaults.dap ?? {}))
        issues.push({ path: `${at}.defaults.dap.${issue.field}`, message: issue.message });
    }
    for (const issue of validateLimitOverrides(mode.defaults.limits))
      issues.push({ path: `${at}.defaults.limits.${issue.field}`, message: issue.message });
  });
  return issues;
}
