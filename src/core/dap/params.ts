/**
 * Dynamic Adapter Profile parameters (profile §6), their defaults, presets and validation.
 * A preset is only a parameter set; a seat's effective parameters are preset + per-seat overrides.
 */
import { followsNumberRule, numberRuleMessage } from '../rules/number-rule.ts';
import type { NumberRule } from '../rules/number-rule.ts';

/** The full parameter set of one peer's profile. */
export interface DapParams {
  /** Base willingness to speak. */
  base: number;
  /** Lower clamp of p_i; must be > 0 so DAP never silences a peer (only the human mutes). */
  pMin: number;
  /** Upper clamp of p_i, <= 1. */
  pMax: number;
  /** How many of the latest turns count as "just spoke". */
  cooldown: number;
  /** Factor applied to p_i when the peer spoke within `cooldown` turns. */
  cooldownFactor: number;
  /** How strongly a share above 1/N lowers p_i. */
  dominancePenalty: number;
  /** Factor applied once per consecutive error. */
  errorBackoff: number;
}

/** Per-seat overrides, e.g. from a room file `dap` block. */
export type DapOverrides = Partial<DapParams>;

/** The defaults of profile §6. */
export const DEFAULT_DAP_PARAMS: Readonly<DapParams> = Object.freeze({
  base: 1.0,
  pMin: 0.15,
  pMax: 1.0,
  cooldown: 1,
  cooldownFactor: 0.5,
  dominancePenalty: 1.5,
  errorBackoff: 0.5,
});

export type DapPresetId = 'quiet' | 'balanced' | 'lively';

/** Named parameter sets. `balanced` is exactly the profile defaults. */
export const DAP_PRESETS: Readonly<Record<DapPresetId, Readonly<DapParams>>> = Object.freeze({
  quiet: Object.freeze({
    base: 0.45,
    pMin: 0.15,
    pMax: 0.85,
    cooldown: 2,
    cooldownFactor: 0.4,
    dominancePenalty: 2.0,
    errorBackoff: 0.5,
  }),
  balanced: DEFAULT_DAP_PARAMS,
  lively: Object.freeze({
    base: 1.0,
    pMin: 0.3,
    pMax: 1.0,
    cooldown: 1,
    cooldownFactor: 0.75,
    dominancePenalty: 1.0,
    errorBackoff: 0.6,
  }),
});

/** Merges a preset with per-seat overrides (undefined fields keep the preset's value). */
export function resolveDapParams(preset: Readonly<DapParams>, overrides: DapOverrides = {}): DapParams {
  const resolved: DapParams = { ...preset };
  for (const key of Object.keys(overrides) as (keyof DapParams)[]) {
    const value = overrides[key];
    if (value !== undefined) resolved[key] = value;
  }
  return resolved;
}

/**
 * The bounds of every parameter (see docs/core-api.md, "The room's rules"). `base` is capped at 10, ten times the
 * default: a larger boost only means "always at pMax". `cooldown` is capped at 64, the turns the arbiter remembers.
 */
export const DAP_PARAM_RULES: Readonly<Record<keyof DapParams, NumberRule>> = Object.freeze({
  base: { field: 'base', whole: false, min: 0, max: 10 },
  pMin: {
    field: 'pMin',
    whole: false,
    min: 0,
    aboveMin: true,
    max: 1,
    why: 'DAP never silences a peer; only the human mutes',
  },
  pMax: { field: 'pMax', whole: false, min: 0, aboveMin: true, max: 1 },
  cooldown: { field: 'cooldown', whole: true, min: 0, max: 64 },
  cooldownFactor: { field: 'cooldownFactor', whole: false, min: 0, max: 1 },
  dominancePenalty: { field: 'dominancePenalty', whole: false, min: 0, max: 10 },
  errorBackoff: { field: 'errorBackoff', whole: false, min: 0, max: 1 },
});

export const DAP_PARAM_FIELDS = Object.keys(DAP_PARAM_RULES) as readonly (keyof DapParams)[];

/** The rule across two fields: the clamp's floor may not be above its ceiling. */
export const DAP_ORDER_MESSAGE = 'pMax must be at least pMin.';

/** A problem with a parameter set, naming the field. */
export interface DapParamIssue {
  field: keyof DapParams;
  message: string;
}

/** Checks the fields present in `overrides` against their bounds (not pMin <= pMax, which needs the rest). */
export function validateDapOverrides(overrides: DapOverrides): DapParamIssue[] {
  const issues: DapParamIssue[] = [];
  for (const field of DAP_PARAM_FIELDS) {
    const value = overrides[field];
    const rule = DAP_PARAM_RULES[field];
    if (value !== undefined && !followsNumberRule(rule, value))
      issues.push({ field, message: numberRuleMessage(rule) });
  }
  return issues;
}

/** Checks a whole parameter set: every field in bounds and 0 < pMin <= pMax <= 1. */
export function validateDapParams(params: DapParams): DapParamIssue[] {
  const issues = validateDapOverrides(params);
  const ordered = issues.length > 0 || !(params.pMin > params.pMax);
  return ordered ? issues : [{ field: 'pMax', message: DAP_ORDER_MESSAGE }];
}

/**
 * Checks a seat's (or a mode's) own settings on top of the parameters they adjust: their fields, then the
 * parameters that result. A broken order is reported on the field the settings set (pMax when they set both or
 * neither), so a file's path points at the value to change.
 */
export function validateDapAdjustment(under: Readonly<DapParams>, overrides: DapOverrides): DapParamIssue[] {
  const issues = validateDapOverrides(overrides);
  if (issues.length > 0) return issues;
  const resolved = resolveDapParams(under, overrides);
  if (!(resolved.pMin > resolved.pMax)) return [];
  const field = overrides.pMin !== undefined && overrides.pMax === undefined ? 'pMin' : 'pMax';
  return [{ field, message: DAP_ORDER_MESSAGE }];
}
