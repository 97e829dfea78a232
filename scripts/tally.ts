/**
 * The counts behind `npm test`'s closing line, read from Vitest's and Playwright's JSON reports. Pure: the reports
 * come in as parsed JSON (or undefined when none was written), the tally goes out.
 *
 * Nothing is lost silently: a test file that fails to load (so its tests never ran) counts as one failure and is
 * named; a run that failed with no failing test in its report counts as one failure; a missing report counts as one
 * failure. Skipped, todo and pending tests are counted as skipped.
 */
import { isAbsolute, relative } from 'node:path';

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  /** What failed outside any single test (a file that did not load, a missing report…), one line each. */
  problems: string[];
}

export interface RunOutcome {
  /** The runner exited with status 0. */
  ok: boolean;
  /** File names in the problems are shown relative to this folder. */
  root?: string;
}

const empty = (): Tally => ({ passed: 0, failed: 0, skipped: 0, problems: [] });

/** `N passed, M failed`, then `, K skipped` when anything was skipped: the line CI reads. */
export function summaryLine(tally: Tally): string {
  const line = `${tally.passed} passed, ${tally.failed} failed`;
  return tally.skipped > 0 ? `${line}, ${tally.skipped} skipped` : line;
}

/** The regular expression CI matches the closing line with (kept in step with `.ci/run`). */
export const SUMMARY_PATTERN = /^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$/;

export function sumTallies(...tallies: Tally[]): Tally {
  return tallies.reduce(
    (sum, tally) => ({
      passed: sum.passed + tally.passed,
      failed: sum.failed + tally.failed,
      skipped: sum.skipped + tally.skipped,
      problems: [...sum.problems, ...tally.problems],
    }),
    empty(),
  );
}

/** A failing lint or typecheck counts as one failure each. */
export function checksTally(checks: Record<string, boolean>): Tally {
  const failedChecks = Object.entries(checks)
    .filter(([, ok]) => !ok)
    .map(([name]) => name);
  return { ...empty(), failed: failedChecks.length, problems: failedChecks.map((name) => `${name} failed`) };
}

// The parts of Vitest's JSON report we read (vitest/dist, JsonReporter.onTestRunEnd).
interface VitestAssertion {
  status?: string;
  fullName?: string;
}
interface VitestFile {
  name?: string;
  status?: string;
  message?: string;
  assertionResults?: VitestAssertion[];
}

/** Counts Vitest's JSON report (`--reporter=json`), one test file at a time. */
export function vitestTally(report: unknown, run: RunOutcome): Tally {
  const files = isRecord(report) && Array.isArray(report.testResults) ? (report.testResults as VitestFile[]) : null;
  if (files === null) return missingReport('unit tests', 'Vitest');
  const tally = empty();
  for (const file of files) {
    const tests = Array.isArray(file.assertionResults) ? file.assertionResults : [];
    let failedTests = 0;
    for (const test of tests) {
      switch (test.status) {
        case 'passed':
          tally.passed++;
          break;
        case 'failed':
          failedTests++;
          break;
        case 'skipped':
        case 'pending':
        case 'todo':
          tally.skipped++;
          break;
        default:
          failedTests++;
          tally.problems.push(`unknown test status "${String(test.status)}": ${test.fullName ?? '?'}`);
      }
    }
    tally.failed += failedTests;
    // A file whose tests never ran (it threw on import) or whose hooks failed: no failed test says so.
    if (file.status === 'failed' && failedTests === 0) {
      tally.failed++;
      const what = tests.length === 0 ? 'suite failed to load' : 'suite failed outside its tests';
      tally.problems.push(`${what}: ${displayPath(file.name, run.root)} — ${firstLine(file.message)}`);
    }
  }
  return unexplainedFailure(tally, run, 'unit tests', 'Vitest');
}

// The parts of Playwright's JSON report we read (playwright/lib/reporters/json.js).
interface PlaywrightError {
  message?: string;
  location?: { file?: string; line?: number };
}

/** Counts Playwright's JSON report: its `stats`, plus one failure per error outside any test (`errors[]`). */
export function playwrightTally(report: unknown, run: RunOutcome): Tally {
  const stats = isRecord(report) && isRecord(report.stats) ? report.stats : null;
  if (stats === null) return missingReport('end-to-end tests', 'Playwright');
  const count = (key: string) => (typeof stats[key] === 'number' ? (stats[key] as number) : 0);
  const tally: Tally = {
    passed: count('expected') + count('flaky'),
    failed: count('unexpected'),
    skipped: count('skipped'),
    problems: [],
  };
  const errors = Array.isArray((report as Record<string, unknown>).errors)
    ? ((report as Record<string, unknown>).errors as PlaywrightError[])
    : [];
  // Playwright runs no test at all when a spec file throws while it is loaded; the errors say which.
  const nothingRan = tally.passed + tally.failed + tally.skipped === 0;
  for (const error of errors) {
    tally.failed++;
    // A missing import in an ES module comes with no location; its message names the file that imported it.
    const file = error.location?.file ?? /imported from (\S+)/.exec(error.message ?? '')?.[1];
    const line = error.location?.file && error.location.line ? `:${error.location.line}` : '';
    const where = file ? `${displayPath(file, run.root)}${line}` : 'no file';
    const what = nothingRan && file ? 'suite failed to load' : 'error outside any test';
    tally.problems.push(`${what}: ${where} — ${firstLine(error.message)}`);
  }
  if (errors.length > 0 && nothingRan)
    tally.problems.push('no end-to-end test ran: Playwright runs none when a file fails to load');
  return unexplainedFailure(tally, run, 'end-to-end tests', 'Playwright');
}

function missingReport(label: string, runner: string): Tally {
  return { ...empty(), failed: 1, problems: [`${label}: ${runner} wrote no JSON report`] };
}

/** A failed run whose report shows no failure still counts as one (e.g. an unhandled error between tests). */
function unexplainedFailure(tally: Tally, run: RunOutcome, label: string, runner: string): Tally {
  if (run.ok || tally.failed > 0) return tally;
  return {
    ...tally,
    failed: 1,
    problems: [...tally.problems, `${label}: ${runner} failed, but its report shows no failure (see its output above)`],
  };
}

function displayPath(file: string | undefined, root: string | undefined): string {
  if (!file) return '(unknown file)';
  if (!root || !isAbsolute(file)) return file;
  const inside = relative(root, file);
  return inside.startsWith('..') || isAbsolute(inside) ? file : inside;
}

function firstLine(message: string | undefined): string {
  // Strip terminal colours: the reports carry what the runner printed.
  // eslint-disable-next-line no-control-regex
  const plain = (message ?? '').replace(/\u001b\[[0-9;]*m/g, '').trim();
  return plain.split('\n')[0]?.trim() || '(no message)';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
