import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbiterPeersFromRoster } from '../arbiter/from-roster.ts';
import { createArbiter } from '../arbiter/reduce.ts';
import { RECENT_SPEAKERS_KEPT } from '../arbiter/turns.ts';
import { DAP_ORDER_MESSAGE, DAP_PARAM_RULES, DAP_PRESETS, validateDapAdjustment } from '../dap/params.ts';
import type { DapOverrides } from '../dap/params.ts';
import { SEAT_SETTING_RULES } from '../domain/seat-rules.ts';
import { LIMIT_RULES } from '../governance/limits.ts';
import type { LimitOverrides } from '../governance/limits.ts';
import { BUILT_IN_MODES } from '../modes/builtin.ts';
import { makePeer, standardRoster } from '../testing/fixtures.ts';
import { followsNumberRule, numberRuleMessage } from './number-rule.ts';
import type { NumberRule } from './number-rule.ts';
import { repairRoomSettings } from './repair.ts';
import { modeInForce, validateRoomSettings } from './room-settings.ts';
import type { RoomSettings } from './room-settings.ts';

const ALL_RULES: NumberRule[] = [
  ...Object.values(DAP_PARAM_RULES),
  ...Object.values(LIMIT_RULES),
  ...Object.values(SEAT_SETTING_RULES),
];

function room(patch: Partial<RoomSettings> = {}): RoomSettings {
  return { ...standardRoster(), modeId: 'collaborative', customModes: [], limits: {}, ...patch };
}

describe('number rules', () => {
  it('says the bounds, the kind of number and why, in one sentence', () => {
    expect(numberRuleMessage(DAP_PARAM_RULES.pMin)).toBe(
      'pMin must be a number in (0, 1]: DAP never silences a peer; only the human mutes.',
    );
    expect(numberRuleMessage(LIMIT_RULES.maxTurnsPerRound)).toBe(
      'maxTurnsPerRound must be a whole number in [1, 100].',
    );
    expect(numberRuleMessage(LIMIT_RULES.tokenBudget)).toBe(
      'tokenBudget must be a whole number in [1, 1000000000], or null for no budget.',
    );
  });

  it.each(ALL_RULES.map((rule) => [rule.field, rule] as const))(
    '%s: accepts its bounds and refuses past them',
    (_field, rule) => {
      const epsilon = rule.whole ? 1 : 1e-9;
      expect(followsNumberRule(rule, rule.min)).toBe(!rule.aboveMin);
      expect(followsNumberRule(rule, rule.min + epsilon)).toBe(true);
      expect(followsNumberRule(rule, rule.max)).toBe(true);
      expect(followsNumberRule(rule, rule.max + epsilon)).toBe(false);
      expect(followsNumberRule(rule, rule.min - epsilon)).toBe(false);
      for (const value of [Number.NaN, Number.POSITIVE_INFINITY, '1', undefined, true])
        expect(followsNumberRule(rule, value)).toBe(false);
      expect(followsNumberRule(rule, null)).toBe(rule.nullMeans !== undefined);
      if (rule.whole) expect(followsNumberRule(rule, rule.min + 0.5)).toBe(false);
    },
  );

  it('caps cooldown at the turns the arbiter remembers', () => {
    expect(DAP_PARAM_RULES.cooldown.max).toBe(RECENT_SPEAKERS_KEPT);
  });
});

