/** Small statistics helpers for the benchmarks (nearest-rank percentiles, rounding). */

/** The p-th percentile (0–100) by nearest rank; null for no samples. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(samples: readonly number[]): number | null {
  return percentile(samples, 50);
}

export function max(samples: readonly number[]): number | null {
  return samples.length === 0 ? null : samples.reduce((a, b) => Math.max(a, b));
}

export function round(value: number, digits?: number): number;
export function round(value: number | null, digits?: number): number | null;
export function round(value: number | null, digits = 1): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Milliseconds since the epoch with sub-millisecond resolution (comparable with a page's timeOrigin + now()). */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
