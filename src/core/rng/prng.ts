/**
 * A tiny seeded pseudo-random generator (mulberry32). Its whole state is one 32-bit integer, so it can be
 * stored in the arbiter state and in the conversation, which makes every draw replayable.
 */

/** The generator state: an unsigned 32-bit integer. */
export type RngState = number;

/** The result of one draw: a float in [0, 1) and the next state. */
export interface RngDraw {
  value: number;
  state: RngState;
}

/** Turns any number or string into a generator state (FNV-1a for strings). */
export function seedRng(seed: number | string): RngState {
  if (typeof seed === 'number') return seed >>> 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Draws a float in [0, 1) and returns it with the next state (mulberry32). */
export function nextRandom(state: RngState): RngDraw {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return { value, state: next };
}

/** Draws an integer in [0, bound) (bound >= 1). */
export function nextInt(state: RngState, bound: number): { value: number; state: RngState } {
  const draw = nextRandom(state);
  return { value: Math.min(bound - 1, Math.floor(draw.value * bound)), state: draw.state };
}

/** Returns a shuffled copy of `items` (Fisher-Yates) and the next state. */
export function shuffle<T>(state: RngState, items: readonly T[]): { value: T[]; state: RngState } {
  const result = [...items];
  let current = state;
  for (let i = result.length - 1; i > 0; i--) {
    const draw = nextInt(current, i + 1);
    current = draw.state;
    const j = draw.value;
    const a = result[i] as T;
    result[i] = result[j] as T;
    result[j] = a;
  }
  return { value: result, state: current };
}
