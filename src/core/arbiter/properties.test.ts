/**
 * Property-based tests of the arbiter invariants: random conversations (human messages with random mentions,
 * random turn results with random peer mentions, and random human controls) are run through a simulated driver.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../events/types.ts';
import { isLamportOrdered } from '../events/lamport.ts';
import { ADVERSARIAL_MODE, COLLABORATIVE_MODE } from '../modes/builtin.ts';
import { seats, Simulation } from '../testing/simulation.ts';
import type { SimInput } from '../testing/simulation.ts';

const PEERS = ['a', 'b', 'c', 'd'];
const peerArb = fc.constantFrom(...PEERS);
const mentionsArb = fc.record({ peerIds: fc.uniqueArray(peerArb, { maxLength: 3 }), all: fc.boolean() });

type Action =
  | { kind: 'human'; mentions: { peerIds: string[]; all: boolean } }
  | {
      kind: 'finish';
      index: number;
      status: 'complete' | 'passed' | 'error' | 'interrupted';
      mentions: { peerIds: string[]; all: boolean };
      tokens: number;
    }
  | { kind: 'control'; input: SimInput };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: mentionsArb.map((mentions) => ({ kind: 'human' as const, mentions })) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('finish' as const),
      index: fc.nat(5),
      status: fc.constantFrom('complete', 'complete', 'complete', 'passed', 'error', 'interrupted'),
      mentions: fc.record({ peerIds: fc.uniqueArray(peerArb, { maxLength: 2 }), all: fc.boolean() }),
      tokens: fc.nat(400),
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.constant<SimInput>({ type: 'stop-all' }),
        fc.constant<SimInput>({ type: 'skip-next' }),
        peerArb.map<SimInput>((peerId) => ({ type: 'stop-peer', peerId })),
        peerArb.map<SimInput>((peerId) => ({ type: 'speak-now', peerId })),
        peerArb.map<SimInput>((peerId) => ({ type: 'regenerate', peerId, messageId: 'old' })),
        peerArb.map<SimInput>((peerId) => ({ type: 'mute', peerId })),
        peerArb.map<SimInput>((peerId) => ({ type: 'unmute', peerId })),
        fc.boolean().map<SimInput>((adversarial) => ({
          type: 'set-mode',
          mode: adversarial ? ADVERSARIAL_MODE : COLLABORATIVE_MODE,
        })),
      )
      .map((input) => ({ kind: 'control' as const, input })),
  },
);

const configArb = fc.record({
  seed: fc.integer(),
  maxTurnsPerRound: fc.integer({ min: 1, max: 8 }),
  maxDepth: fc.integer({ min: 0, max: 4 }),
  pingPong: fc.integer({ min: 1, max: 3 }),
  parallelFirstWave: fc.boolean(),
  abortInFlightOnHumanMessage: fc.boolean(),
  tokenBudget: fc.option(fc.integer({ min: 100, max: 3000 }), { nil: null }),
});

type Config = typeof configArb extends fc.Arbitrary<infer C> ? C : never;

interface Run {
  sim: Simulation;
  /** Problems seen while running (checked after each step). */
  violations: string[];
}

/** Runs a script; checks the per-step invariants as it goes. */
function run(config: Config, actions: Action[]): Run {
  const { seed, ...limits } = config;
  const sim = new Simulation({ peers: seats(PEERS.length), seed, limits });
  const violations: string[] = [];
  const step = (input: SimInput): void => {
    const enabledBefore = new Map(sim.state.peers.map((peer) => [peer.id, peer.enabled]));
    const effects = sim.send(input);
    for (const effect of effects) {
      if (effect.type !== 'start-turn') continue;
      const peer = sim.state.peers.find((seat) => seat.id === effect.peerId);
      if (!peer?.enabled) violations.push(`muted peer ${effect.peerId} was started`);
      if (input.type === 'human-message') checkHumanMentionHonoured(input, effect, enabledBefore, violations);
    }
  };
  let n = 0;
  for (const action of actions) {
    if (action.kind === 'human') {
      step({ type: 'human-message', messageId: `h${n++}`, mentions: action.mentions });
    } else if (action.kind === 'control') {
      step(action.input);
    } else if (sim.pending.length > 0) {
      const turn = sim.pending[action.index % sim.pending.length]!;
      sim.pending = sim.pending.filter((pending) => pending !== turn);
      const tokens = { input: action.tokens, output: action.tokens };
      const outcome =
        action.status === 'complete'
          ? { status: action.status, messageId: `m-${turn.turnId}`, mentions: action.mentions, tokens }
          : action.status === 'error'
            ? { status: action.status, errorReason: 'x', tokens }
            : { status: action.status, tokens };
      step({ type: 'turn-finished', turnId: turn.turnId, outcome });
    }
  }
  step({ type: 'end-session' });
  return { sim, violations };
}

