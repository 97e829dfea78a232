// The tally against real reports: Vitest and Playwright run over tiny fixture folders written to a temporary
// directory (a passing, a skipped, a todo and a failing test, and files that throw or import a missing file while
// loading), and the tally of what they wrote is checked.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checksTally,
  playwrightTally,
  SUMMARY_PATTERN,
  summaryLine,
  sumTallies,
  vitestTally,
  type Tally,
} from './tally.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const VITEST_CLI = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const PLAYWRIGHT_CLI = require.resolve('@playwright/test/cli');

const fixtures = mkdtempSync(join(tmpdir(), 'peerchat-tally-'));
afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

function writeFixture(folder: string, files: Record<string, string>): string {
  const dir = join(fixtures, folder);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Runs a test runner in its own process, without this Vitest's environment (VITEST_*, NODE_ENV=test…). */
function runner(cli: string, args: string[], cwd: string): Promise<{ ok: boolean; output: string }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(VITEST|TEST$|NODE_ENV$|FORCE_COLOR$)/.test(key)),
  );
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ ok: code === 0, output }));
  });
}

function readReport(path: string, output: string): unknown {
  if (!existsSync(path)) throw new Error(`the runner wrote no report at ${path}:\n${output}`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

const VITEST_FIXTURE = {
  'vitest.config.mjs': `export default { test: { include: ['*.test.ts'] } };\n`,
  'passing.test.ts': `import { describe, expect, it } from 'vitest';
describe('a passing file', () => {
  it('passes', () => expect(1 + 1).toBe(2));
  it.skip('is skipped', () => expect(1).toBe(2));
  it.todo('is still to do');
});
`,
  'failing.test.ts': `import { expect, it } from 'vitest';
it('fails', () => expect(1 + 1).toBe(3));
`,
  'throws.test.ts': `import { expect, it } from 'vitest';
throw new Error('thrown while loading');
it('never runs', () => expect(true).toBe(true));
`,
  'missing-import.test.ts': `import { expect, it } from 'vitest';
import './no-such-file';
it('never runs either', () => expect(true).toBe(true));
`,
};

const PLAYWRIGHT_CONFIG = `export default { testDir: '.', workers: 1, reporter: [['json', { outputFile: 'report.json' }]] };\n`;
const PLAYWRIGHT_SPECS = `import { expect, test } from '@playwright/test';
test('passes', () => expect(1 + 1).toBe(2));
test.skip('is skipped', () => expect(1).toBe(2));
test.fixme('is to be fixed', () => expect(1).toBe(2));
test('fails', () => expect(1 + 1).toBe(3));
`;

function playwrightFixture(folder: string, files: Record<string, string>): string {
  const dir = writeFixture(folder, { 'playwright.config.mjs': PLAYWRIGHT_CONFIG, ...files });
  // The specs import @playwright/test, resolved from the fixture's own folder.
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

interface RealRun {
  report: unknown;
  ok: boolean;
  root: string;
}
let vitestRun: RealRun;
let playwrightRun: RealRun;
let playwrightLoadFailure: RealRun;

beforeAll(async () => {
  const unit = writeFixture('vitest', VITEST_FIXTURE);
  const e2e = playwrightFixture('playwright', { 'some.spec.ts': PLAYWRIGHT_SPECS });
  const broken = playwrightFixture('playwright-broken', {
    // ES modules, as in this repository: a missing import is then reported with no location.
    'package.json': '{ "type": "module" }\n',
    'fine.spec.ts': `import { expect, test } from '@playwright/test';\ntest('would pass', () => expect(1).toBe(1));\n`,
    'throws.spec.ts': `import { test } from '@playwright/test';\nthrow new Error('thrown while loading');\ntest('never runs', () => {});\n`,
    'missing-import.spec.ts': `import { test } from '@playwright/test';\nimport './no-such-file';\ntest('never runs', () => {});\n`,
  });
  const [vitest, playwright, playwrightBroken] = await Promise.all([
    runner(
      VITEST_CLI,
      [
        'run',
        '--root',
        unit,
        '--config',
        join(unit, 'vitest.config.mjs'),
        '--reporter=json',
        '--outputFile=report.json',
      ],
      unit,
    ),
    runner(PLAYWRIGHT_CLI, ['test', '--config', join(e2e, 'playwright.config.mjs')], e2e),
    runner(PLAYWRIGHT_CLI, ['test', '--config', join(broken, 'playwright.config.mjs')], broken),
  ]);
  vitestRun = { report: readReport(join(unit, 'report.json'), vitest.output), ok: vitest.ok, root: unit };
  playwrightRun = { report: readReport(join(e2e, 'report.json'), playwright.output), ok: playwright.ok, root: e2e };
  playwrightLoadFailure = {
    report: readReport(join(broken, 'report.json'), playwrightBroken.output),
    ok: playwrightBroken.ok,
    root: broken,
  };
}, 180_000);

describe('the tally of a real Vitest report', () => {
  it('counts the passing, skipped and todo tests, the failing one, and each file that failed to load', () => {
    const { report, ok, root } = vitestRun;
    expect(ok).toBe(false);
    // What the report's own totals say: one failed test. The two files that never loaded are not in them.
    expect(report).toMatchObject({ numPassedTests: 1, numFailedTests: 1, numPendingTests: 1, numTodoTests: 1 });
    const tally = vitestTally(report, { ok, root });
    expect({ ...tally, problems: [...tally.problems].sort() }).toEqual({
      passed: 1,
      failed: 3,
      skipped: 2,
      problems: [
        expect.stringMatching(/^suite failed to load: missing-import\.test\.ts — .*no-such-file/),
        'suite failed to load: throws.test.ts — thrown while loading',
      ],
    });
  });

  it('names files by their full path when they are outside the root it is given', () => {
    const tally = vitestTally(vitestRun.report, { ok: false, root: join(fixtures, 'elsewhere') });
    expect(tally.problems).toContain(
      `suite failed to load: ${join(vitestRun.root, 'throws.test.ts')} — thrown while loading`,
    );
  });
});

describe('the tally of a real Playwright report', () => {
  it('counts passed, failed and skipped (fixme) tests', () => {
    const { report, ok, root } = playwrightRun;
    expect(ok).toBe(false);
    expect(playwrightTally(report, { ok, root })).toEqual({ passed: 1, failed: 1, skipped: 2, problems: [] });
  });

  it('counts each spec that fails to load as a failure, names it, and says that no test ran', () => {
    const { report, ok, root } = playwrightLoadFailure;
    expect(ok).toBe(false);
    // Playwright ran nothing: its stats are all zero, and only `errors` tells.
    expect(report).toMatchObject({ stats: { expected: 0, unexpected: 0, skipped: 0, flaky: 0 } });
    const tally = playwrightTally(report, { ok, root });
    expect({ ...tally, problems: [...tally.problems].sort() }).toEqual({
      passed: 0,
      failed: 2,
      skipped: 0,
      problems: [
        'no end-to-end test ran: Playwright runs none when a file fails to load',
        expect.stringMatching(
          /^suite failed to load: missing-import\.spec\.ts — Error: Cannot find module .*no-such-file/,
        ),
        'suite failed to load: throws.spec.ts:2 — Error: thrown while loading',
      ],
    });
  });
});

describe('when a report is missing or says less than the run', () => {
  it('a missing or unreadable report is one failure, even when the runner exited 0', () => {
    for (const ok of [true, false]) {
      expect(vitestTally(undefined, { ok })).toMatchObject({ failed: 1, problems: [expect.stringMatching(/no JSON/)] });
      expect(playwrightTally({ suites: [] }, { ok })).toMatchObject({ failed: 1 });
    }
  });

  it('a failed run whose report shows no failure is one failure', () => {
    const clean = {
      testResults: [{ name: '/r/a.test.ts', status: 'passed', assertionResults: [{ status: 'passed' }] }],
    };
    expect(vitestTally(clean, { ok: true })).toEqual({ passed: 1, failed: 0, skipped: 0, problems: [] });
    expect(vitestTally(clean, { ok: false })).toMatchObject({ passed: 1, failed: 1 });
    const stats = { stats: { expected: 2, unexpected: 0, skipped: 0, flaky: 1 }, errors: [] };
    expect(playwrightTally(stats, { ok: true })).toEqual({ passed: 3, failed: 0, skipped: 0, problems: [] });
    expect(playwrightTally(stats, { ok: false })).toMatchObject({ passed: 3, failed: 1 });
  });

  it('a hook that fails around passing tests fails the file', () => {
    const report = {
      testResults: [
        {
          name: '/r/b.test.ts',
          status: 'failed',
          message: 'beforeAll broke',
          assertionResults: [{ status: 'skipped' }],
        },
      ],
    };
    expect(vitestTally(report, { ok: false, root: '/r' })).toEqual({
      passed: 0,
      failed: 1,
      skipped: 1,
      problems: ['suite failed outside its tests: b.test.ts — beforeAll broke'],
    });
  });

  it('an error outside any test while tests did run is a failure of its own', () => {
    const report = {
      stats: { expected: 4, unexpected: 0, skipped: 0, flaky: 0 },
      errors: [{ message: 'Error: global teardown broke\n    at x' }],
    };
    expect(playwrightTally(report, { ok: false })).toEqual({
      passed: 4,
      failed: 1,
      skipped: 0,
      problems: ['error outside any test: no file — Error: global teardown broke'],
    });
  });
});

describe('the closing line', () => {
  const tally = (passed: number, failed: number, skipped: number): Tally => ({ passed, failed, skipped, problems: [] });

  it('is `N passed, M failed`, with `, K skipped` only when something was skipped', () => {
    expect(summaryLine(tally(540, 0, 0))).toBe('540 passed, 0 failed');
    expect(summaryLine(tally(540, 2, 3))).toBe('540 passed, 2 failed, 3 skipped');
    for (const line of ['540 passed, 0 failed', '540 passed, 2 failed, 3 skipped'])
      expect(line).toMatch(SUMMARY_PATTERN);
    expect('540 passed, 2 failed, 0 skipped, 1 todo').not.toMatch(SUMMARY_PATTERN);
  });

  it('sums unit, e2e and the checks, one failure per failing check', () => {
    const total = sumTallies(tally(3, 1, 1), tally(2, 0, 4), checksTally({ lint: false, typecheck: true }));
    expect(total).toEqual({ passed: 5, failed: 2, skipped: 5, problems: ['lint failed'] });
    expect(summaryLine(total)).toBe('5 passed, 2 failed, 5 skipped');
  });

  it('is the line CI greps for', () => {
    expect(readFileSync(join(repo, '.ci', 'run'), 'utf8')).toContain(`grep -E '${SUMMARY_PATTERN.source}'`);
  });
});
