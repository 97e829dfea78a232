/**
 * A seeded generator for the demo peers (the core's mulberry32): the same request gives the same reply.
 */
import { nextRandom, seedRng } from '../../core/index.ts';
import type { RngState } from '../../core/index.ts';

export class DemoRandom {
  private state: RngState;

  constructor(seed: string) {
    this.state = seedRng(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    const draw = nextRandom(this.state);
    this.state = draw.state;
    return draw.value;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One of the items (the list must not be empty). */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.min(items.length - 1, Math.floor(this.next() * items.length))];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** A number in [min, max]. */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
}
