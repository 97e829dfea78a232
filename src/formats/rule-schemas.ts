/**
 * The zod schemas of the room's parameters, built from the core's rules (src/core/rules, the DAP, limit and seat
 * tables): a file field is refused exactly when the core refuses its value, with the core's message. Shared by
 * the room file (room-file/parse.ts) and PeerChat JSON (conversation/snapshot-schema.ts); like them, loaded on first use.
 */
import { z } from 'zod';
import {
  ALIASES_MESSAGE,
  BASE_URL_MESSAGE,
  DAP_PARAM_RULES,
  LIMIT_RULES,
  MAX_ALIASES,
  MAX_PEERS,
  PEERS_MESSAGE,
  REASONING_BUDGET_RULE,
  REASONING_EFFORTS,
  SEAT_SETTING_RULES,
  SEAT_TEXT_RULES,
  followsNumberRule,
  followsTextRule,
  isHttpAddress,
  numberRuleMessage,
  textRuleMessage,
} from '../core/index.ts';
import type { NumberRule, TextRule } from '../core/index.ts';

// No code generation: the Content-Security-Policy forbids eval, and zod's probe for it would log a violation.
z.config({ jitless: true });

/** A number the rule accepts; anything else gets the rule's message. */
export function numberByRule(rule: NumberRule) {
  return z.number().refine((value) => followsNumberRule(rule, value), { message: numberRuleMessage(rule) });
}

/** A number the rule accepts, or null (the rule must give null a meaning). */
export function nullableNumberByRule(rule: NumberRule) {
  return z
    .number()
    .nullable()
    .refine((value) => followsNumberRule(rule, value), { message: numberRuleMessage(rule) });
}

/** A text the rule accepts (length, and not blank where it must say something). */
export function textByRule(rule: TextRule) {
  return z.string().refine((value) => followsTextRule(rule, value), { message: textRuleMessage(rule) });
}

/** One schema per field of a table of rules, keyed like the table. */
function numbersByRules<Field extends string>(rules: Readonly<Record<Field, NumberRule>>) {
  const shape = {} as Record<Field, ReturnType<typeof numberByRule>>;
  for (const field of Object.keys(rules) as Field[]) shape[field] = numberByRule(rules[field]);
  return shape;
}

/** A seat's (or a mode's) DAP settings: any of the parameters, each within its bounds. */
export const dapOverridesSchema = z.strictObject(numbersByRules(DAP_PARAM_RULES)).partial();

/** The human's (or a mode's) limits: any of them, each within its bounds. */
export const limitOverridesSchema = z
  .strictObject({
    maxTurnsPerRound: numberByRule(LIMIT_RULES.maxTurnsPerRound),
    maxDepth: numberByRule(LIMIT_RULES.maxDepth),
    pingPong: numberByRule(LIMIT_RULES.pingPong),
    parallelFirstWave: z.boolean(),
    tokenBudget: nullableNumberByRule(LIMIT_RULES.tokenBudget),
    costBudgetUsd: nullableNumberByRule(LIMIT_RULES.costBudgetUsd),
    abortInFlightOnHumanMessage: z.boolean(),
  })
  .partial();

/** A seat's generation settings, field by field. */
export const seatSettingSchemas = numbersByRules(SEAT_SETTING_RULES);

/** A seat's reasoning options (thinking budget, effort, thought summaries). */
export const reasoningRequestSchema = z.strictObject({
  effort: z
    .enum(REASONING_EFFORTS as readonly [string, ...string[]] as ['minimal', 'low', 'medium', 'high'])
    .optional(),
  budgetTokens: numberByRule(REASONING_BUDGET_RULE).optional(),
  includeThoughts: z.boolean().optional(),
});

/** A seat's texts and endpoint. */
export const seatTextSchemas = {
  displayName: textByRule(SEAT_TEXT_RULES.displayName),
  model: textByRule(SEAT_TEXT_RULES.model),
  persona: textByRule(SEAT_TEXT_RULES.persona),
  baseURL: z.string().refine(isHttpAddress, { message: BASE_URL_MESSAGE }),
};

/** A participant's aliases (each one's grammar and uniqueness are the roster's rules, checked after parsing). */
export function aliasesSchema(name: z.ZodString) {
  return z.array(name).max(MAX_ALIASES, { message: ALIASES_MESSAGE });
}

/** The peers of a room. */
export function peersSchema<Seat extends z.ZodType>(seat: Seat) {
  return z.array(seat).max(MAX_PEERS, { message: PEERS_MESSAGE });
}
