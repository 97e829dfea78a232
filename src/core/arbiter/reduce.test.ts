/* eslint-disable max-lines -- table-driven: one case per arbiter rule (profile §5, §8), read side by side */
import { describe, expect, it } from 'vitest';
import { ADVERSARIAL_MODE } from '../modes/builtin.ts';
import { seats, Simulation } from '../testing/simulation.ts';
import { createArbiter, reduceArbiter } from './reduce.ts';
import { currentLimits } from './policy.ts';

const sim = (
  count = 3,
  config: ConstructorParameters<typeof Simulation>[0] extends infer C ? Partial<C> : never = {},
) => new Simulation({ peers: seats(count), ...config });

describe('session start', () => {
  it('records session-started and roles-assigned', () => {
    const s = sim(2);
    expect(s.events.map((event) => event.type)).toEqual(['session-started', 'roles-assigned']);
    expect(s.eventsOf('roles-assigned')[0]?.roles).toEqual([
      { participantId: 'human', role: 'human', enabled: true },
      { participantId: 'a', role: 'peer', enabled: true },
      { participantId: 'b', role: 'peer', enabled: true },
    ]);
  });

  it('refuses an invalid configuration', () => {
    expect(() =>
      createArbiter({
        seed: 1,
        humanId: 'h',
        peers: seats(1),
        mode: ADVERSARIAL_MODE,
        at: 0,
        limits: { maxDepth: -1 },
      }),
    ).toThrow('maxDepth');
    expect(() =>
      createArbiter({
        seed: 1,
        humanId: 'h',
        peers: [{ id: 'a', enabled: true, dap: { pMin: 0 } }],
        mode: ADVERSARIAL_MODE,
        at: 0,
      }),
    ).toThrow('pMin');
  });
});

describe('the queue of a round (§5.2)', () => {
  it('human mentions -> exactly those peers, in mention order, without DAP', () => {
    const s = sim(4);
    const messageId = s.human({ peerIds: ['c', 'a'] });
    s.runUntilIdle();
    expect(s.dispatchedPeers()).toEqual(['c', 'a']);
    expect(s.eventsOf('turn-dispatched').map((event) => event.reason)).toEqual([
      { kind: 'human-mention', messageId },
      { kind: 'human-mention', messageId },
    ]);
    expect(s.eventsOf('dap-sampled')).toEqual([]);
    expect(s.endReasons()).toEqual(['queue-empty']);
  });

  it('a human mention of only muted peers starts nobody (and DAP does not pick someone else)', () => {
    const s = sim(3);
    s.send({ type: 'mute', peerId: 'b' });
    s.human({ peerIds: [], mutedPeerIds: ['b'] });
    expect(s.dispatchedPeers()).toEqual([]);
    expect(s.eventsOf('turn-skipped')).toMatchObject([{ peerId: 'b', reason: 'muted' }]);
    expect(s.endReasons()).toEqual(['queue-empty']);
  });

  it('re-checks mentions against its own mutes', () => {
    const s = sim(3);
    s.send({ type: 'mute', peerId: 'b' });
    s.human({ peerIds: ['b', 'c'] });
    s.runUntilIdle();
    expect(s.dispatchedPeers()).toEqual(['c']);
  });

  it('@all -> every enabled peer, starting with a different peer each round', () => {
    const s = sim(3);
    const starts: string[] = [];
    for (let round = 0; round < 3; round++) {
      const before = s.dispatchedPeers().length;
      s.human({ all: true });
      s.runUntilIdle();
      const order = s.dispatchedPeers().slice(before);
      expect([...order].sort()).toEqual(['a', 'b', 'c']);
      starts.push(order[0]!);
    }
    expect(new Set(starts).size).toBe(3);
    expect(s.eventsOf('turn-dispatched').every((event) => event.reason.kind === 'all')).toBe(true);
  });

  it('@all records broadcast-sent once and broadcast-received per recipient', () => {
    const s = sim(3);
    s.send({ type: 'mute', peerId: 'c' });
    const messageId = s.human({ all: true });
    s.runUntilIdle();
    expect(s.eventsOf('broadcast-sent')).toMatchObject([{ messageId, senderId: 'human', recipients: ['a', 'b'] }]);
    expect(s.eventsOf('broadcast-received').map((event) => event.peerId)).toEqual(['a', 'b']);
  });

  it('@all with names: the named peers first, then the rest', () => {
    const s = sim(3);
    s.human({ all: true, peerIds: ['c'] });
    s.runUntilIdle();
    expect(s.dispatchedPeers()[0]).toBe('c');
    expect(s.eventsOf('turn-dispatched').map((event) => event.reason.kind)).toEqual(['human-mention', 'all', 'all']);
  });

  it('no mention -> DAP sampling with every p_i recorded and at least one responder', () => {
    const s = sim(3, { peers: seats(3).map((seat) => ({ ...seat, dap: { base: 0, pMin: 0.01, pMax: 0.01 } })) });
    s.human();
    const sampled = s.eventsOf('dap-sampled');
    expect(sampled).toHaveLength(1);
    expect(sampled[0]?.probabilities.map((p) => p.p)).toEqual([0.01, 0.01, 0.01]);
    expect(s.dispatchedPeers().length).toBeGreaterThanOrEqual(1);
    expect(s.eventsOf('turn-dispatched')[0]?.reason).toMatchObject({ kind: 'dap', probability: 0.01 });
  });

  it('no enabled peer -> the round ends at once', () => {
    const s = sim(1);
    s.send({ type: 'mute', peerId: 'a' });
    s.human();
    expect(s.endReasons()).toEqual(['queue-empty']);
  });
});

