import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedRng } from '../rng/prng.ts';
import { DAP_PRESETS, DEFAULT_DAP_PARAMS, resolveDapParams, validateDapParams } from './params.ts';
import type { DapParams } from './params.ts';
import { computeDapProbabilities, fairnessFactor, healthFactor, recencyFactor, speakerShare } from './probabilities.ts';
import { sampleDapSpeakers } from './sampling.ts';

const D = DEFAULT_DAP_PARAMS;
const peer = (peerId: string, params: DapParams = D, consecutiveErrors = 0) => ({ peerId, params, consecutiveErrors });

describe('defaults and presets', () => {
  it('are the profile defaults', () => {
    expect(D).toEqual({
      base: 1,
      pMin: 0.15,
      pMax: 1,
      cooldown: 1,
      cooldownFactor: 0.5,
      dominancePenalty: 1.5,
      errorBackoff: 0.5,
    });
    expect(DAP_PRESETS.balanced).toEqual(D);
  });

  it('quiet < balanced < lively in base willingness or floor', () => {
    expect(DAP_PRESETS.quiet.base).toBeLessThan(DAP_PRESETS.balanced.base);
    expect(DAP_PRESETS.lively.pMin).toBeGreaterThan(DAP_PRESETS.balanced.pMin);
  });

  it('every preset is valid', () => {
    for (const preset of Object.values(DAP_PRESETS)) expect(validateDapParams(preset)).toEqual([]);
  });

  it('overrides win over the preset, undefined does not', () => {
    expect(resolveDapParams(D, { base: 0.3, pMax: undefined })).toEqual({ ...D, base: 0.3 });
  });
});

describe('validateDapParams', () => {
  it.each([
    [{ pMin: 0 }, 'pMin'],
    [{ pMin: -0.1 }, 'pMin'],
    [{ pMax: 1.5 }, 'pMax'],
    [{ pMin: 0.6, pMax: 0.5 }, 'pMax'],
    [{ base: -1 }, 'base'],
    [{ base: Number.NaN }, 'base'],
    [{ cooldown: 1.5 }, 'cooldown'],
    [{ cooldownFactor: 2 }, 'cooldownFactor'],
    [{ dominancePenalty: -1 }, 'dominancePenalty'],
    [{ errorBackoff: 1.2 }, 'errorBackoff'],
  ] as [Partial<DapParams>, keyof DapParams][])('%j is refused on %s', (override, field) => {
    expect(validateDapParams({ ...D, ...override }).map((issue) => issue.field)).toContain(field);
  });
});

