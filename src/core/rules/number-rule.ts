/**
 * One bound per numeric field: the shape in which the room's rules are written down (DAP parameters, limits, seat
 * settings). Every entry point asks these rules, and the file formats build their schemas from them, so a value
 * is accepted or refused everywhere alike and always with the same message.
 */

/** The bounds of one numeric field. */
export interface NumberRule {
  /** The field's name, as files, paths and messages spell it. */
  readonly field: string;
  /** Only whole numbers. */
  readonly whole: boolean;
  readonly min: number;
  /** The minimum itself is refused: the value must be above it. */
  readonly aboveMin?: boolean;
  readonly max: number;
  /** null is accepted and means "none" (a budget that is not set). */
  readonly nullMeans?: string;
  /** Why the bounds are what they are, when that is not obvious; said after them. */
  readonly why?: string;
}

/** True when the value is a number (or null, where null is allowed) inside the rule's bounds. */
export function followsNumberRule(rule: NumberRule, value: unknown): boolean {
  if (value === null) return rule.nullMeans !== undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (rule.whole && !Number.isInteger(value)) return false;
  const aboveMin = rule.aboveMin ? value > rule.min : value >= rule.min;
  return aboveMin && value <= rule.max;
}

/**
 * The one message for a value the rule refuses, e.g.
 * "pMin must be a number in (0, 1]: DAP never silences a peer; only the human mutes."
 */
export function numberRuleMessage(rule: NumberRule): string {
  const kind = rule.whole ? 'a whole number' : 'a number';
  const interval = `${rule.aboveMin ? '(' : '['}${rule.min}, ${rule.max}]`;
  const none = rule.nullMeans === undefined ? '' : `, or null for ${rule.nullMeans}`;
  const why = rule.why === undefined ? '' : `: ${rule.why}`;
  return `${rule.field} must be ${kind} in ${interval}${none}${why}.`;
}

/** The smallest value a rule accepts at a given step (for sliders and number inputs). */
export function smallestAccepted(rule: NumberRule, step: number): number {
  return rule.aboveMin ? rule.min + step : rule.min;
}

/** The message for a true/false field that holds something else. */
export function booleanMessage(field: string): string {
  return `${field} must be true or false.`;
}