describe('running turns (§5.3)', () => {
  it('runs one turn at a time by default', () => {
    const s = sim(3);
    s.human({ peerIds: ['a', 'b', 'c'] });
    expect(s.pending.map((turn) => turn.peerId)).toEqual(['a']);
    s.finish();
    expect(s.pending.map((turn) => turn.peerId)).toEqual(['b']);
  });

  it('parallel first wave: all first answers at once, chained turns after the whole wave', () => {
    const s = sim(3, { limits: { parallelFirstWave: true } });
    s.human({ all: true });
    expect(s.pending).toHaveLength(3);
    const first = s.pending[0]!.peerId;
    const target = s.pending[1]!.peerId;
    s.finish({ mentions: { peerIds: [target] } });
    expect(s.pending).toHaveLength(2);
    s.finish(); // the target's own first answer
    expect(s.pending).toHaveLength(1);
    s.finish(); // the last first answer: the wave is complete
    // The chained turn starts only now, after the whole wave.
    expect(s.pending.map((turn) => [turn.peerId, turn.reason.kind, turn.depth])).toEqual([[target, 'peer-mention', 1]]);
    expect(first).not.toBe(target);
  });
});

describe('peer mention chaining (§5.4)', () => {
  it('appends mentioned peers one level deeper with the asking message', () => {
    const s = sim(3);
    s.human({ peerIds: ['a'] });
    s.finish({ mentions: { peerIds: ['c', 'b'] } });
    expect(s.eventsOf('turn-dispatched').map((event) => [event.peerId, event.depth])).toEqual([
      ['a', 0],
      ['c', 1],
    ]);
    expect(s.pending[0]?.reason).toEqual({ kind: 'peer-mention', messageId: 'reply-t1', askedBy: 'a' });
    s.runUntilIdle();
    expect(s.dispatchedPeers()).toEqual(['a', 'c', 'b']);
  });

  it('ignores the speaker itself and peers already queued', () => {
    const s = sim(3);
    s.human({ peerIds: ['a', 'b'] });
    s.finish({ mentions: { peerIds: ['a', 'b'] } });
    s.runUntilIdle();
    expect(s.dispatchedPeers()).toEqual(['a', 'b']);
  });

  it('a muted peer is never started by a peer mention', () => {
    const s = sim(3);
    s.send({ type: 'mute', peerId: 'c' });
    s.human({ peerIds: ['a'] });
    s.finish({ mentions: { peerIds: ['c'] } });
    expect(s.dispatchedPeers()).toEqual(['a']);
    expect(s.eventsOf('turn-skipped')).toMatchObject([{ peerId: 'c', reason: 'muted', askedByMessageId: 'reply-t1' }]);
  });

  it('a peer @all asks every other enabled peer, from the seat after the speaker', () => {
    const s = sim(4);
    s.human({ peerIds: ['b'] });
    s.finish({ mentions: { all: true } });
    s.runUntilIdle();
    expect(s.dispatchedPeers()).toEqual(['b', 'c', 'd', 'a']);
    expect(s.eventsOf('broadcast-sent')).toMatchObject([{ senderId: 'b', recipients: ['c', 'd', 'a'] }]);
  });
});

