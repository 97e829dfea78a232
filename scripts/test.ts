/**
 * `npm test`: lint, typecheck, unit tests (Vitest) and end-to-end tests (Playwright in Chromium), all run even
 * when one fails, then one closing line `N passed, M failed` (followed by `, K skipped` when tests were skipped or
 * left to do) that sums unit and e2e tests. The counts come from the runners' JSON reports (scripts/tally.ts): a
 * failing lint or typecheck counts as one failure each, and so does each test file that failed to load, which is
 * named above the closing line, so the line never reads "0 failed" on a red run and no test goes missing unsaid.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromiumOnThisMachine } from './find-chromium.ts';
import { checksTally, playwrightTally, summaryLine, sumTallies, vitestTally } from './tally.ts';

const ARTIFACTS = '.artifacts';
const VITEST_JSON = `${ARTIFACTS}/unit-results.json`;
const E2E_JSON = `${ARTIFACTS}/e2e-results.json`;

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

const root = process.cwd();
const unit = vitestTally(readJson(VITEST_JSON), { ok: unitOk, root });
// Not run for want of a browser: there is no report, which counts as one failure.
const e2e = playwrightTally(readJson(E2E_JSON), { ok: e2eOk, root });
const checks = checksTally({ lint: lintOk, typecheck: typecheckOk });
const total = sumTallies(unit, e2e, checks);

console.log(
  `\nlint ${lintOk ? 'ok' : 'FAILED'} · typecheck ${typecheckOk ? 'ok' : 'FAILED'} · ` +
    `unit ${summaryLine(unit)} · e2e ${summaryLine(e2e)}`,
);
for (const problem of [...unit.problems.map((p) => `unit: ${p}`), ...e2e.problems.map((p) => `e2e: ${p}`)])
  console.log(`✖ ${problem}`);
// The last line: CI reads it.
console.log(summaryLine(total));
process.exit(lintOk && typecheckOk && unitOk && e2eOk && total.failed === 0 ? 0 : 1);
