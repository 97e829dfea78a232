/**
 * `npm test`: lint, typecheck, unit tests (Vitest) and end-to-end tests (Playwright in Chromium), all run even
 * when one fails, then one closing line `N passed, M failed` that sums unit and e2e tests. A failing lint or
 * typecheck counts as one failure each, so the line never reads "0 failed" on a red run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromiumOnThisMachine } from './find-chromium';

const ARTIFACTS = '.artifacts';
const VITEST_JSON = `${ARTIFACTS}/unit-results.json`;
const E2E_JSON = `${ARTIFACTS}/e2e-results.json`;

interface Tally {
  passed: number;
  failed: number;
}

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function readJson(path: string): unknown {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function unitTally(ok: boolean): Tally {
  const report = readJson(VITEST_JSON) as { numPassedTests?: number; numFailedTests?: number } | undefined;
  if (!report) return { passed: 0, failed: ok ? 0 : 1 };
  const failed = report.numFailedTests ?? 0;
  // A suite that fails to load has no failed test but a failed run: count it.
  return { passed: report.numPassedTests ?? 0, failed: failed === 0 && !ok ? 1 : failed };
}

function e2eTally(ok: boolean): Tally {
  const report = readJson(E2E_JSON) as
    { stats?: { expected?: number; unexpected?: number; flaky?: number } } | undefined;
  if (!report?.stats) return { passed: 0, failed: ok ? 0 : 1 };
  const failed = report.stats.unexpected ?? 0;
  return {
    passed: (report.stats.expected ?? 0) + (report.stats.flaky ?? 0),
    failed: failed === 0 && !ok ? 1 : failed,
  };
}

rmSync(VITEST_JSON, { force: true });
rmSync(E2E_JSON, { force: true });
mkdirSync(ARTIFACTS, { recursive: true });

const lintOk = run('lint', 'npm', ['run', '-s', 'lint']);
const typecheckOk = run('typecheck', 'npm', ['run', '-s', 'typecheck']);
const unitOk = run('unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${VITEST_JSON}`,
]);

let browserProblem: string | null = null;
try {
  findChromiumOnThisMachine();
} catch (error) {
  browserProblem = error instanceof Error ? error.message : String(error);
}
const e2eOk = browserProblem === null && run('end-to-end tests', 'npx', ['playwright', 'test']);
if (browserProblem) console.error(`\n✖ end-to-end tests not run. ${browserProblem}`);

const unit = unitTally(unitOk);
const e2e = e2eTally(e2eOk);
const checkFailures = Number(!lintOk) + Number(!typecheckOk);
console.log(
  `\nlint ${lintOk ? 'ok' : 'FAILED'} · typecheck ${typecheckOk ? 'ok' : 'FAILED'} · ` +
    `unit ${unit.passed} passed, ${unit.failed} failed · e2e ${e2e.passed} passed, ${e2e.failed} failed`,
);
console.log(`${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed + checkFailures} failed`);
process.exit(lintOk && typecheckOk && unitOk && e2eOk ? 0 : 1);