describe('governance limits and end reasons (§5.5, §5.6)', () => {
  it('defaults: min(2 x peers, 8) turns, depth 3, ping-pong 2, sequential', () => {
    expect(currentLimits(sim(2).state)).toMatchObject({
      maxTurnsPerRound: 4,
      maxDepth: 3,
      pingPong: 2,
      parallelFirstWave: false,
    });
    expect(currentLimits(sim(6).state).maxTurnsPerRound).toBe(8);
  });

  it('turn budget: no more than maxTurnsPerRound turns, end reason turn-budget', () => {
    const s = sim(3, { limits: { maxTurnsPerRound: 2 } });
    s.human({ all: true });
    s.runUntilIdle();
    expect(s.dispatchedPeers()).toHaveLength(2);
    expect(s.endReasons()).toEqual(['turn-budget']);
    expect(s.eventsOf('turn-skipped')).toMatchObject([{ reason: 'turn-budget' }]);
  });

  it('a budget used up exactly, with nothing left to do, is queue-empty', () => {
    const s = sim(2, { limits: { maxTurnsPerRound: 2 } });
    s.human({ all: true });
    s.runUntilIdle();
    expect(s.endReasons()).toEqual(['queue-empty']);
  });

  it('depth limit: a chain stops at maxDepth, end reason depth-limit', () => {
    const s = sim(4, { limits: { maxDepth: 2, maxTurnsPerRound: 8 } });
    s.human({ peerIds: ['a'] });
    const next: Record<string, string> = { a: 'b', b: 'c', c: 'd', d: 'a' };
    s.runUntilIdle((turn) => ({ mentions: { peerIds: [next[turn.peerId]!] } }));
    expect(s.eventsOf('turn-dispatched').map((event) => event.depth)).toEqual([0, 1, 2]);
    expect(s.endReasons()).toEqual(['depth-limit']);
  });

  it('adversarial mode allows deeper chains (depth 4)', () => {
    const s = sim(6, { mode: ADVERSARIAL_MODE });
    s.human({ peerIds: ['a'] });
    const next: Record<string, string> = { a: 'b', b: 'c', c: 'd', d: 'e', e: 'f', f: 'a' };
    s.runUntilIdle((turn) => ({ mentions: { peerIds: [next[turn.peerId]!] } }));
    expect(Math.max(...s.eventsOf('turn-dispatched').map((event) => event.depth))).toBe(4);
  });

  it('ping-pong: the same two peers answer each other at most pingPong times in a row', () => {
    const s = sim(2, { limits: { pingPong: 2, maxDepth: 10, maxTurnsPerRound: 20 } });
    s.human({ peerIds: ['a'] });
    s.runUntilIdle((turn) => ({ mentions: { peerIds: [turn.peerId === 'a' ? 'b' : 'a'] } }));
    // a (asked by the human), b answers a (1), a answers b (2); b answering again would be the 3rd.
    expect(s.dispatchedPeers()).toEqual(['a', 'b', 'a']);
    expect(s.endReasons()).toEqual(['ping-pong-limit']);
  });

  it('no peer twice in a row: such a turn waits behind another, or is dropped', () => {
    const s = sim(3, { limits: { parallelFirstWave: true } });
    s.human({ peerIds: ['a', 'b'] });
    s.finish({ mentions: { peerIds: ['b'] } }); // a asks b, while b is still answering the human
    s.finish({ mentions: { peerIds: ['c'] } }); // b finishes and asks c
    // b (asked by a) would follow b: c goes first.
    expect(s.pending.map((turn) => turn.peerId)).toEqual(['c']);
    s.runUntilIdle();
    expect(s.dispatchedPeers()).toEqual(['a', 'b', 'c', 'b']);

    const t = sim(2, { limits: { parallelFirstWave: true } });
    t.human({ peerIds: ['a', 'b'] });
    t.finish({ mentions: { peerIds: ['b'] } });
    t.finish();
    expect(t.eventsOf('turn-skipped')).toMatchObject([{ peerId: 'b', reason: 'twice-in-a-row' }]);
    expect(t.endReasons()).toEqual(['queue-empty']);
  });

  it('the human may make a peer speak twice in a row', () => {
    const s = sim(2);
    s.human({ peerIds: ['a'] });
    s.finish();
    s.send({ type: 'speak-now', peerId: 'a' });
    expect(s.pending.map((turn) => [turn.peerId, turn.reason.kind])).toEqual([['a', 'human-forced']]);
  });

  it('token budget: the round stops when its tokens are spent', () => {
    const s = sim(3, { limits: { tokenBudget: 100 } });
    s.human({ all: true });
    s.finish({ tokens: { input: 80, output: 30 } });
    expect(s.pending).toEqual([]);
    expect(s.endReasons()).toEqual(['token-budget']);
  });

  it('cost budget ends with token-budget too', () => {
    const s = sim(3, { limits: { costBudgetUsd: 0.01 } });
    s.human({ all: true });
    s.finish({ costUsd: 0.02 });
    expect(s.endReasons()).toEqual(['token-budget']);
  });

  it('a budget lets running turns finish before the round ends', () => {
    const s = sim(3, { limits: { tokenBudget: 10, parallelFirstWave: true } });
    s.human({ all: true });
    s.finish({ tokens: { input: 20, output: 0 } });
    expect(s.endReasons()).toEqual([]);
    s.runUntilIdle((turn) => ({ mentions: { peerIds: [turn.peerId === 'a' ? 'b' : 'a'] } }));
    expect(s.dispatchedPeers()).toHaveLength(3);
    expect(s.endReasons()).toEqual(['token-budget']);
  });

  it('all peers failed', () => {
    const s = sim(2);
    s.human({ all: true });
    s.runUntilIdle(() => ({ status: 'error' }));
    expect(s.endReasons()).toEqual(['all-peers-failed']);
    expect(s.eventsOf('turn-completed').map((event) => event.errorReason)).toEqual(['boom', 'boom']);
  });

  it('one success is enough not to be all-peers-failed', () => {
    const s = sim(2);
    s.human({ all: true });
    s.finish({ status: 'error' });
    s.finish({ status: 'passed' });
    expect(s.endReasons()).toEqual(['queue-empty']);
  });
});

