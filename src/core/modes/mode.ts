/**
 * Conversation modes (profile §7): a prompt block carried into every peer's system prompt and the
 * arbitration defaults the mode brings. Modes are switched only by the human.
 */
import type { DapOverrides, DapPresetId } from '../dap/params.ts';
import type { LimitOverrides } from '../governance/limits.ts';

/** Arbitration defaults a mode sets (the human's own settings still win). */
export interface ModeDefaults {
  /** The DAP preset every seat starts from in this mode. */
  dapPreset: DapPresetId;
  /** Adjustments on top of the preset, for every seat. */
  dap?: DapOverrides;
  limits: LimitOverrides;
}

/** A built-in or user-defined mode. */
export interface ModeDefinition {
  /** `collaborative`, `adversarial`, or a user-defined id. */
  id: string;
  name: string;
  version: string;
  /** The one-line motto, e.g. "What am I missing?". */
  tagline: string;
  /** Instructions for the peers; the heading naming mode and version is added by `renderModeBlock`. */
  promptBlock: string;
  defaults: ModeDefaults;
  builtIn: boolean;
}

/** The block carried into every system prompt: a heading that names the mode and version, then its rules. */
export function renderModeBlock(mode: ModeDefinition): string {
  const tagline = mode.tagline.trim() === '' ? '' : ` — "${mode.tagline.trim()}"`;
  return `Mode: ${mode.name} v${mode.version}${tagline}\n${mode.promptBlock.trim()}`;
}
