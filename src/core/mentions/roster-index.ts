/**
 * The lookup table the parser resolves names against: handles and aliases (case-insensitive), the words
 * for everyone and for the human.
 */
import type { Roster } from '../domain/participants.ts';
import { ALL_WORDS, HUMAN_WORDS } from './grammar.ts';

/** What a name resolves to. */
export type MentionTarget =
  { kind: 'peer'; peerId: string; enabled: boolean } | { kind: 'all' } | { kind: 'human'; humanId: string };

export type RosterIndex = ReadonlyMap<string, MentionTarget>;

const cache = new WeakMap<Roster, RosterIndex>();

/**
 * Builds (or returns the cached) name table of a roster. Reserved words win over any handle; a peer handle wins
 * over another peer's alias; the first seat wins among equals (validated rosters have no such clashes).
 */
export function indexRoster(roster: Roster): RosterIndex {
  const cached = cache.get(roster);
  if (cached) return cached;
  const index = new Map<string, MentionTarget>();
  const add = (name: string, target: MentionTarget): void => {
    const key = name.toLowerCase();
    if (key !== '' && !index.has(key)) index.set(key, target);
  };
  for (const word of ALL_WORDS) add(word, { kind: 'all' });
  const human: MentionTarget = { kind: 'human', humanId: roster.human.id };
  for (const word of HUMAN_WORDS) add(word, human);
  add(roster.human.handle, human);
  for (const peer of roster.peers) add(peer.handle, { kind: 'peer', peerId: peer.id, enabled: peer.enabled });
  for (const alias of roster.human.aliases) add(alias, human);
  for (const peer of roster.peers) {
    for (const alias of peer.aliases) add(alias, { kind: 'peer', peerId: peer.id, enabled: peer.enabled });
  }
  cache.set(roster, index);
  return index;
}