describe('preemption by the human (§5.1)', () => {
  it('a new human message aborts in-flight turns, drops the queue, and ends the round as preempted-by-human', () => {
    const s = sim(3);
    s.human({ peerIds: ['a', 'b'] });
    const effects = s.send({ type: 'human-message', messageId: 'h2', mentions: { peerIds: ['c'], all: false } });
    expect(effects.map((effect) => effect.type)).toEqual(['abort-turn', 'round-ended', 'start-turn']);
    expect(s.eventsOf('turn-completed')).toMatchObject([{ peerId: 'a', status: 'interrupted' }]);
    expect(s.eventsOf('turn-skipped')).toMatchObject([{ peerId: 'b', reason: 'preempted-by-human' }]);
    expect(s.endReasons()).toEqual(['preempted-by-human']);
    expect(s.pending.map((turn) => turn.peerId)).toEqual(['c']);
  });

  it('a late result of an aborted turn is ignored (its completion was recorded at abort)', () => {
    const s = sim(2);
    s.human({ peerIds: ['a'] });
    const aborted = s.pending[0]!;
    s.human({ peerIds: ['b'] });
    const before = s.events.length;
    s.send({ type: 'turn-finished', turnId: aborted.turnId, outcome: { status: 'interrupted' } });
    expect(s.events.length).toBe(before);
  });

  it('with abortInFlightOnHumanMessage off, old turns run on, complete once, and start nothing', () => {
    const s = sim(3, { limits: { abortInFlightOnHumanMessage: false } });
    s.human({ peerIds: ['a'] });
    const effects = s.send({ type: 'human-message', messageId: 'h2', mentions: { peerIds: ['b'], all: false } });
    expect(effects.map((effect) => effect.type)).toEqual(['round-ended', 'start-turn']);
    s.finish({ mentions: { peerIds: ['c'] } }, 0); // the old turn of a, asking c
    expect(s.eventsOf('turn-completed')).toMatchObject([{ peerId: 'a', status: 'complete' }]);
    s.runUntilIdle();
    expect(s.dispatchedPeers()).toEqual(['a', 'b']);
  });
});

