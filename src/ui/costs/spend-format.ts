import type { MessageSpend, Spend } from '../../store/index.ts';
import { formatCost, formatTokens } from '../format/numbers.ts';

/** "≈ " before a figure that is still an estimate. */
export function approx(estimated: boolean): string {
  return estimated ? '≈ ' : '';
}

/** "1.2k in · 300 out tokens", with "≈" while it is an estimate. */
export function tokensText(spend: MessageSpend | Spend): string {
  return `${approx(spend.estimated)}${formatTokens(spend.inputTokens)} in · ${formatTokens(spend.outputTokens)} out tokens`;
}

/** "$0.012", with "≈" while it is an estimate. */
export function costText(costUsd: number, estimated: boolean): string {
  return `${approx(estimated)}${formatCost(costUsd)}`;
}

/** "$2 in · $8 out per M tokens" for prices in USD per million tokens; null when either is unknown. */
export function pricesText(input: number | undefined, output: number | undefined): string | null {
  if (input === undefined || output === undefined) return null;
  return `$${input} in · $${output} out per M tokens`;
}
