import { describe, expect, it } from 'vitest';
import { makeHuman, makePeer, makeRoster, standardRoster } from '../testing/fixtures.ts';
import { validateRoster } from './roster.ts';

describe('validateRoster', () => {
  it('accepts the standard room, and a human called "you"', () => {
    expect(validateRoster(standardRoster())).toEqual([]);
    expect(validateRoster(makeRoster([makePeer('a')], makeHuman({ handle: 'you' })))).toEqual([]);
  });

  it.each([
    ['an uppercase handle', [makePeer('Claude')], 'peers[0].handle'],
    ['a reserved handle', [makePeer('all')], 'peers[0].handle'],
    ['a peer called you', [makePeer('you')], 'peers[0].handle'],
    ['a handle ending in a dot', [makePeer('gpt.')], 'peers[0].handle'],
    ['a duplicate handle', [makePeer('a'), makePeer('a', { id: 'other' })], 'peers[1].handle'],
    ['an alias clashing with a handle', [makePeer('a'), makePeer('b', { aliases: ['a'] })], 'peers[1].aliases[0]'],
    ['a duplicate id', [makePeer('a'), makePeer('b', { id: 'peer-a' })], 'peers[1].id'],
    ['a handle clashing with the human', [makePeer('ana')], 'peers[0].handle'],
    ['an empty model', [makePeer('a', { model: ' ' })], 'peers[0].model'],
    ['a zero context window', [makePeer('a', { settings: { contextWindow: 0 } })], 'peers[0].settings.contextWindow'],
  ])('refuses %s', (_name, peers, path) => {
    expect(validateRoster(makeRoster(peers)).map((issue) => issue.path)).toContain(path);
  });
});