describe('human controls (§8)', () => {
  it('stop all: aborts, clears, ends as stopped-by-human', () => {
    const s = sim(3);
    s.human({ all: true });
    s.send({ type: 'stop-all' });
    expect(s.endReasons()).toEqual(['stopped-by-human']);
    expect(s.eventsOf('human-override')).toMatchObject([{ action: 'stop-all' }]);
    expect(s.pending).toEqual([]);
  });

  it('stop one peer: its stream ends, the round goes on', () => {
    const s = sim(3);
    s.human({ peerIds: ['a', 'b', 'c'] });
    s.send({ type: 'stop-peer', peerId: 'a' });
    expect(s.eventsOf('turn-completed')).toMatchObject([{ peerId: 'a', status: 'interrupted' }]);
    expect(s.pending.map((turn) => turn.peerId)).toEqual(['b']);
  });

  it('skip next: the next queued turn is dropped', () => {
    const s = sim(3);
    s.human({ peerIds: ['a', 'b', 'c'] });
    s.send({ type: 'skip-next' });
    s.runUntilIdle();
    expect(s.dispatchedPeers()).toEqual(['a', 'c']);
    expect(s.eventsOf('turn-skipped')).toMatchObject([{ peerId: 'b', reason: 'skipped-by-human' }]);
  });

  it('speak now: goes first in a running round, or opens a round when idle', () => {
    const s = sim(3);
    s.human({ peerIds: ['a', 'b'] });
    s.send({ type: 'speak-now', peerId: 'c' });
    s.runUntilIdle();
    expect(s.dispatchedPeers()).toEqual(['a', 'c', 'b']);
    s.send({ type: 'speak-now', peerId: 'a' });
    expect(s.eventsOf('round-started').at(-1)).toMatchObject({ trigger: 'speak-now', messageId: null });
    expect(s.pending[0]?.reason).toEqual({ kind: 'human-forced' });
  });

  it('speak now is exempt from the turn budget (the human asked for it)', () => {
    const s = sim(2, { limits: { maxTurnsPerRound: 1 } });
    s.human({ peerIds: ['a'] });
    s.send({ type: 'speak-now', peerId: 'b' });
    s.runUntilIdle();
    expect(s.dispatchedPeers()).toEqual(['a', 'b']);
  });

  it('regenerate: a retry turn naming the message it replaces', () => {
    const s = sim(2);
    s.send({ type: 'regenerate', peerId: 'b', messageId: 'old' });
    expect(s.pending[0]?.reason).toEqual({ kind: 'retry', replacesMessageId: 'old' });
  });

  it('speak now refuses a muted or unknown peer', () => {
    const s = sim(2);
    s.send({ type: 'mute', peerId: 'a' });
    expect(s.send({ type: 'speak-now', peerId: 'a' })).toMatchObject([{ type: 'input-rejected', input: 'speak-now' }]);
    expect(s.send({ type: 'speak-now', peerId: 'zz' })).toMatchObject([{ type: 'input-rejected' }]);
  });

  it('mute stops a running peer at once; unmute lets it speak again', () => {
    const s = sim(2);
    s.human({ peerIds: ['a', 'b'] });
    s.send({ type: 'mute', peerId: 'a' });
    expect(s.eventsOf('turn-completed')).toMatchObject([{ peerId: 'a', status: 'interrupted' }]);
    expect(s.pending.map((turn) => turn.peerId)).toEqual(['b']);
    s.send({ type: 'unmute', peerId: 'a' });
    s.runUntilIdle();
    s.human({ peerIds: ['a'] });
    expect(s.pending.map((turn) => turn.peerId)).toEqual(['a']);
  });

  it('mode change: recorded, stamped on later turns', () => {
    const s = sim(2);
    s.send({ type: 'set-mode', mode: ADVERSARIAL_MODE });
    s.human({ peerIds: ['a'] });
    expect(s.eventsOf('mode-changed')).toMatchObject([{ from: 'collaborative', to: 'adversarial' }]);
    expect(s.pending[0]?.modeId).toBe('adversarial');
  });

  it('limit changes take effect at once; invalid ones are refused whole', () => {
    const s = sim(3);
    s.human({ all: true });
    s.send({ type: 'set-limits', limits: { maxTurnsPerRound: 1 } });
    s.runUntilIdle();
    expect(s.dispatchedPeers()).toHaveLength(1);
    const before = s.state;
    expect(s.send({ type: 'set-limits', limits: { maxDepth: 1.5, pingPong: 1 } })).toMatchObject([
      { type: 'input-rejected' },
    ]);
    expect(s.state.limitOverrides).toEqual(before.limitOverrides);
  });

  it('DAP changes are validated: p_min 0 would silence a peer', () => {
    const s = sim(2);
    expect(s.send({ type: 'set-dap', peerId: 'a', dap: { pMin: 0 } })).toMatchObject([{ type: 'input-rejected' }]);
    s.send({ type: 'set-dap', peerId: null, dap: { base: 0.5 } });
    expect(s.state.peers.map((peer) => peer.dap)).toEqual([{ base: 0.5 }, { base: 0.5 }]);
  });

  it('set-peers: records roles, stops turns of removed peers', () => {
    const s = sim(3);
    s.human({ peerIds: ['a', 'b'] });
    s.send({ type: 'set-peers', peers: seats(3).filter((seat) => seat.id !== 'a') });
    expect(s.eventsOf('roles-assigned')).toHaveLength(2);
    expect(s.pending.map((turn) => turn.peerId)).toEqual(['b']);
  });

  it('end session: stops everything, records session-completed, refuses further input', () => {
    const s = sim(2);
    s.human({ all: true });
    s.send({ type: 'end-session' });
    expect(s.events.at(-1)?.type).toBe('session-completed');
    expect(s.endReasons()).toEqual(['stopped-by-human']);
    expect(s.send({ type: 'skip-next' })).toMatchObject([{ type: 'input-rejected' }]);
  });
});

describe('determinism and purity', () => {
  it('does not modify the state it is given', () => {
    const s = sim(3);
    s.human({ peerIds: ['a'] });
    const snapshot = structuredClone(s.state);
    reduceArbiter(s.state, {
      type: 'turn-finished',
      at: 5000,
      turnId: s.pending[0]!.turnId,
      outcome: { status: 'complete', messageId: 'x', mentions: { peerIds: ['b'], all: false } },
    });
    expect(s.state).toEqual(snapshot);
  });

  it('stamps events with a strictly increasing Lamport counter', () => {
    const s = sim(3);
    s.human();
    s.runUntilIdle();
    s.human({ all: true });
    s.runUntilIdle();
    const counters = s.events.map((event) => event.lamport);
    expect(counters).toEqual(counters.map((_, i) => i + 1));
  });

  it('records latency and tokens on completion', () => {
    const s = sim(1);
    s.human({ peerIds: ['a'] });
    s.finish({ tokens: { input: 5, output: 7 } });
    expect(s.eventsOf('turn-completed')[0]).toMatchObject({
      latencyMs: 10,
      tokens: { input: 5, output: 7 },
      status: 'complete',
    });
  });
});
