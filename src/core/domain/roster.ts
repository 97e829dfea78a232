/**
 * Validation of the people at the table: handles follow the mention grammar, are lowercase and unique
 * (handles and aliases together, case-insensitive); peers may not take the reserved words; every seat follows
 * the seat rules (seat-rules.ts).
 */
import { isReservedName, isValidHandleSyntax } from '../mentions/grammar.ts';
import { HUMAN_WORDS } from '../mentions/grammar.ts';
import { PROVIDER_IDS } from './participants.ts';
import type { Roster } from './participants.ts';
import {
  ALIASES_MESSAGE,
  MAX_ALIASES,
  MAX_PEERS,
  PEERS_MESSAGE,
  validateSeatSettings,
  validateSeatTexts,
} from './seat-rules.ts';

/** A problem found in a roster, with a path such as `peers[1].handle`. */
export interface RosterIssue {
  path: string;
  message: string;
}

/** Returns every problem of the roster (empty when it is valid). */
export function validateRoster(roster: Roster): RosterIssue[] {
  const issues: RosterIssue[] = [];
  // name -> the seat that claimed it first ("human" or "peers[i]") and how to call it in a message
  const owners = new Map<string, { seat: string; label: string }>();
  const claim = (name: string, path: string, seat: string, label: string): void => {
    const key = name.toLowerCase();
    const existing = owners.get(key);
    if (existing === undefined) owners.set(key, { seat, label });
    else if (existing.seat !== seat) {
      issues.push({ path, message: `"${name}" is already used by ${existing.label}.` });
    }
  };
  const checkName = (name: string, path: string, seat: string, label: string, allowHumanWords: boolean): void => {
    if (!isValidHandleSyntax(name)) {
      issues.push({
        path,
        message: `"${name}" must be lowercase letters, digits, "_", "-" or "." (max 32), starting with a letter.`,
      });
    } else if (isReservedName(name) && !(allowHumanWords && HUMAN_WORDS.includes(name))) {
      issues.push({ path, message: `"${name}" is reserved.` });
    } else {
      claim(name, path, seat, label);
    }
  };
  const human = roster.human;
  checkName(human.handle, 'human.handle', 'human', `@${human.handle}`, true);
  if (human.aliases.length > MAX_ALIASES) issues.push({ path: 'human.aliases', message: ALIASES_MESSAGE });
  human.aliases.forEach((alias, i) => checkName(alias, `human.aliases[${i}]`, 'human', `@${human.handle}`, true));
  for (const issue of validateSeatTexts({ displayName: human.displayName }))
    issues.push({ path: `human.${issue.field}`, message: issue.message });
  issues.push(...participantIdIssues(roster));
  if (roster.peers.length > MAX_PEERS) issues.push({ path: 'peers', message: PEERS_MESSAGE });
  roster.peers.forEach((peer, i) => {
    const at = `peers[${i}]`;
    checkName(peer.handle, `${at}.handle`, at, `@${peer.handle}`, false);
    if (peer.aliases.length > MAX_ALIASES) issues.push({ path: `${at}.aliases`, message: ALIASES_MESSAGE });
    peer.aliases.forEach((alias, j) => checkName(alias, `${at}.aliases[${j}]`, at, `@${peer.handle}`, false));
    if (!PROVIDER_IDS.includes(peer.provider)) issues.push({ path: `${at}.provider`, message: 'unknown provider.' });
    for (const issue of [...validateSeatTexts(peer), ...validateSeatSettings(peer.settings)])
      issues.push({ path: `${at}.${issue.field}`, message: issue.message });
  });
  return issues;
}

/**
 * Participant ids must be non-empty and unique: messages and the arbiter tell participants apart by them. Unlike
 * the other rules, a stored conversation that breaks this one cannot be repaired (see rules/repair.ts).
 */
export function participantIdIssues(roster: Roster): RosterIssue[] {
  const issues: RosterIssue[] = [];
  const ids = new Set<string>([roster.human.id]);
  if (roster.human.id === '') issues.push({ path: 'human.id', message: ID_MESSAGE });
  roster.peers.forEach((peer, i) => {
    if (peer.id === '' || ids.has(peer.id)) issues.push({ path: `peers[${i}].id`, message: ID_MESSAGE });
    ids.add(peer.id);
  });
  return issues;
}

const ID_MESSAGE = 'id must be non-empty and unique.';
