/** Short numbers for people: token counts, money, probabilities. */

/** 950 → "950", 12_345 → "12k", 128_000 → "128k", 1_048_576 → "1.0M". */
export function formatTokens(tokens: number): string {
  if (!Number.isFinite(tokens)) return '?';
  const abs = Math.abs(tokens);
  if (abs < 1_000) return String(Math.round(tokens));
  if (abs < 10_000) return `${(tokens / 1_000).toFixed(1).replace(/\.0$/, '')}k`;
  if (abs < 1_000_000) return `${Math.round(tokens / 1_000)}k`;
  return `${(tokens / 1_000_000).toFixed(1)}M`;
}

/** US dollars with enough digits to see a cheap turn: $0.0004, $0.012, $1.20. */
export function formatCost(usd: number): string {
  if (usd === 0) return '$0';
  if (usd < 0.01) return `$${usd.toPrecision(2).replace(/0+$/, '').replace(/\.$/, '')}`;
  if (usd < 1) return `$${usd.toFixed(3)}`;
  return `$${usd.toFixed(2)}`;
}

/** A probability as two decimals: 0.6234 → "0.62". */
export function formatProbability(p: number): string {
  return p.toFixed(2);
}

/** Milliseconds as seconds: 1234 → "1.2 s". */
export function formatSeconds(ms: number): string {
  return `${(ms / 1_000).toFixed(1)} s`;
}
