import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextInt, nextRandom, seedRng, shuffle } from './prng.ts';

describe('prng', () => {
  it('is deterministic and in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = nextRandom(seedRng(seed));
        expect(nextRandom(seedRng(seed))).toEqual(a);
        expect(a.value).toBeGreaterThanOrEqual(0);
        expect(a.value).toBeLessThan(1);
      }),
    );
  });

  it('seeds from strings stably and differently', () => {
    expect(seedRng('conversation-1')).toBe(seedRng('conversation-1'));
    expect(seedRng('conversation-1')).not.toBe(seedRng('conversation-2'));
  });

  it('is roughly uniform', () => {
    let state = seedRng(1);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) {
      const draw = nextRandom(state);
      state = draw.state;
      buckets[Math.floor(draw.value * 10)]!++;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(850);
  });

  it('nextInt stays in range; shuffle is a permutation', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 50 }), fc.array(fc.integer()), (seed, bound, items) => {
        const { value } = nextInt(seed >>> 0, bound);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThan(bound);
        expect(shuffle(seed >>> 0, items).value.sort()).toEqual([...items].sort());
      }),
    );
  });
});