describe('validateRoomSettings', () => {
  it('accepts every built-in mode and preset', () => {
    for (const mode of BUILT_IN_MODES) expect(validateRoomSettings(room({ modeId: mode.id }))).toEqual([]);
    for (const preset of Object.values(DAP_PRESETS)) {
      const peers = [makePeer('a', { dap: { ...preset } })];
      expect(validateRoomSettings(room({ peers }))).toEqual([]);
    }
  });

  it.each([
    ['a seat pMin of 0', { peers: [makePeer('a', { dap: { pMin: 0 } })] }, 'peers[0].dap.pMin'],
    // The collaborative mode's quiet preset caps p at 0.85: a seat floor above it is the wrong way round.
    ['a seat pMin above the mode pMax', { peers: [makePeer('a', { dap: { pMin: 0.9 } })] }, 'peers[0].dap.pMin'],
    ['pMin above pMax', { peers: [makePeer('a', { dap: { pMin: 0.6, pMax: 0.5 } })] }, 'peers[0].dap.pMax'],
    [
      'a temperature of 3',
      { peers: [makePeer('a', { settings: { contextWindow: 1000, temperature: 3 } })] },
      'peers[0].settings.temperature',
    ],
    ['a blank display name', { peers: [makePeer('a', { displayName: '  ' })] }, 'peers[0].displayName'],
    ['a base URL that is not http', { peers: [makePeer('a', { baseURL: 'ftp://x' })] }, 'peers[0].baseURL'],
    ['nine aliases', { peers: [makePeer('a', { aliases: 'bcdefghij'.split('') })] }, 'peers[0].aliases'],
    ['33 peers', { peers: Array.from({ length: 33 }, (_, i) => makePeer(`p${i}`)) }, 'peers'],
    ['pingPong 0', { limits: { pingPong: 0 } }, 'limits.pingPong'],
    ['an unknown mode', { modeId: 'chaos' }, 'modeId'],
  ] as [string, Partial<RoomSettings>, string][])('refuses %s at its path', (_name, patch, path) => {
    expect(validateRoomSettings(room(patch)).map((issue) => issue.path)).toContain(path);
  });

  it('checks a custom mode’s defaults with the same rules', () => {
    const custom = { ...BUILT_IN_MODES[0]!, id: 'mine', builtIn: false };
    const broken = {
      ...custom,
      defaults: { dapPreset: 'quiet' as const, dap: { errorBackoff: 2 }, limits: { maxDepth: 99 } },
    };
    expect(validateRoomSettings(room({ customModes: [broken] }))).toEqual([
      { path: 'customModes[0].defaults.dap.errorBackoff', message: numberRuleMessage(DAP_PARAM_RULES.errorBackoff) },
      { path: 'customModes[0].defaults.limits.maxDepth', message: numberRuleMessage(LIMIT_RULES.maxDepth) },
    ]);
  });

  it('reports a broken order on the field the settings set', () => {
    const quiet = DAP_PRESETS.quiet;
    expect(validateDapAdjustment(quiet, { pMin: 0.9 })).toEqual([{ field: 'pMin', message: DAP_ORDER_MESSAGE }]);
    expect(validateDapAdjustment(quiet, { pMax: 0.1 })).toEqual([{ field: 'pMax', message: DAP_ORDER_MESSAGE }]);
  });
});

/** Any number at all, in or out of bounds. */
const anyNumber = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 200 }),
  fc.constantFrom(0, 1, 0.5, -0, 1e12),
);
const anyDap = fc.record(
  Object.fromEntries(Object.keys(DAP_PARAM_RULES).map((field) => [field, anyNumber])) as Record<
    keyof DapOverrides,
    typeof anyNumber
  >,
  { requiredKeys: [] },
);
const anyLimits: fc.Arbitrary<LimitOverrides> = fc.record(
  {
    ...(Object.fromEntries(Object.keys(LIMIT_RULES).map((field) => [field, anyNumber])) as Record<
      keyof typeof LIMIT_RULES,
      typeof anyNumber
    >),
    parallelFirstWave: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('repairRoomSettings', () => {
  it('gives back a room that follows the rules unchanged', () => {
    const valid = room();
    const { peers, modeId, customModes, limits } = valid;
    const repaired = repairRoomSettings(valid);
    expect(repaired).toEqual({ peers, modeId, customModes, limits, resets: [] });
    expect(repaired.peers[0]).toBe(peers[0]);
  });

  it('resets every refused number, says which, and the arbiter accepts the result', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(anyDap, anyNumber, anyNumber, anyNumber), { minLength: 1, maxLength: 4 }),
        anyLimits,
        fc.constantFrom('collaborative', 'adversarial', 'gone'),
        (seats, limits, modeId) => {
          const peers = seats.map(([dap, contextWindow, temperature, maxOutputTokens], index) =>
            makePeer(`p${index}`, { dap, settings: { contextWindow, temperature, maxOutputTokens } }),
          );
          const broken = room({ peers, limits, modeId });
          const repaired = repairRoomSettings(broken);
          const fixed = { ...broken, ...repaired };
          expect(validateRoomSettings(fixed)).toEqual([]);
          const before = validateRoomSettings(broken).map((issue) => issue.path);
          for (const path of before) expect(repaired.resets.map((reset) => reset.path)).toContain(path);
          const mode = modeInForce(fixed)!;
          expect(() =>
            createArbiter({
              seed: 1,
              humanId: fixed.human.id,
              peers: arbiterPeersFromRoster(fixed),
              mode: { id: mode.id, defaults: mode.defaults },
              limits: fixed.limits,
              at: 0,
            }),
          ).not.toThrow();
        },
      ),
    );
  });
});