/** After a human message that names enabled peers (and not @all), the first turn is the first of them. */
function checkHumanMentionHonoured(
  input: Extract<SimInput, { type: 'human-message' }>,
  effect: { peerId: string; reason: { kind: string } },
  enabledBefore: Map<string, boolean>,
  violations: string[],
): void {
  if (input.mentions.all) return;
  const named = input.mentions.peerIds.filter((id) => enabledBefore.get(id));
  if (named.length === 0) return;
  if (effect.reason.kind !== 'human-mention' || !named.includes(effect.peerId)) {
    violations.push(`human mention of ${named.join(',')} overridden by ${effect.reason.kind} for ${effect.peerId}`);
  }
}

const roundsOf = (events: CoreEvent[]) => {
  const rounds = new Map<string, CoreEvent[]>();
  for (const event of events) {
    if (!('roundId' in event)) continue;
    const list = rounds.get(event.roundId) ?? [];
    list.push(event);
    rounds.set(event.roundId, list);
  }
  return rounds;
};

const scriptArb = fc.array(actionArb, { maxLength: 60 });

describe('arbiter invariants (properties)', () => {
  it('every dispatched turn ends with exactly one completion event; every round with exactly one end reason', () => {
    fc.assert(
      fc.property(configArb, scriptArb, (config, actions) => {
        const { sim, violations } = run(config, actions);
        expect(violations).toEqual([]);
        const dispatched = sim.eventsOf('turn-dispatched').map((event) => event.turnId);
        const completed = sim.eventsOf('turn-completed').map((event) => event.turnId);
        expect([...completed].sort()).toEqual([...dispatched].sort());
        expect(new Set(completed).size).toBe(completed.length);
        const started = sim.eventsOf('round-started').map((event) => event.roundId);
        const ended = sim.eventsOf('round-ended').map((event) => event.roundId);
        expect(ended).toEqual(started);
        // Rounds never overlap: each round ends before the next starts.
        const order = sim.events
          .filter((event) => event.type === 'round-started' || event.type === 'round-ended')
          .map((event) => event.type);
        order.forEach((type, i) => expect(type).toBe(i % 2 === 0 ? 'round-started' : 'round-ended'));
        expect(isLamportOrdered(sim.events)).toBe(true);
        expect(sim.events.at(-1)?.type).toBe('session-completed');
      }),
      { numRuns: 300 },
    );
  });

  it('no round exceeds its turn budget or its depth', () => {
    fc.assert(
      fc.property(configArb, scriptArb, (config, actions) => {
        const { sim } = run(config, actions);
        for (const [, events] of roundsOf(sim.events)) {
          const turns = events.filter((event) => event.type === 'turn-dispatched');
          const budgeted = turns.filter(
            (event) => event.reason.kind !== 'human-forced' && event.reason.kind !== 'retry',
          );
          expect(budgeted.length).toBeLessThanOrEqual(config.maxTurnsPerRound);
          for (const turn of turns) expect(turn.depth).toBeLessThanOrEqual(config.maxDepth);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a muted peer never gets a turn, and a human mention is never overridden by DAP', () => {
    fc.assert(
      fc.property(configArb, scriptArb, (config, actions) => {
        const { sim, violations } = run(config, actions);
        expect(violations).toEqual([]);
        for (const [, events] of roundsOf(sim.events)) {
          const first = events.find((event) => event.type === 'turn-dispatched');
          if (first?.type === 'turn-dispatched' && first.reason.kind === 'human-mention') {
            expect(events.some((event) => event.type === 'dap-sampled')).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the same inputs and seed give the same schedule', () => {
    fc.assert(
      fc.property(configArb, scriptArb, (config, actions) => {
        const first = run(config, actions).sim;
        const second = run(config, actions).sim;
        expect(second.events).toEqual(first.events);
        expect(second.effects).toEqual(first.effects);
        expect(second.state).toEqual(first.state);
      }),
      { numRuns: 150 },
    );
  });

  it('DAP rounds depend on the seed only through the generator', () => {
    const schedules = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const sim = new Simulation({ peers: seats(4), seed, limits: { maxTurnsPerRound: 8 } });
      for (let round = 0; round < 5; round++) {
        sim.human();
        sim.runUntilIdle();
      }
      schedules.add(sim.dispatchedPeers().join(''));
    }
    expect(schedules.size).toBeGreaterThan(1);
  });
});
