/**
 * Builds for the benchmarks, with Vite's JavaScript API:
 * - the app's production build (the project's vite.config.ts, mode production): what users get, so first load,
 *   streaming and the large conversation are measured on the real bundle, with no test harness changing its chunks;
 * - the seed page (bench/seed), a separate small bundle served under /__bench/ on the same origin.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface Builds {
  appDir: string;
  seedDir: string;
  appBuildMs: number;
  seedBuildMs: number;
  dispose(): void;
}

export interface BuildOptions {
  /** For CPU profiles with readable function names (`--profile`); not what users get. */
  unminified?: boolean;
  /**
   * Build the app from another checkout (`--app-root`, to compare a change before it lands). The seed page is still
   * built from this checkout, so both must share the IndexedDB schema and the PeerChat JSON format.
   */
  appRoot?: string;
}

export async function buildForBench(options: BuildOptions = {}): Promise<Builds> {
  const appRoot = options.appRoot ?? ROOT;
  const base = mkdtempSync(join(tmpdir(), 'peerchat-bench-'));
  const appDir = join(base, 'app');
  const seedDir = join(base, 'seed');
  let started = performance.now();
  await build({
    configFile: join(appRoot, 'vite.config.ts'),
    root: appRoot,
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: appDir, emptyOutDir: true, ...(options.unminified ? { minify: false } : {}) },
  });
  const appBuildMs = performance.now() - started;
  started = performance.now();
  await build({
    configFile: false,
    root: join(ROOT, 'bench', 'seed'),
    base: '/__bench/',
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: seedDir, emptyOutDir: true },
  });
  const seedBuildMs = performance.now() - started;
  return { appDir, seedDir, appBuildMs, seedBuildMs, dispose: () => rmSync(base, { recursive: true, force: true }) };
}
