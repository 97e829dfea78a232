/** First-load benchmark: the JavaScript of the production build's initial page load, gzip (deterministic). */
import { measureFirstLoad } from '../scripts/first-load.ts';
import { BUDGETS } from './budgets.ts';
import type { BenchReport } from './lib/report.ts';

export function runFirstLoadBench(distDir: string): Omit<BenchReport, 'durationMs'> {
  const load = measureFirstLoad(distDir);
  return {
    benchmark: 'first-load',
    title: 'JavaScript of the initial page load (production build), gzip',
    ok: true,
    metrics: [
      {
        key: 'firstLoadJsGzipBytes',
        label: 'initial JavaScript, gzip',
        value: load.gzipBytes,
        unit: 'bytes',
        budget: BUDGETS.firstLoadJsGzipBytes,
        note: `${load.files.length} files`,
      },
      ...load.files.map((file) => ({
        key: `file:${file.path}`,
        label: `  ${file.path.replace(/^\/assets\//, '')}`,
        value: file.gzipBytes,
        unit: 'bytes' as const,
      })),
    ],
    details: load,
  };
}
