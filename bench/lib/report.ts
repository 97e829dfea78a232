/** What each benchmark reports, how it is printed as a table, and where its JSON goes. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type Unit = 'ms' | 'count' | 'bytes' | 'x' | 'tokens/s' | '%' | 'px';

export interface Metric {
  /** Stable key for the JSON (e.g. `tokenToPaintP95Ms`). */
  key: string;
  label: string;
  value: number | null;
  unit: Unit;
  /** From bench/budgets.ts; the metric is held to it (value <= budget). */
  budget?: number;
  /** Set when the bench decides itself (e.g. "no long task over 50 ms" when none was reported). */
  within?: boolean;
  /** Shown instead of the value, e.g. "none over 50 ms". */
  display?: string;
  note?: string;
}

export interface BenchReport {
  benchmark: string;
  /** What the benchmark measures, in one line. */
  title: string;
  ok: boolean;
  error?: string;
  durationMs: number;
  /** The machine's 1-minute load average before and after, and its cores: timings are only as quiet as the machine. */
  machineLoad?: { before: number; after: number; cores: number };
  metrics: Metric[];
  details?: unknown;
}

export type Verdict = 'within budget' | 'OVER' | 'not measured' | '';

export function verdictOf(metric: Metric): Verdict {
  if (metric.budget === undefined) return '';
  if (metric.within !== undefined) return metric.within ? 'within budget' : 'OVER';
  if (metric.value === null) return 'not measured';
  return metric.value <= metric.budget ? 'within budget' : 'OVER';
}

export function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return '—';
  switch (unit) {
    case 'ms':
      return `${value.toFixed(value >= 100 ? 0 : 1)} ms`;
    case 'bytes':
      return value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(1)} MB` : `${(value / 1024).toFixed(1)} kB`;
    case 'count':
      return value.toLocaleString('en');
    case 'x':
      return `${value.toFixed(2)}×`;
    case '%':
      return `${value.toFixed(1)} %`;
    case 'px':
      return `${Math.round(value).toLocaleString('en')} px`;
    case 'tokens/s':
      return `${value.toFixed(1)} tokens/s`;
  }
}

export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) => `│ ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' │ ')} │`;
  const rule = (left: string, middle: string, right: string) =>
    `${left}${widths.map((width) => '─'.repeat(width + 2)).join(middle)}${right}`;
  return [rule('┌', '┬', '┐'), line(headers), rule('├', '┼', '┤'), ...rows.map(line), rule('└', '┴', '┘')].join('\n');
}

export function benchTable(report: BenchReport): string {
  const load = report.machineLoad
    ? `, load average ${report.machineLoad.before.toFixed(1)} → ${report.machineLoad.after.toFixed(1)} on ${report.machineLoad.cores} cores`
    : '';
  const heading = `${report.benchmark}: ${report.title} (${(report.durationMs / 1000).toFixed(1)} s${load})`;
  if (!report.ok) return `${heading}\n  FAILED: ${report.error ?? 'unknown error'}`;
  const rows = report.metrics.map((metric) => [
    metric.label,
    metric.display ?? formatValue(metric.value, metric.unit),
    metric.budget === undefined ? '' : formatValue(metric.budget, metric.unit),
    verdictOf(metric),
    metric.note ?? '',
  ]);
  return `${heading}\n${formatTable(['metric', 'measured', 'budget', 'verdict', 'note'], rows)}`;
}

export function summaryTable(reports: BenchReport[]): string {
  const rows: string[][] = [];
  for (const report of reports) {
    if (!report.ok) {
      rows.push([report.benchmark, '(benchmark failed)', '—', '—', 'not measured']);
      continue;
    }
    for (const metric of report.metrics.filter((candidate) => candidate.budget !== undefined)) {
      rows.push([
        report.benchmark,
        metric.label,
        metric.display ?? formatValue(metric.value, metric.unit),
        formatValue(metric.budget!, metric.unit),
        verdictOf(metric),
      ]);
    }
  }
  return `summary\n${formatTable(['benchmark', 'metric', 'measured', 'budget', 'verdict'], rows)}`;
}

export function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

export function artifactsDir(root: string): string {
  return join(root, '.artifacts', 'bench');
}
