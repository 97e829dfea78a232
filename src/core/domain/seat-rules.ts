/**
 * The rules of one seat at the table, apart from its names (the mention grammar, in roster.ts): its generation
 * settings, its texts and its endpoint. Written once here; the forms, the store and both file formats use them.
 */
import { followsNumberRule, numberRuleMessage } from '../rules/number-rule.ts';
import type { NumberRule } from '../rules/number-rule.ts';
import type { PeerSettings } from './participants.ts';
import { REASONING_EFFORTS } from './reasoning.ts';

/** The settings that are one number each. */
type NumericSetting = Exclude<keyof PeerSettings, 'reasoning'>;

/**
 * Generation settings. temperature covers every provider's range (Anthropic's 0–1 is capped by its adapter);
 * contextWindow starts at 256 tokens, less than a system prompt needs, and stops at 10 million.
 */
export const SEAT_SETTING_RULES: Readonly<Record<NumericSetting, NumberRule>> = Object.freeze({
  temperature: { field: 'temperature', whole: false, min: 0, max: 2 },
  maxOutputTokens: { field: 'maxOutputTokens', whole: true, min: 1, max: 1_000_000 },
  contextWindow: { field: 'contextWindow', whole: true, min: 256, max: 10_000_000 },
});

/** A reasoning budget in tokens: -1 (Gemini: dynamic), 0 (Gemini: off), or a token count. */
export const REASONING_BUDGET_RULE: NumberRule = Object.freeze({
  field: 'reasoning.budgetTokens',
  whole: true,
  min: -1,
  max: 1_000_000,
});

/** The context window a seat gets when none is given, or when a stored one is out of bounds. */
export const DEFAULT_CONTEXT_WINDOW = 128_000;

/** A text field of a seat: how long it may be, and whether it must say something. */
export interface TextRule {
  /** How messages name the field ("display name"). */
  readonly label: string;
  /** Needs a character other than white space. */
  readonly required: boolean;
  /** Longest value, in UTF-16 code units (what `String.length` and the file schemas count). */
  readonly max: number;
}

export const SEAT_TEXT_RULES = Object.freeze({
  displayName: { label: 'display name', required: true, max: 200 },
  model: { label: 'model', required: true, max: 200 },
  persona: { label: 'persona', required: false, max: 20_000 },
} satisfies Record<string, TextRule>);

/** Aliases one participant may have. */
export const MAX_ALIASES = 8;
/** Peers one room may seat. */
export const MAX_PEERS = 32;
/** Longest base URL. */
export const MAX_BASE_URL = 2048;

export const ALIASES_MESSAGE = `aliases: at most ${MAX_ALIASES} per participant.`;
export const PEERS_MESSAGE = `a room seats at most ${MAX_PEERS} peers.`;
export const BASE_URL_MESSAGE = `baseURL must be an http:// or https:// address of at most ${MAX_BASE_URL} characters.`;

export function followsTextRule(rule: TextRule, value: unknown): boolean {
  if (typeof value !== 'string' || value.length > rule.max) return false;
  return !rule.required || value.trim() !== '';
}

export function textRuleMessage(rule: TextRule): string {
  return rule.required
    ? `${rule.label} must not be blank, and at most ${rule.max} characters.`
    : `${rule.label} must be at most ${rule.max} characters.`;
}

/** True for an absolute http(s) address such as `http://localhost:11434/v1`. */
export function isHttpAddress(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > MAX_BASE_URL) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A problem with one field of a seat, named by its path inside the seat (`settings.temperature`). */
export interface SeatIssue {
  field: string;
  message: string;
}

/** Checks the generation settings present (contextWindow is always required). */
export function validateSeatSettings(settings: PeerSettings): SeatIssue[] {
  const issues: SeatIssue[] = [];
  for (const field of Object.keys(SEAT_SETTING_RULES) as NumericSetting[]) {
    const value = settings[field];
    const rule = SEAT_SETTING_RULES[field];
    if ((value !== undefined || field === 'contextWindow') && !followsNumberRule(rule, value))
      issues.push({ field: `settings.${field}`, message: numberRuleMessage(rule) });
  }
  const reasoning = settings.reasoning;
  if (reasoning?.budgetTokens !== undefined && !followsNumberRule(REASONING_BUDGET_RULE, reasoning.budgetTokens))
    issues.push({ field: 'settings.reasoning.budgetTokens', message: numberRuleMessage(REASONING_BUDGET_RULE) });
  if (reasoning?.effort !== undefined && !REASONING_EFFORTS.includes(reasoning.effort))
    issues.push({
      field: 'settings.reasoning.effort',
      message: `reasoning effort must be one of ${REASONING_EFFORTS.join(', ')}.`,
    });
  return issues;
}

/** Checks a seat's texts and endpoint (the fields present; display name and model are required). */
export function validateSeatTexts(seat: {
  displayName: string;
  model?: string;
  persona?: string;
  baseURL?: string;
}): SeatIssue[] {
  const issues: SeatIssue[] = [];
  for (const field of ['displayName', 'model', 'persona'] as const) {
    const value = seat[field];
    if (value === undefined && field !== 'displayName') continue;
    const rule = SEAT_TEXT_RULES[field];
    if (!followsTextRule(rule, value)) issues.push({ field, message: textRuleMessage(rule) });
  }
  if (seat.baseURL !== undefined && !isHttpAddress(seat.baseURL))
    issues.push({ field: 'baseURL', message: BASE_URL_MESSAGE });
  return issues;
}
