/**
 * How fast the demo peers "type": a first-token delay and a steady token rate, drawn per reply from ranges.
 * Tests inject `INSTANT_DEMO_PACE`.
 */
import type { DemoRandom } from './random.ts';

export interface DemoPace {
  /** [min, max] milliseconds before the first token. */
  firstTokenDelayMs: readonly [number, number];
  /** [min, max] tokens per second; Infinity streams without waiting. */
  tokensPerSecond: readonly [number, number];
}

export const DEFAULT_DEMO_PACE: DemoPace = { firstTokenDelayMs: [250, 700], tokensPerSecond: [25, 60] };

export const INSTANT_DEMO_PACE: DemoPace = { firstTokenDelayMs: [0, 0], tokensPerSecond: [Infinity, Infinity] };

export interface DrawnPace {
  firstTokenDelayMs: number;
  /** Milliseconds between tokens. */
  gapMs: number;
}

export function drawPace(pace: DemoPace, random: DemoRandom): DrawnPace {
  const [minDelay, maxDelay] = pace.firstTokenDelayMs;
  const [minRate, maxRate] = pace.tokensPerSecond;
  const rate = Number.isFinite(minRate) && Number.isFinite(maxRate) ? random.between(minRate, maxRate) : Infinity;
  return {
    firstTokenDelayMs: Math.round(random.between(minDelay, maxDelay)),
    gapMs: rate === Infinity || rate <= 0 ? 0 : 1000 / rate,
  };
}

/** Word-sized tokens with their leading whitespace (newlines kept), so joining them gives the text back. */
export function splitTokens(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}
