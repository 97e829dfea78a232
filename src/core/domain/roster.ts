/**
 * Validation of the people at the table: handles follow the mention grammar, are lowercase and unique
 * (handles and aliases together, case-insensitive); peers may not take the reserved words.
 */
import { isReservedName, isValidHandleSyntax } from '../mentions/grammar.ts';
import { HUMAN_WORDS } from '../mentions/grammar.ts';
import { PROVIDER_IDS } from './participants.ts';
import type { Roster } from './participants.ts';

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
      issues.push({ path, message: `"${name}" is already used by ${existing.label}` });
    }
  };
  const checkName = (name: string, path: string, seat: string, label: string, allowHumanWords: boolean): void => {
    if (!isValidHandleSyntax(name)) {
      issues.push({
        path,
        message: `"${name}" must be lowercase letters, digits, "_", "-" or "." (max 32), starting with a letter`,
      });
    } else if (isReservedName(name) && !(allowHumanWords && HUMAN_WORDS.includes(name))) {
      issues.push({ path, message: `"${name}" is reserved` });
    } else {
      claim(name, path, seat, label);
    }
  };
  const human = roster.human;
  checkName(human.handle, 'human.handle', 'human', `@${human.handle}`, true);
  human.aliases.forEach((alias, i) => checkName(alias, `human.aliases[${i}]`, 'human', `@${human.handle}`, true));
  const ids = new Set<string>([human.id]);
  roster.peers.forEach((peer, i) => {
    const at = `peers[${i}]`;
    if (peer.id === '' || ids.has(peer.id))
      issues.push({ path: `${at}.id`, message: 'id must be non-empty and unique' });
    ids.add(peer.id);
    checkName(peer.handle, `${at}.handle`, at, `@${peer.handle}`, false);
    peer.aliases.forEach((alias, j) => checkName(alias, `${at}.aliases[${j}]`, at, `@${peer.handle}`, false));
    if (!PROVIDER_IDS.includes(peer.provider)) issues.push({ path: `${at}.provider`, message: 'unknown provider' });
    if (peer.model.trim() === '') issues.push({ path: `${at}.model`, message: 'model must not be empty' });
    if (!Number.isInteger(peer.settings.contextWindow) || peer.settings.contextWindow <= 0) {
      issues.push({ path: `${at}.settings.contextWindow`, message: 'contextWindow must be a positive whole number' });
    }
  });
  return issues;
}