describe('the formula', () => {
  it('recency: cooldown factor if the peer spoke in the last `cooldown` turns', () => {
    expect(recencyFactor('a', ['a', 'b'], D)).toBe(1);
    expect(recencyFactor('b', ['a', 'b'], D)).toBe(0.5);
    expect(recencyFactor('a', ['a', 'b'], { ...D, cooldown: 2 })).toBe(0.5);
    expect(recencyFactor('a', ['a'], { ...D, cooldown: 0 })).toBe(1);
  });

  it('share over the last 2N turns (slots not yet played count as nobody)', () => {
    expect(speakerShare('a', ['a', 'a', 'b', 'a'], 2)).toBe(0.75);
    expect(speakerShare('a', ['a', 'a', 'a', 'b', 'b', 'b'], 2)).toBe(0.25);
    expect(speakerShare('a', ['a'], 2)).toBe(0.25);
    expect(speakerShare('a', [], 0)).toBe(0);
  });

  it('fairness = 1 - penalty * max(0, share - 1/N), floored at 0', () => {
    expect(fairnessFactor(0.5, 2, D)).toBe(1);
    expect(fairnessFactor(0.75, 2, D)).toBeCloseTo(1 - 1.5 * 0.25);
    expect(fairnessFactor(1, 2, D)).toBe(0.25);
    expect(fairnessFactor(1, 4, D)).toBe(0);
  });

  it('health = backoff ^ consecutive errors', () => {
    expect(healthFactor(0, D)).toBe(1);
    expect(healthFactor(3, D)).toBe(0.125);
  });

  it('p = clamp(base * recency * fairness * health, pMin, pMax), with every factor exposed', () => {
    const [a, b, c] = computeDapProbabilities([peer('a'), peer('b', D, 2), peer('c')], ['a', 'a', 'a', 'a', 'b', 'a']);
    // a: spoke last (0.5), share 5/6 of 6 slots -> fairness 1 - 1.5 * (5/6 - 1/3) = 0.25 -> 0.125 -> clamped to 0.15
    expect(a).toMatchObject({ recency: 0.5, health: 1, p: 0.15 });
    expect(a?.fairness).toBeCloseTo(0.25);
    expect(a?.raw).toBeCloseTo(0.125);
    // b: two errors -> 0.25
    expect(b).toMatchObject({ recency: 1, fairness: 1, health: 0.25, p: 0.25 });
    // c: never spoke -> base
    expect(c).toMatchObject({ p: 1, share: 0 });
  });

  it('p_i always lies in [pMin, pMax] and is never 0 (property)', () => {
    const params = fc
      .record({
        base: fc.double({ min: 0, max: 5, noNaN: true }),
        pMin: fc.double({ min: 0.001, max: 1, noNaN: true }),
        pMax: fc.double({ min: 0.001, max: 1, noNaN: true }),
        cooldown: fc.integer({ min: 0, max: 5 }),
        cooldownFactor: fc.double({ min: 0, max: 1, noNaN: true }),
        dominancePenalty: fc.double({ min: 0, max: 100, noNaN: true }),
        errorBackoff: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .filter((p) => p.pMin <= p.pMax);
    const ids = ['a', 'b', 'c', 'd', 'e'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(params, fc.integer({ min: 0, max: 50 })), { minLength: 1, maxLength: 5 }),
        fc.array(fc.constantFrom(...ids), { maxLength: 30 }),
        (seatsSpec, recent) => {
          const peers = seatsSpec.map(([p, errors], i) => peer(ids[i]!, p, errors));
          for (const [i, { p }] of computeDapProbabilities(peers, recent).entries()) {
            const { pMin, pMax } = peers[i]!.params;
            expect(p).toBeGreaterThan(0);
            expect(p).toBeGreaterThanOrEqual(pMin);
            expect(p).toBeLessThanOrEqual(pMax);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('multiplies in the adapter profile; a user-set base replaces the provider weight', () => {
    const profile = { weight: 0.8, weightSource: 'provider-default' as const, health: 0.5, latency: 0.9 };
    const [fromMode, fromUser, unreported] = computeDapProbabilities(
      [
        { ...peer('a'), adapterProfile: profile },
        { ...peer('b', { ...D, base: 0.6 }), adapterProfile: profile, baseSetByUser: true },
        peer('c'),
      ],
      [],
    );
    expect(fromMode?.raw).toBeCloseTo(1 * 0.8 * 0.5 * 0.9);
    expect(fromMode?.sources).toMatchObject({ base: 'mode', providerWeight: 'provider-default' });
    expect(fromUser?.raw).toBeCloseTo(0.6 * 1 * 0.5 * 0.9);
    expect(fromUser).toMatchObject({ base: 0.6, providerWeight: 1, sources: { base: 'user', providerWeight: 'user' } });
    expect(unreported).toMatchObject({ p: 1, providerWeight: 1, adapterHealth: 1, latency: 1 });
    expect(unreported?.sources).toMatchObject({ providerWeight: 'not-reported', latency: 'not-reported' });
  });

  it('p_i stays in [pMin, pMax] with any valid adapter profile (property)', () => {
    const factor = fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true });
    fc.assert(
      fc.property(factor, factor, factor, fc.boolean(), (weight, health, latency, baseSetByUser) => {
        const adapterProfile = { weight, weightSource: 'provider-default' as const, health, latency };
        const [only] = computeDapProbabilities([{ ...peer('a'), adapterProfile, baseSetByUser }], []);
        expect(only?.p).toBeGreaterThanOrEqual(D.pMin);
        expect(only?.p).toBeLessThanOrEqual(D.pMax);
      }),
    );
  });

  it('is content-blind: its only inputs are ids, recent speakers, and error counts', () => {
    // The signature is the proof; this pins it so a content parameter cannot sneak in unnoticed.
    expect(computeDapProbabilities.length).toBe(2);
  });
});

describe('sampling', () => {
  const probabilities = (ps: number[]) =>
    computeDapProbabilities(
      ps.map((p, i) => peer(String(i), { ...D, base: p, pMin: Math.min(p, 0.15) || 0.01, pMax: 1 })),
      [],
    );

  it('draws each peer independently; p = 1 is always drawn', () => {
    const sample = sampleDapSpeakers(seedRng(7), probabilities([1, 1, 1]));
    expect(sample.speakers.map((s) => s.peerId).sort()).toEqual(['0', '1', '2']);
    expect(sample.fallback).toBe(false);
    expect(sample.draws.every((draw) => draw.u < draw.p && draw.drawn)).toBe(true);
  });

  it('when nobody is drawn, the highest p speaks', () => {
    for (let seed = 0; seed < 50; seed++) {
      const sample = sampleDapSpeakers(seed, probabilities([0.01, 0.02, 0.01]));
      if (!sample.fallback) continue;
      expect(sample.speakers).toEqual([{ peerId: '1', p: 0.02 }]);
      return;
    }
    throw new Error('no seed produced a fallback');
  });

  it('breaks ties with the generator, so different seeds can pick different peers', () => {
    const chosen = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const sample = sampleDapSpeakers(seed, probabilities([0.01, 0.01, 0.01]));
      if (sample.fallback) chosen.add(sample.speakers[0]!.peerId);
    }
    expect(chosen.size).toBeGreaterThan(1);
  });

  it('always returns at least one speaker and is replayable from the seed (property)', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (seed, ps) => {
          const a = sampleDapSpeakers(seed >>> 0, probabilities(ps));
          const b = sampleDapSpeakers(seed >>> 0, probabilities(ps));
          expect(a).toEqual(b);
          expect(a.speakers.length).toBeGreaterThanOrEqual(1);
          expect(new Set(a.speakers.map((s) => s.peerId)).size).toBe(a.speakers.length);
        },
      ),
    );
  });
});
