/**
 * Replies left running from an earlier round (a new human message with `abortInFlightOnHumanMessage` off) stay
 * under human authority: Stop all, stopping that peer, muting it and removing its seat all reach them (profile §8).
 */
import { describe, expect, it } from 'vitest';
import { seats, Simulation } from '../testing/simulation.ts';
import { isRoundActive } from './policy.ts';

/** Alpha ("a") is streaming from round 1 when the human writes again and round 2 ends on its own. */
function replyLeftRunning() {
  const s = new Simulation({ peers: seats(3), limits: { abortInFlightOnHumanMessage: false } });
  s.human({ peerIds: ['a'] });
  const left = s.pending[0]!;
  s.human({ peerIds: ['b'] });
  s.finish(
    {},
    s.pending.findIndex((turn) => turn.peerId === 'b'),
  );
  expect(isRoundActive(s.state)).toBe(false);
  expect(s.state.orphans.map((turn) => turn.turnId)).toEqual([left.turnId]);
  return { s, left };
}

const abortsOf = (s: Simulation) => s.effects.filter((effect) => effect.type === 'abort-turn');
const completionOf = (s: Simulation, turnId: string) =>
  s.eventsOf('turn-completed').filter((event) => event.turnId === turnId);

describe('a reply left running from an earlier round', () => {
  it('is aborted by Stop all, completing once as interrupted', () => {
    const { s, left } = replyLeftRunning();
    s.send({ type: 'stop-all' });
    expect(abortsOf(s)).toEqual([{ type: 'abort-turn', turnId: left.turnId, peerId: 'a' }]);
    expect(completionOf(s, left.turnId)).toMatchObject([{ status: 'interrupted' }]);
    expect(s.state.orphans).toEqual([]);
    // The driver's late report of the aborted turn records nothing more.
    s.send({ type: 'turn-finished', turnId: left.turnId, outcome: { status: 'interrupted' } });
    expect(completionOf(s, left.turnId)).toHaveLength(1);
  });

  it('is aborted by stopping its peer, and only that peer', () => {
    const { s, left } = replyLeftRunning();
    s.send({ type: 'stop-peer', peerId: 'b' });
    expect(abortsOf(s)).toEqual([]);
    s.send({ type: 'stop-peer', peerId: 'a' });
    expect(abortsOf(s)).toEqual([{ type: 'abort-turn', turnId: left.turnId, peerId: 'a' }]);
    expect(completionOf(s, left.turnId)).toMatchObject([{ status: 'interrupted' }]);
  });

  it('is aborted by muting its peer', () => {
    const { s, left } = replyLeftRunning();
    s.send({ type: 'mute', peerId: 'a' });
    expect(abortsOf(s)).toEqual([{ type: 'abort-turn', turnId: left.turnId, peerId: 'a' }]);
    expect(s.state.orphans).toEqual([]);
  });

  it('is aborted when its seat is removed', () => {
    const { s, left } = replyLeftRunning();
    s.send({ type: 'set-peers', peers: seats(3).filter((peer) => peer.id !== 'a') });
    expect(abortsOf(s)).toEqual([{ type: 'abort-turn', turnId: left.turnId, peerId: 'a' }]);
  });

  it('keeps "speak now" from starting the same peer a second time', () => {
    const { s } = replyLeftRunning();
    const effects = s.send({ type: 'speak-now', peerId: 'a' });
    expect(effects).toMatchObject([{ type: 'input-rejected', input: 'speak-now' }]);
  });

  it('is also stopped while a newer round runs, which Stop all ends', () => {
    const s = new Simulation({ peers: seats(3), limits: { abortInFlightOnHumanMessage: false } });
    s.human({ peerIds: ['a'] });
    s.human({ peerIds: ['b'] });
    s.send({ type: 'stop-all' });
    expect(
      abortsOf(s)
        .map((effect) => effect.peerId)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(s.endReasons()).toEqual(['preempted-by-human', 'stopped-by-human']);
  });
});
