/**
 * Test helper: checks MPLP invariants as listed in an invariants YAML file (e.g. `invariants/map-invariants.yaml`).
 * The checks are driven by the YAML entries: each entry's `scope` picks the document and its `rule` is
 * evaluated at its `path`. The machine-checkable rules are implemented (`min-length(n)`, `enum(a,b)`, `uuid-v4`,
 * `non-empty-string`, `optional-string`, `eq(doc.path)`); entries without a rule (the `trace` ones, which the YAML
 * marks as needing custom analysis) are checked by a function registered under their id. An entry this helper
 * cannot check is reported as a failure, never silently passed.
 */
import { parse } from 'yaml';
import type { MplpMapEvent } from '../mplp/types.ts';

export interface Invariant {
  id: string;
  scope: string;
  path?: string;
  rule?: string;
  description?: string;
}

export interface InvariantFailure {
  id: string;
  message: string;
}

/** The documents invariants are checked on, by scope; `trace` is the list of MAP events. */
export type InvariantDocuments = Partial<Record<string, unknown>> & { trace?: readonly MplpMapEvent[] };

/** Reads the `invariants:` list of a YAML file. */
export function parseInvariants(yamlText: string): Invariant[] {
  const parsed = parse(yamlText) as { invariants?: unknown };
  if (!Array.isArray(parsed.invariants)) throw new Error('The YAML has no `invariants:` list.');
  return parsed.invariants.map((entry: unknown, index) => {
    const item = entry as Partial<Invariant>;
    if (typeof item.id !== 'string' || typeof item.scope !== 'string') {
      throw new Error(`invariants[${index}] has no id or scope.`);
    }
    return item as Invariant;
  });
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Trace invariants by id: the rules the YAML describes in words. */
const TRACE_CHECKS: Record<string, (events: readonly MplpMapEvent[]) => string[]> = {
  map_turn_completion_matches_dispatch(events) {
    // "Corresponding": same session_id and role_id, and the same execution token when the events carry one.
    const balance = new Map<string, number>();
    const keyOf = (event: MplpMapEvent) =>
      JSON.stringify([event.session_id, event.payload.role_id ?? null, event.payload.token_id ?? null]);
    for (const event of events) {
      const key = keyOf(event);
      if (event.event_type === 'MAPTurnDispatched') balance.set(key, (balance.get(key) ?? 0) + 1);
      if (event.event_type === 'MAPTurnCompleted') balance.set(key, (balance.get(key) ?? 0) - 1);
    }
    return [...balance]
      .filter(([, open]) => open > 0)
      .map(([key, open]) => `${open} MAPTurnDispatched without a MAPTurnCompleted for [session, role, token] ${key}`);
  },
  map_broadcast_has_receivers(events) {
    const failures: string[] = [];
    for (const sent of events.filter((event) => event.event_type === 'MAPBroadcastSent')) {
      const received = events.filter(
        (event) => event.event_type === 'MAPBroadcastReceived' && event.session_id === sent.session_id,
      );
      if (received.length === 0) failures.push(`MAPBroadcastSent ${sent.event_id} has no MAPBroadcastReceived`);
    }
    return failures;
  },
};

/** Checks every invariant; returns the failures (empty when all hold). */
export function checkInvariants(invariants: readonly Invariant[], documents: InvariantDocuments): InvariantFailure[] {
  const failures: InvariantFailure[] = [];
  for (const invariant of invariants) {
    const fail = (message: string) => failures.push({ id: invariant.id, message });
    if (invariant.rule === undefined) {
      const check = TRACE_CHECKS[invariant.id];
      if (invariant.scope !== 'trace' || check === undefined) {
        fail(`no rule and no registered check for scope "${invariant.scope}"`);
      } else if (documents.trace === undefined) {
        fail('no trace (MAP events) given');
      } else {
        check(documents.trace).forEach(fail);
      }
      continue;
    }
    const document = documents[invariant.scope];
    if (document === undefined) {
      fail(`no "${invariant.scope}" document given`);
      continue;
    }
    if (invariant.path === undefined) {
      fail('a rule without a path');
      continue;
    }
    for (const { at, value } of select(document, invariant.path)) {
      const problem = evaluate(invariant.rule, value, documents);
      if (problem !== null) fail(`${invariant.scope}.${at}: ${problem}`);
    }
  }
  return failures;
}

/** Evaluates one rule on one value: null when it holds, else why not. */
function evaluate(rule: string, value: unknown, documents: InvariantDocuments): string | null {
  const match = /^([a-z0-9-]+)(?:\((.*)\))?$/.exec(rule.trim());
  const [, name, argument = ''] = match ?? [];
  switch (name) {
    case 'min-length': {
      const min = Number(argument);
      const length = Array.isArray(value) || typeof value === 'string' ? value.length : -1;
      return length >= min ? null : `length ${length < 0 ? 'undefined' : length} < ${min}`;
    }
    case 'enum': {
      const allowed = argument.split(',').map((item) => item.trim());
      return typeof value === 'string' && allowed.includes(value)
        ? null
        : `${JSON.stringify(value)} not in [${allowed.join(', ')}]`;
    }
    case 'uuid-v4':
      return typeof value === 'string' && UUID_V4.test(value) ? null : `${JSON.stringify(value)} is not a UUID v4`;
    case 'non-empty-string':
      return typeof value === 'string' && value.length > 0
        ? null
        : `${JSON.stringify(value)} is not a non-empty string`;
    case 'optional-string':
      return value === undefined || typeof value === 'string' ? null : `${JSON.stringify(value)} is not a string`;
    case 'eq': {
      const [scope = '', ...rest] = argument.split('.');
      const expected = select(documents[scope], rest.join('.'))[0]?.value;
      return expected !== undefined && expected === value
        ? null
        : `${JSON.stringify(value)} != ${argument} (${JSON.stringify(expected)})`;
    }
    default:
      return `unknown rule "${rule}"`;
  }
}

/** Values at a path such as `participants[*].role_id` (missing values come back as undefined). */
function select(document: unknown, path: string): { at: string; value: unknown }[] {
  let current: { at: string; value: unknown }[] = [{ at: '', value: document }];
  for (const segment of path.split('.')) {
    const match = /^([^[\]]+)(\[\*\])?$/.exec(segment);
    if (!match) throw new Error(`Cannot read invariant path segment "${segment}".`);
    const [, key = '', all] = match;
    current = current.flatMap(({ at, value }) => {
      const child = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      const childAt = at === '' ? key : `${at}.${key}`;
      if (!all) return [{ at: childAt, value: child }];
      return Array.isArray(child)
        ? child.map((item, index) => ({ at: `${childAt}[${index}]`, value: item as unknown }))
        : [];
    });
  }
  return current;
}
