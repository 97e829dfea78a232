/**
 * `npm run bench`: every benchmark, one table each plus a summary against the budgets (bench/budgets.ts), and the
 * results as JSON in .artifacts/bench/ (results.json and one file per benchmark). Benchmarks, not tests: figures
 * are printed and written, never asserted, and the exit code is 0 unless a benchmark could not run.
 *
 *   npm run bench                          all of them (about 4 to 6 minutes on 2 cores)
 *   npm run bench -- --only streaming,core a subset: first-load, streaming, large-conversation (10,000 and 100,000
 *                                          messages), core, shared (10 members in a room on the sync server)
 *   npm run bench -- --only large-conversation --messages 10000   one size of it
 *   npm run bench -- --app-root ../other   build the app from another checkout (A/B comparisons of a change)
 *   npm run bench -- --profile             diagnosis: an unminified build, CPU profiles of the streaming round and of
 *                                          opening the large conversation (.artifacts/bench/*.cpuprofile) and their
 *                                          busiest functions; slower, so not comparable with the budgets
 *
 * The app is built once (the production build, see lib/build.ts) and served from loopback by a tiny static server,
 * the fake providers run in this process, and Chromium is the machine's own (scripts/find-chromium.ts).
 */
import type { Browser } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { BUDGETS } from './budgets.ts';
import { runCoreBench, SIZES } from './core.ts';
import { runFirstLoadBench } from './first-load.ts';
import { LARGE_CONVERSATION_CASES, runLargeConversationBench } from './browser/large-conversation.ts';
import { runSharedBench } from './browser/shared.ts';
import { runStreamingBench } from './browser/streaming.ts';
import { launchChromium } from './lib/browser.ts';
import { buildForBench, ROOT, type Builds } from './lib/build.ts';
import { artifactsDir, benchTable, summaryTable, writeJson, type BenchReport } from './lib/report.ts';
import { startStaticServer, type StaticServer } from './lib/static-server.ts';

const ALL = ['first-load', 'streaming', 'large-conversation', 'core', 'shared'] as const;
type BenchName = (typeof ALL)[number];

