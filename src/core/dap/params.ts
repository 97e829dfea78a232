/**
 * Dynamic Adapter Profile parameters (profile §6), their defaults, presets and validation.
 * A preset is only a parameter set; a seat's effective parameters are preset + per-seat overrides.
 */

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

/** A problem with a parameter set, naming the field. */
export interface DapParamIssue {
  field: keyof DapParams;
  message: string;
}

/** Checks the invariants of a parameter set: 0 < pMin <= pMax <= 1, finite non-negative factors. */
export function validateDapParams(params: DapParams): DapParamIssue[] {
  const issues: DapParamIssue[] = [];
  const finite = (field: keyof DapParams): boolean => {
    if (Number.isFinite(params[field])) return true;
    issues.push({ field, message: `${field} must be a finite number` });
    return false;
  };
  if (finite('base') && params.base < 0) issues.push({ field: 'base', message: 'base must be >= 0' });
  if (finite('pMin') && (params.pMin <= 0 || params.pMin > 1)) {
    issues.push({ field: 'pMin', message: 'pMin must be in (0, 1]: DAP never silences a peer, only the human mutes' });
  }
  if (finite('pMax') && (params.pMax <= 0 || params.pMax > 1)) {
    issues.push({ field: 'pMax', message: 'pMax must be in (0, 1]' });
  }
  if (Number.isFinite(params.pMin) && Number.isFinite(params.pMax) && params.pMin > params.pMax) {
    issues.push({ field: 'pMax', message: 'pMax must be >= pMin' });
  }
  if (finite('cooldown') && (params.cooldown < 0 || !Number.isInteger(params.cooldown))) {
    issues.push({ field: 'cooldown', message: 'cooldown must be a whole number >= 0' });
  }
  if (finite('cooldownFactor') && (params.cooldownFactor < 0 || params.cooldownFactor > 1)) {
    issues.push({ field: 'cooldownFactor', message: 'cooldownFactor must be in [0, 1]' });
  }
  if (finite('dominancePenalty') && params.dominancePenalty < 0) {
    issues.push({ field: 'dominancePenalty', message: 'dominancePenalty must be >= 0' });
  }
  if (finite('errorBackoff') && (params.errorBackoff < 0 || params.errorBackoff > 1)) {
    issues.push({ field: 'errorBackoff', message: 'errorBackoff must be in [0, 1]' });
  }
  return issues;
}
