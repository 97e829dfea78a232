/**
 * User-defined modes (profile §7): validated before use so a bad mode never reaches a system prompt or the arbiter.
 */
import { DAP_PRESETS, DEFAULT_DAP_PARAMS, resolveDapParams, validateDapParams } from '../dap/params.ts';
import type { DapOverrides, DapPresetId } from '../dap/params.ts';
import type { LimitOverrides } from '../governance/limits.ts';
import { validateLimitOverrides } from '../governance/limits.ts';
import { BUILT_IN_MODES } from './builtin.ts';
import type { ModeDefinition } from './mode.ts';

/** What the user fills in to create a mode. */
export interface CustomModeInput {
  id: string;
  name: string;
  version?: string;
  tagline?: string;
  promptBlock: string;
  dapPreset?: DapPresetId;
  dap?: DapOverrides;
  limits?: LimitOverrides;
}

/** A problem with one field of a custom mode. */
export interface ModeIssue {
  field: string;
  message: string;
}

export type CustomModeResult = { ok: true; mode: ModeDefinition } | { ok: false; issues: ModeIssue[] };

export const MAX_MODE_PROMPT_CHARS = 8000;
/** As long as any short text of the file formats, so a mode the human defines is one their files carry. */
export const MAX_MODE_TAGLINE_CHARS = 200;
const MODE_ID = /^[a-z][a-z0-9-]{1,39}$/;
const VERSION = /^\d+(\.\d+){0,2}$/;

/** Validates a user-defined mode and returns it ready to use, or every problem found. */
export function createCustomMode(input: CustomModeInput): CustomModeResult {
  const issues: ModeIssue[] = [];
  if (!MODE_ID.test(input.id)) {
    issues.push({ field: 'id', message: 'id must be 2-40 lowercase letters, digits or "-", starting with a letter' });
  } else if (BUILT_IN_MODES.some((mode) => mode.id === input.id)) {
    issues.push({ field: 'id', message: `"${input.id}" is a built-in mode` });
  }
  const name = input.name.trim();
  if (name.length === 0 || name.length > 60) issues.push({ field: 'name', message: 'name must be 1-60 characters' });
  const version = input.version?.trim() || '1.0';
  if (!VERSION.test(version)) issues.push({ field: 'version', message: 'version must look like 1, 1.0 or 1.0.2' });
  const tagline = input.tagline?.trim() ?? '';
  if (tagline.length > MAX_MODE_TAGLINE_CHARS) {
    issues.push({ field: 'tagline', message: `tagline must be at most ${MAX_MODE_TAGLINE_CHARS} characters` });
  }
  const promptBlock = input.promptBlock.trim();
  if (promptBlock.length === 0) issues.push({ field: 'promptBlock', message: 'promptBlock must not be empty' });
  if (promptBlock.length > MAX_MODE_PROMPT_CHARS) {
    issues.push({ field: 'promptBlock', message: `promptBlock must be at most ${MAX_MODE_PROMPT_CHARS} characters` });
  }
  const dapPreset = input.dapPreset ?? 'balanced';
  if (!Object.hasOwn(DAP_PRESETS, dapPreset)) issues.push({ field: 'dapPreset', message: 'unknown DAP preset' });
  const preset = DAP_PRESETS[dapPreset] ?? DEFAULT_DAP_PARAMS;
  for (const issue of validateDapParams(resolveDapParams(preset, input.dap))) {
    issues.push({ field: `dap.${issue.field}`, message: issue.message });
  }
  for (const issue of validateLimitOverrides(input.limits ?? {})) {
    issues.push({ field: `limits.${issue.field}`, message: issue.message });
  }
  if (issues.length > 0) return { ok: false, issues };
  const defaults = { dapPreset, limits: { ...input.limits }, ...(input.dap ? { dap: { ...input.dap } } : {}) };
  return {
    ok: true,
    mode: { id: input.id, name, version, tagline, promptBlock, defaults, builtIn: false },
  };
}