function selected(): BenchName[] {
  const index = process.argv.indexOf('--only');
  if (index < 0) return [...ALL];
  const names = (process.argv[index + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((name) => !(ALL as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0)
    throw new Error(`--only takes a comma-separated list of: ${ALL.join(', ')} (got "${names.join(',')}")`);
  return names as BenchName[];
}

/** `--messages 10000`: only that size of large-conversation (to iterate on one). */
function wantedSize(size: { messages: number }): boolean {
  const index = process.argv.indexOf('--messages');
  return index < 0 || Number(process.argv[index + 1]) === size.messages;
}

async function measure(name: string, run: () => Promise<Omit<BenchReport, 'durationMs'>>): Promise<BenchReport> {
  const started = performance.now();
  const before = loadavg()[0]!;
  const machineLoad = () => ({ before, after: loadavg()[0]!, cores: cpus().length });
  console.log(`\n▶ ${name}…`);
  try {
    const report = { ...(await run()), durationMs: performance.now() - started, machineLoad: machineLoad() };
    console.log(benchTable(report));
    return report;
  } catch (error) {
    const report: BenchReport = {
      benchmark: name,
      title: 'could not run',
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      durationMs: performance.now() - started,
      machineLoad: machineLoad(),
      metrics: [],
    };
    console.log(benchTable(report));
    return report;
  }
}

async function coreReport(): Promise<Omit<BenchReport, 'durationMs'>> {
  const rows = await runCoreBench();
  return {
    benchmark: 'core',
    title: 'protocol core work per peer turn, 8 peers (Node)',
    ok: true,
    metrics: rows.flatMap((row) => [
      {
        key: `msPerTurnAt${row.messages}`,
        label: `per turn at ${row.messages.toLocaleString('en')} messages (mean)`,
        value: row.meanMsPerTurn,
        unit: 'ms' as const,
        ...(row.messages === 10_000 ? { budget: BUDGETS.coreMsPerTurnAt10k } : {}),
        note: `p50 ${row.p50MsPerTurn} ms, p99 ${row.p99MsPerTurn} ms, ${row.samples} samples`,
      },
      ...(row.growthFactor === null
        ? []
        : [
            {
              key: `growthAt${row.messages}`,
              label: `  growth vs ${(row.messages / 10).toLocaleString('en')} messages`,
              value: row.growthFactor,
              unit: 'x' as const,
              note: 'linear work would be ≤ 10×',
            },
          ]),
      {
        key: `coldBuildAt${row.messages}`,
        label: `  cold context build, all 8 peers`,
        value: row.coldBuildAllPeersMs,
        unit: 'ms' as const,
      },
    ]),
    details: { sizes: SIZES, rows },
  };
}

async function main(): Promise<void> {
  const names = selected();
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const reports: BenchReport[] = [];
  mkdirSync(artifactsDir(ROOT), { recursive: true });
  const profiling = process.argv.includes('--profile');
  const profilePath = (name: string) =>
    profiling ? { profilePath: join(artifactsDir(ROOT), `${name}.cpuprofile`) } : {};
  const needsBuild = names.some((name) => name !== 'core');
  const needsBrowser = names.some((name) => ['streaming', 'large-conversation', 'shared'].includes(name));
  const needsStaticServer = names.includes('streaming') || names.includes('large-conversation');

  let builds: Builds | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    if (needsBuild) {
      console.log('Building the app (production) and the benchmark seed page…');
      const appRootIndex = process.argv.indexOf('--app-root');
      const appRoot = appRootIndex < 0 ? undefined : resolve(process.argv[appRootIndex + 1] ?? '.');
      builds = await buildForBench({ unminified: profiling, ...(appRoot ? { appRoot } : {}) });
      if (appRoot) console.log(`  app built from ${appRoot}`);
      console.log(`  built in ${((builds.appBuildMs + builds.seedBuildMs) / 1000).toFixed(1)} s`);
    }
    if (needsStaticServer)
      server = await startStaticServer([
        { prefix: '/', dir: builds!.appDir },
        { prefix: '/__bench/', dir: builds!.seedDir },
      ]);
    if (needsBrowser) browser = await launchChromium();
    for (const name of names) {
      switch (name) {
        case 'first-load':
          if (profiling) console.log('\n(first-load skipped with --profile: the build is unminified)');
          else reports.push(await measure(name, async () => runFirstLoadBench(builds!.appDir)));
          break;
        case 'streaming':
          reports.push(
            await measure(name, () =>
              runStreamingBench(browser!, server!.url, {
                ...profilePath(name),
                samplesPath: join(artifactsDir(ROOT), 'streaming-samples.json'),
              }),
            ),
          );
          break;
        case 'large-conversation':
          // Both sizes, each a table of its own: 10,000 and 100,000 messages.
          for (const size of LARGE_CONVERSATION_CASES.filter(wantedSize))
            reports.push(
              await measure(size.benchmark, () =>
                runLargeConversationBench(browser!, server!, size, profilePath(size.benchmark)),
              ),
            );
          break;
        case 'core':
          reports.push(await measure(name, coreReport));
          break;
        case 'shared':
          // The app is served by the sync server itself (a child process), as `npm start` serves it.
          reports.push(
            await measure(name, () =>
              runSharedBench(browser!, builds!.appDir, {
                samplesPath: join(artifactsDir(ROOT), 'shared-samples.json'),
              }),
            ),
          );
          break;
      }
    }
  } finally {
    await browser?.close();
    await server?.close();
    builds?.dispose();
  }

  console.log(`\n${summaryTable(reports)}`);
  const busiest = Math.max(
    ...reports.map((report) => Math.max(report.machineLoad?.before ?? 0, report.machineLoad?.after ?? 0)),
  );
  if (busiest > cpus().length)
    console.log(
      `\nNote: the machine was busy (load average up to ${busiest.toFixed(1)} on ${cpus().length} cores): other work ` +
        'competed for the CPU, so the times above are higher than on an idle machine. Sizes are unaffected.',
    );
  const environment = {
    node: process.version,
    chromium: browser?.version() ?? null,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryBytes: totalmem(),
    platform: process.platform,
  };
  const out = artifactsDir(ROOT);
  for (const report of reports) writeJson(join(out, `${report.benchmark}.json`), { startedAt, environment, ...report });
  writeJson(join(out, 'results.json'), {
    startedAt,
    durationMs: Math.round(performance.now() - started),
    environment,
    budgets: BUDGETS,
    benchmarks: reports,
  });
  console.log(
    `\nWrote ${join(out, 'results.json')} (and one JSON per benchmark) in ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  );
  if (reports.some((report) => !report.ok)) process.exitCode = 1;
}

await main();
